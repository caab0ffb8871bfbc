/**
 * runTemplate, the `template` command's logic without argv or I/O: it takes
 * parsed options and returns what Helm would print, so the CLI
 * (src/cli/template.ts) only parses, prints and writes files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTemplate, type TemplateOptions } from '../../src/helm/index.js';

const repo = join(import.meta.dirname, '..', '..');
const fixtures = join(repo, 'fixtures', 'charts');

function options(over: Partial<TemplateOptions>): TemplateOptions {
  return { args: [], values: [], set: [], setString: [], setFile: [], setJson: [], setLiteral: [], apiVersions: [], showOnly: [], noHooks: false, ...over };
}

function env() {
  const logged: string[] = [];
  const notices: string[] = [];
  return { logged, notices, env: { cwd: repo, log: (m: string) => logged.push(m), notice: (t: string) => notices.push(t) } };
}

describe('runTemplate', () => {
  it("returns the output `helm template` prints", async () => {
    const e = env();
    const out = await runTemplate(options({ args: ['fixtures/charts/todo-app'] }), e.env);
    expect(out).toEqual({ kind: 'output', text: readFileSync(join(fixtures, 'expected', 'todo-app.txt'), 'utf8') });
  });

  it("returns Helm's error texts instead of printing them", async () => {
    const e = env();
    expect(await runTemplate(options({ args: [] }), e.env)).toEqual({
      kind: 'error',
      message: '"helm template" requires at least 1 argument\n\nUsage:  helm template [NAME] [CHART] [flags]',
    });
    expect(await runTemplate(options({ args: ['./nope'] }), e.env)).toEqual({ kind: 'error', message: 'path "./nope" not found' });
  });

  it('leaves --output-dir files to its caller', async () => {
    const e = env();
    const out = await runTemplate(options({ args: ['rel', 'fixtures/charts/todo-app'], outputDir: 'never-written' }), e.env);
    expect(out.kind).toBe('output-dir');
    if (out.kind !== 'output-dir') return;
    expect(out.releaseName).toBe('rel');
    expect(out.documents.length).toBeGreaterThan(0);
    expect(existsSync(join(repo, 'never-written'))).toBe(false);
  });
});
