/**
 * Values errors carry their facts as fields (kind, file, flag, place of a YAML
 * syntax error), beside Helm's unchanged message, so the linter places them
 * without parsing the text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mergeValueOptions, ValuesError } from '../../src/helm/chart/values-options.js';
import { readYamlValues, YamlError } from '../../src/helm/chart/values-yaml.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-values-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('values errors', () => {
  it('a YAML syntax error says where it is (1-based), its text still Helm\'s', () => {
    const e = thrown(() => readYamlValues('a: 1\nb: [1, 2\nc: 3\n', 'values.yaml')) as YamlError;
    expect(e).toBeInstanceOf(YamlError);
    expect([e.message, e.position]).toEqual(["error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'", { line: 3, column: 1 }]);
  });

  it('a values file that does not parse: kind parse, the file as given and the place', () => {
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'a:\n\tb: 1\n');
    const e = thrown(() => mergeValueOptions({ valueFiles: [file] })) as ValuesError;
    expect(e).toBeInstanceOf(ValuesError);
    expect(e.message).toBe(`failed to parse ${file}: error converting YAML to JSON: yaml: line 2: found character that cannot start any token`);
    expect(e.detail).toEqual({ kind: 'parse', file, position: { line: 2, column: 1 }, reason: 'error converting YAML to JSON: yaml: line 2: found character that cannot start any token' });
  });

  it('a values file that cannot be read, and a --set that does not parse', () => {
    const missing = path.join(dir, 'missing.yaml');
    const read = thrown(() => mergeValueOptions({ valueFiles: [missing] })) as ValuesError;
    expect([read.message, read.detail]).toEqual([`open ${missing}: no such file or directory`, { kind: 'file', file: missing, reason: 'no such file or directory' }]);
    const set = thrown(() => mergeValueOptions({ set: ['a[=1'] })) as ValuesError;
    expect([set.message, set.detail]).toEqual(['failed parsing --set data: error parsing index: EOF', { kind: 'flag', flag: '--set a[=1', reason: 'error parsing index: EOF' }]);
  });
});
