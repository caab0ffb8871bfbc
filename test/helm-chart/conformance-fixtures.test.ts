// Runs fixtures/helm-conformance (our own cases, expectations from the Helm and Go
// sources named in each case.json) through the template command, as
// scripts/conformance-helm.mjs does for the shared corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTemplateCommand } from '../../src/cli/template.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'helm-conformance', 'charts');

interface Case {
  args: string[];
  expected: string;
  exitCode: number;
  stderr: string;
}

describe('fixtures/helm-conformance', () => {
  for (const name of readdirSync(dir).sort()) {
    const spec = JSON.parse(readFileSync(join(dir, name, 'case.json'), 'utf8')) as { cases: Case[] };
    for (const c of spec.cases) {
      it(`${name}: ${c.args.join(' ')}`, async () => {
        let stdout = '';
        let stderr = '';
        const code = await runTemplateCommand(c.args, {
          stdout: (s) => (stdout += s),
          stderr: (s) => (stderr += s),
          cwd: join(dir, name),
          now: () => new Date(2026, 0, 1),
          defaultKubeVersion: 'v1.36.0',
        });
        expect({ code, stdout, stderr }).toEqual({ code: c.exitCode, stdout: readFileSync(join(dir, name, c.expected), 'utf8'), stderr: c.stderr });
      });
    }
  }
});
