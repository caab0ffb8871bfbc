// Writes schemas/config.schema.json from the rule registry (run after `tsc`, by `npm run build`).
// The schema is published with the package so editors can complete and check config files.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../dist/src/engine/registry.js';
import { buildConfigSchema } from '../dist/src/config/schema.js';

const out = path.resolve(import.meta.dirname, '../schemas/config.schema.json');
writeFileSync(out, JSON.stringify(buildConfigSchema(RULES), null, 2) + '\n');
