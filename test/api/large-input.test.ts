/**
 * Input sizes past what a spread in a call can hold: `push(...xs)` and `Math.max(...xs)` put
 * every element on the stack and throw RangeError past ~125,000 elements (issue 16). The lint
 * rule `no-restricted-syntax` (eslint.config.js) keeps them out; these are the probes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatContext, formatters, lint, rules } from '../../src/index.js';
import type { Finding, LintResult } from '../../src/types.js';

const N = 131_072;
const dir = mkdtempSync(path.join(tmpdir(), 'k8s-todo-lint-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every rule off: what is measured is the loading, not the rules' work on 131k resources. */
const allOff = { rules: Object.fromEntries(rules().map((r) => [r.id, 'off'])) };

async function resourcesIn(text: string): Promise<number> {
  const file = path.join(dir, `in-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const result = await lint({ paths: [file], cwd: dir, config: allOff as never });
  expect(result.findings).toEqual([]);
  return result.summary.resources;
}

describe('more than 130,000 of a thing', () => {
  it('a List of 131,072 aliases is 131,072 resources', async () => {
    const text = `apiVersion: v1\nkind: List\nx: &a {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\nitems: [${Array(N).fill('*a').join(', ')}]\n`;
    expect(await resourcesIn(text)).toBe(N);
  }, 120_000);

  it('131,072 tiny documents in one file', async () => {
    const text = Array.from({ length: N }, (_, i) => `--- {apiVersion: v1, kind: ConfigMap, metadata: {name: c${i}}}`).join('\n');
    expect(await resourcesIn(text)).toBe(N);
  }, 120_000);

  it('stylish prints 131,072 findings', () => {
    const findings: Finding[] = Array.from({ length: N }, (_, i) => ({
      ruleId: 'r',
      severity: 'warning',
      message: `m${i}`,
      location: { file: 'a.yaml', line: i + 1, column: 1, endLine: i + 1, endColumn: 2 },
    }));
    const result: LintResult = { findings, suppressed: [], summary: { files: 1, resources: 1, errors: 0, warnings: N, infos: 0, suppressed: 0 } };
    const out = formatters.stylish(result, formatContext({ cwd: dir, color: false }));
    expect(out.split('\n').filter((l) => /^ {2}\d+:1 /.test(l))).toHaveLength(N);
  });
});
