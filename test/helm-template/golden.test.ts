/**
 * Replays every golden case in test/helm-template/cases (made by
 * scripts/gen-template-goldens.mjs from the Go reference renderer) through
 * our engine and compares output bytes or the exact error message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHelm } from '../../src/helm/template/helm-engine.js';
import type { GoMap } from '../../src/helm/go/value.js';
import { buildTestContext } from './go-objects.js';
import { testFuncs } from './test-funcs.js';

interface GoldenCase {
  name: string;
  templates: Record<string, string>;
  data?: GoMap;
  strict?: boolean;
  source: 'gotpl' | 'manual';
  expect: { rendered: Record<string, string> } | { error: string };
}

interface GoldenFile {
  group: string;
  data: GoMap;
  cases: GoldenCase[];
}

const dir = join(__dirname, 'cases');

/** JSON data as gotpl builds it: numbers are float64, Release.Revision an int, typed Chart/Capabilities/Files. */
export function goData(json: GoMap): GoMap {
  return buildTestContext(json);
}

/**
 * gotpl runs Go 1.19; Helm v3.21 is built with Go 1.26, whose comparison
 * errors name the types and whose lexer no longer prints the paren rune.
 */
function normalizeGo119(msg: string): string {
  return msg
    .replace(
      /incompatible types for comparison: ((?:\[\]|map\[string\])?interface \{\}|[\w.[\]*]+) and ((?:\[\]|map\[string\])?interface \{\}|[\w.[\]*]+)/g,
      'incompatible types for comparison',
    )
    .replace(/unexpected right paren U\+0029 '\)'/g, 'unexpected right paren')
    // Go 1.19's lexer emitted a stray ")" before failing; newer Go fails first.
    .replace(/unexpected "\)" in [\w ]+$/, 'unexpected right paren')
    .replace(/error calling call: non-function \S+ of type/, 'error calling call: non-function of type');
}

export function runCase(c: GoldenCase, fileData: GoMap): { rendered?: Record<string, string>; error?: string } {
  const data = goData(c.data ?? fileData);
  const files = Object.entries(c.templates).map(([name, text]) => ({ name, text, data }));
  try {
    const out = renderHelm(files, testFuncs, { strict: c.strict === true });
    const rendered: Record<string, string> = {};
    for (const [k, v] of out) rendered[k] = v.text;
    return { rendered };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldenFile;
  describe(`template goldens: ${golden.group}`, () => {
    for (const c of golden.cases) {
      it(c.name, () => {
        const got = runCase(c, golden.data);
        if ('error' in c.expect) {
          const want = c.source === 'gotpl' ? normalizeGo119(c.expect.error) : c.expect.error;
          const actual = got.error === undefined ? undefined : c.source === 'gotpl' ? normalizeGo119(got.error) : got.error;
          expect(actual ?? { unexpectedOutput: got.rendered }).toBe(want);
        } else {
          expect(got.error ?? got.rendered).toEqual(c.expect.rendered);
        }
      });
    }
  });
}
