/**
 * Render and load errors keep their structure: the kind, the template, line
 * and column, the values.schema.json violations with their value paths, and
 * the chart file at fault; the message stays Helm's text. Output spans of an
 * action carry where the action ends.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChartLoadError, ChartRenderError, loadChart, renderChart } from '../../src/helm/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'helm-render-error-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
function chartDir(files: Record<string, string>): string {
  const dir = join(scratch, `c${n++}`);
  for (const [name, text] of Object.entries({ 'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n', ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function renderError(files: Record<string, string>): Promise<ChartRenderError> {
  const chart = await loadChart(chartDir(files));
  try {
    await renderChart(chart);
  } catch (e) {
    if (e instanceof ChartRenderError) return e;
    throw e;
  }
  throw new Error('rendered without error');
}

describe('ChartRenderError', () => {
  it('carries a parse error with its template and line', async () => {
    const e = await renderError({ 'templates/cm.yaml': 'a: 1\nb: {{ .Values.x \n' });
    expect(e.message).toBe('parse error at (app/templates/cm.yaml:3): unclosed action started at app/templates/cm.yaml:2');
    expect(e.detail).toEqual({ kind: 'parse', template: 'app/templates/cm.yaml', line: 3 });
  });

  it('carries an execution error with its template, line and 1-based column', async () => {
    const e = await renderError({ 'templates/cm.yaml': 'a: 1\nb: {{ required "x is required" .Values.x }}\n' });
    expect(e.message).toBe('execution error at (app/templates/cm.yaml:2:6): x is required');
    expect(e.detail).toEqual({ kind: 'execution', template: 'app/templates/cm.yaml', line: 2, column: 7 });
  });

  it('carries every values.schema.json violation with its chart and value path; the message is unchanged', async () => {
    const schema = { type: 'object', properties: { image: { type: 'object', properties: { tag: { type: 'string' } } }, ports: { type: 'array', items: { type: 'integer' } } } };
    const e = await renderError({ 'values.schema.json': JSON.stringify(schema), 'values.yaml': 'image:\n  tag: 1\nports: [80, "x"]\n', 'templates/cm.yaml': 'a: 1\n' });
    // jsonschema v6's typeOf calls every number "number".
    expect(e.message).toBe("values don't meet the specifications of the schema(s) in the following chart(s):\napp:\n- at '/image/tag': got number, want string\n- at '/ports/1': got string, want integer\n");
    expect(e.detail).toEqual({
      kind: 'schema',
      violations: [
        { chart: 'app', pointer: '/image/tag', path: ['image', 'tag'], message: 'got number, want string' },
        { chart: 'app', pointer: '/ports/1', path: ['ports', 1], message: 'got string, want integer' },
      ],
    });
  });

  it("says 'yaml' and names the template when a rendered manifest is not YAML", async () => {
    const e = await renderError({ 'templates/cm.yaml': 'a: [1\n' });
    expect(e.detail).toEqual({ kind: 'yaml', template: 'app/templates/cm.yaml' });
  });

  it("says 'chart' for errors before rendering", async () => {
    const e = await renderError({ 'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\ntype: library\n' });
    expect(e.message).toBe('library charts are not installable');
    expect(e.detail).toEqual({ kind: 'chart' });
  });
});

describe('ChartLoadError', () => {
  it('names the chart file at fault', async () => {
    const dir = chartDir({ 'values.yaml': 'a: [1\n' });
    const e = await loadChart(dir).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ChartLoadError);
    expect((e as ChartLoadError).file).toBe(join(dir, 'values.yaml'));
  });
});

describe('output spans', () => {
  it('give an action the position just past its }}, on its last line', async () => {
    const chart = await loadChart(chartDir({ 'values.yaml': 'x: hello\n', 'templates/cm.yaml': 'a: {{ .Values.x }}\nb: {{ .Values.x\n  | quote }}\n' }));
    const doc = (await renderChart(chart)).documents[0];
    const actions = doc.spans.filter((s) => s.kind === 'action').map((s) => [doc.text.slice(s.start, s.end), s.line, s.column, s.endLine, s.endColumn]);
    expect(actions).toEqual([
      ['hello', 1, 4, 1, 19],
      ['"hello"', 2, 4, 3, 13],
    ]);
  });
});
