#!/usr/bin/env node
/**
 * Regenerates test/helm-template/cases/*.json from test/helm-template/case-table.mjs
 * by running every case through the Go reference renderer (gotpl, see
 * ../shared/tools/gotpl/README.md). Point GOTPL at the binary, or put it on PATH.
 * Without gotpl the script says so and leaves the goldens as they are.
 *
 * Cases that carry their own `expect` (newer Go behaviour gotpl's Go 1.19
 * lacks) are written as they are, marked source "manual".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groups, data as defaultData, T } from '../test/helm-template/case-table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'test/helm-template/cases');

/** GOTPL, else the binary scripts/gotpl-build.sh builds (when Go is installed), else gotpl on PATH. */
function findGotpl() {
  if (process.env.GOTPL && existsSync(process.env.GOTPL)) return process.env.GOTPL;
  const built = spawnSync('sh', [join(root, 'scripts/gotpl-build.sh')], { encoding: 'utf8' });
  if (built.status === 0 && built.stdout.trim() && existsSync(built.stdout.trim())) return built.stdout.trim();
  const which = spawnSync('sh', ['-c', 'command -v gotpl'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  return null;
}

const gotpl = findGotpl();
const needsGotpl = Object.values(groups).some((cases) => cases.some((c) => !c.expect));
if (!gotpl && needsGotpl) {
  console.log('gen-template-goldens: gotpl not found (set GOTPL); goldens left unchanged.');
  process.exit(0);
}

function templatesOf(c) {
  return c.templates ?? { [T]: c.template };
}

const jobs = [];
for (const [group, cases] of Object.entries(groups)) {
  for (const c of cases) {
    if (c.expect) continue;
    jobs.push({ group, c, job: { templates: templatesOf(c), data: c.data ?? defaultData, strict: c.strict === true } });
  }
}

let results = [];
if (jobs.length > 0) {
  const input = jobs.map((j) => JSON.stringify(j.job)).join('\n') + '\n';
  const r = spawnSync(gotpl, ['-batch'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  results = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  if (results.length !== jobs.length) throw new Error(`expected ${jobs.length} results, got ${results.length}`);
}
const byCase = new Map(jobs.map((j, i) => [j.c, results[i]]));

mkdirSync(outDir, { recursive: true });
let total = 0;
for (const [group, cases] of Object.entries(groups)) {
  const out = {
    group,
    generator: 'scripts/gen-template-goldens.mjs: gotpl (Go 1.19 text/template with Helm v3.21.4 engine rules); source "manual" = newer Go behaviour',
    data: defaultData,
    cases: cases.map((c) => {
      const entry = { name: c.name, templates: templatesOf(c) };
      if (c.data && c.data !== defaultData) entry.data = c.data;
      if (c.strict) entry.strict = true;
      if (c.expect) {
        entry.source = 'manual';
        entry.expect = c.expect.error !== undefined ? { error: c.expect.error } : { rendered: { [T]: c.expect.output } };
      } else {
        const r = byCase.get(c);
        entry.source = 'gotpl';
        entry.expect = r.error ? { error: r.error } : { rendered: r.rendered };
      }
      total++;
      return entry;
    }),
  };
  writeFileSync(join(outDir, `${group}.json`), JSON.stringify(out, null, 1) + '\n');
}
console.log(`gen-template-goldens: wrote ${total} cases in ${Object.keys(groups).length} files to ${outDir}`);
