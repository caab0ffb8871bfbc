/**
 * `.Values` is Helm's chartutil.Values: a map with the methods YAML, Table,
 * AsMap, PathValue (and Encode, which needs an io.Writer). The reference
 * renderer passes .Values as a plain map, so these expectations are written
 * by hand from helm.sh/helm/v3 pkg/chartutil/values.go and errors.go.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChart, renderChart } from '../../src/helm/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'values-methods-'));
const parent = join(scratch, 'vm');
const sub = join(parent, 'charts', 'sub');

beforeAll(() => {
  mkdirSync(join(parent, 'templates'), { recursive: true });
  mkdirSync(join(sub, 'templates'), { recursive: true });
  writeFileSync(join(parent, 'Chart.yaml'), 'apiVersion: v2\nname: vm\nversion: 0.1.0\n');
  writeFileSync(join(parent, 'values.yaml'), 'b: 1\na:\n  c: x\n  d:\n    e: deep\nYAML: shadowed\nglobal:\n  g: 1\nsub:\n  s: 2\n');
  writeFileSync(join(sub, 'Chart.yaml'), 'apiVersion: v2\nname: sub\nversion: 0.1.0\n');
  writeFileSync(join(sub, 'values.yaml'), 's: 1\nt: [1, 2]\n');
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Renders `v: {{ expr | toJson }}` in the parent (or the subchart) and returns the JSON value, or the error. */
async function render(expr: string, inSub = false): Promise<{ v?: unknown; error?: string }> {
  const file = join(inSub ? sub : parent, 'templates', 't.yaml');
  rmSync(join(parent, 'templates', 't.yaml'), { force: true });
  rmSync(join(sub, 'templates', 't.yaml'), { force: true });
  writeFileSync(file, `v: {{ ${expr} | toJson }}\n`);
  try {
    const r = await renderChart(await loadChart(parent), {});
    const line = r.output.split('\n').find((l) => l.startsWith('v: '))!;
    return { v: JSON.parse(line.slice(3)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const at = (method: string) => `template: vm/templates/t.yaml:1:13: executing "vm/templates/t.yaml" at <.Values.${method}>: `;

describe('.Values methods', () => {
  it('YAML is the values as sigs.k8s.io/yaml writes them, newline kept; a method wins over a key of the same name', async () => {
    expect(await render('.Values.YAML')).toEqual({
      v: 'YAML: shadowed\na:\n  c: x\n  d:\n    e: deep\nb: 1\nglobal:\n  g: 1\nsub:\n  global:\n    g: 1\n  s: 2\n  t:\n  - 1\n  - 2\n',
    });
  });

  it('a subchart has its own Values with the same methods', async () => {
    expect(await render('.Values.YAML', true)).toEqual({ v: 'global:\n  g: 1\ns: 2\nt:\n- 1\n- 2\n' });
    expect(await render('typeOf .Values', true)).toEqual({ v: 'chartutil.Values' });
  });

  it('is a chartutil.Values of kind map, and still a map to functions that take one', async () => {
    expect(await render('list (typeOf .Values) (kindOf .Values) (printf "%T" .Values) (hasKey .Values "b") (keys .Values | sortAlpha)')).toEqual({
      v: ['chartutil.Values', 'map', 'chartutil.Values', true, ['YAML', 'a', 'b', 'global', 'sub']],
    });
  });

  it('Table follows dotted keys to a sub-table, itself a Values; the map under it stays a plain map', async () => {
    expect(await render('list (.Values.Table "a").c (typeOf (.Values.Table "a")) (typeOf .Values.a) ((.Values.Table "a.d").YAML) ((.Values.Table "a").Table "d")')).toEqual({
      v: ['x', 'chartutil.Values', 'map[string]interface {}', 'e: deep\n', { e: 'deep' }],
    });
  });

  it('a Table shares the map: set on it shows through .Values', async () => {
    expect(await render('list (set (.Values.Table "a") "n" 5 | len) .Values.a.n')).toEqual({ v: [3, 5] });
  });

  it('Table names the first part that is missing or not a map', async () => {
    expect(await render('.Values.Table "nope"')).toEqual({ error: at('Table') + 'error calling Table: "nope" is not a table' });
    expect(await render('.Values.Table "b"')).toEqual({ error: at('Table') + 'error calling Table: "b" is not a table' });
    expect(await render('.Values.Table "a.zz.q"')).toEqual({ error: at('Table') + 'error calling Table: "zz" is not a table' });
    expect(await render('.Values.Table ""')).toEqual({ error: at('Table') + 'error calling Table: "" is not a table' });
  });

  it('AsMap is the same entries as a plain map', async () => {
    expect(await render('list (typeOf .Values.AsMap) .Values.AsMap.b (.Values.Table "a").AsMap.c')).toEqual({
      v: ['map[string]interface {}', 1, 'x'],
    });
  });

  it('PathValue finds non-table values at a dotted path', async () => {
    expect(await render('list (.Values.PathValue "a.c") (.Values.PathValue "b") (.Values.PathValue "a.d.e") ("b" | .Values.PathValue)')).toEqual({
      v: ['x', 1, 'deep', 1],
    });
    expect(await render('.Values.PathValue "a"')).toEqual({ error: at('PathValue') + 'error calling PathValue: "a" is not a value' });
    expect(await render('.Values.PathValue "a.zz"')).toEqual({ error: at('PathValue') + 'error calling PathValue: "zz" is not a value' });
    expect(await render('.Values.PathValue "zz.c"')).toEqual({ error: at('PathValue') + 'error calling PathValue: "c" is not a value' });
    expect(await render('.Values.PathValue ""')).toEqual({ error: at('PathValue') + 'error calling PathValue: YAML path cannot be empty' });
  });

  it('methods check their argument count like any Go method', async () => {
    expect(await render('.Values.YAML "x"')).toEqual({ error: at('YAML') + 'wrong number of args for YAML: want 0 got 1' });
    expect(await render('.Values.Encode')).toEqual({ error: at('Encode') + 'wrong number of args for Encode: want 1 got 0' });
    // Encode takes an io.Writer, which no template value is.
    expect(await render('.Values.Encode "w"')).toEqual({
      error: 'template: vm/templates/t.yaml:1:21: executing "vm/templates/t.yaml" at <"w">: can\'t handle "w" for arg of type io.Writer',
    });
    expect(await render('.Values.Encode .Values.b')).toEqual({
      error: 'template: vm/templates/t.yaml:1:28: executing "vm/templates/t.yaml" at <.Values.b>: wrong type for value; expected io.Writer; got float64',
    });
  });

  it('a map that is not the chart Values has no methods', async () => {
    expect(await render('list .Values.a.YAML (dict "YAML" 1).YAML')).toEqual({ v: [null, 1] });
  });
});
