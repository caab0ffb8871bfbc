/**
 * Helm allows 1000 nested includes (1001 calls of one name) and then fails
 * with its own error. Node's main-thread stack holds only a few hundred of
 * our nested includes, so renderChart renders such a chart again on a worker
 * thread with a big stack (src/helm/chart/deep-render.ts). The worker cannot
 * load TypeScript, so this suite bundles its entry with esbuild first.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChart, renderChart } from '../../src/helm/index.js';
import { packGoValue, setDeepRenderWorker, unpackGoValue } from '../../src/helm/chart/deep-render.js';
import { GoInt, getOrigin, goInt64, setOrigin, type GoMap } from '../../src/helm/go/value.js';

const scratch = mkdtempSync(join(tmpdir(), 'deep-include-'));
const chartDir = join(scratch, 'deep');

const HELPER =
  '{{- define "deep" -}}{{- if lt (int .n) (int .max) -}}{{ include "deep" (dict "n" (add1 .n) "max" .max) }}' +
  '{{- else -}}{{ .n }}{{- end -}}{{- end -}}\n';
const CM =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\ndata:\n' +
  '  depth: {{ include "deep" (dict "n" 1 "max" .Values.depth) | quote }}\n';

beforeAll(async () => {
  mkdirSync(join(chartDir, 'templates'), { recursive: true });
  writeFileSync(join(chartDir, 'Chart.yaml'), 'apiVersion: v2\nname: deep\nversion: 0.1.0\n');
  writeFileSync(join(chartDir, 'values.yaml'), 'name: deep-cm\ndepth: 10\n');
  writeFileSync(join(chartDir, 'templates', '_h.tpl'), HELPER);
  writeFileSync(join(chartDir, 'templates', 'cm.yaml'), CM);
  const outfile = join(scratch, 'deep-render-worker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/helm/chart/deep-render-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    // The bundle lives outside the repository, so packages go into it too; CommonJS ones need require.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  setDeepRenderWorker(pathToFileURL(outfile));
});

afterAll(() => {
  setDeepRenderWorker(undefined);
  rmSync(scratch, { recursive: true, force: true });
});

const manifest = (depth: string) =>
  `---\n# Source: deep/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep-cm\ndata:\n  depth: "${depth}"\n`;

describe('deep include chains', () => {
  it('a shallow chain renders on the main thread', async () => {
    const r = await renderChart(await loadChart(chartDir), { set: ['depth=50'] });
    expect(r.output).toBe(manifest('50'));
  });

  it('1001 nested includes of one name render, as in Helm', async () => {
    const r = await renderChart(await loadChart(chartDir), { set: ['depth=1001'] });
    expect(r.output).toBe(manifest('1001'));
    // Provenance survives the trip to the worker: the name came from values.yaml line 1.
    const nameAt = r.documents[0].text.indexOf('deep-cm');
    const span = r.documents[0].spans.find((s) => s.start <= nameAt && nameAt < s.end);
    expect(span?.origin).toEqual({ file: join(chartDir, 'values.yaml'), line: 1, column: 7, endLine: 1, endColumn: 14 });
  });

  it('one more is a runaway recursion: Helm\'s nested-reference error, with every include on the way', async () => {
    const outer = 'template: deep/templates/cm.yaml:6:12: executing "deep/templates/cm.yaml" at <include "deep" (dict "n" 1 "max" .Values.depth)>: error calling include: ';
    const unit = 'template: deep/templates/_h.tpl:1:57: executing "deep" at <include "deep" (dict "n" (add1 .n) "max" .max)>: error calling include: ';
    const expected = outer + unit.repeat(1001) + 'rendering template has a nested reference name: deep: unable to execute template';
    for (const depth of ['1002', '100000']) {
      const err = await renderChart(await loadChart(chartDir), { set: [`depth=${depth}`] }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).toBe(expected);
    }
  });
});

describe('without a worker', () => {
  it('a runaway include recursion still gets Helm\'s error, worked out from the recursion seen so far', async () => {
    const outer = 'template: deep/templates/cm.yaml:6:12: executing "deep/templates/cm.yaml" at <include "deep" (dict "n" 1 "max" .Values.depth)>: error calling include: ';
    const unit = 'template: deep/templates/_h.tpl:1:57: executing "deep" at <include "deep" (dict "n" (add1 .n) "max" .max)>: error calling include: ';
    setDeepRenderWorker(pathToFileURL(join(scratch, 'no-such-worker.mjs')));
    try {
      const err = await renderChart(await loadChart(chartDir), { set: ['depth=100000'] }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).toBe(outer + unit.repeat(1001) + 'rendering template has a nested reference name: deep: unable to execute template');
    } finally {
      setDeepRenderWorker(pathToFileURL(join(scratch, 'deep-render-worker.mjs')));
    }
  });
});

describe('deep template recursion', () => {
  const tplChart = join(scratch, 'tpl');
  const render = async (depth: number) => {
    mkdirSync(join(tplChart, 'templates'), { recursive: true });
    writeFileSync(join(tplChart, 'Chart.yaml'), 'apiVersion: v2\nname: tpl\nversion: 0.1.0\n');
    writeFileSync(
      join(tplChart, 'templates', 'a.yaml'),
      `{{ template "a" 1 }}b: 1\n{{ define "a" }}{{ if lt . ${depth} }}{{ template "a" (add1 .) }}{{ end }}{{ end }}`,
    );
    return renderChart(await loadChart(tplChart), {}).then(
      (r) => r.output,
      (e: Error) => e.message,
    );
  };

  it('3000 nested {{ template }} calls render (Go allows 100000)', async () => {
    expect(await render(3000)).toBe('---\n# Source: tpl/templates/a.yaml\nb: 1\n');
  });

  it('past 100000 it is Go\'s depth error', async () => {
    expect(await render(200000)).toBe(
      'template: tpl/templates/a.yaml:2:48: executing "a" at <{{template "a" (add1 .)}}>: exceeded maximum template depth (100000)',
    );
  });
});

describe('values packed for the worker', () => {
  it('keep null-prototype maps, int64, bytes and origins', () => {
    const m = Object.create(null) as GoMap;
    m.a = goInt64(5n);
    m.b = [1, 'x', null, new Uint8Array([1, 2])];
    m.c = Object.create(null) as GoMap;
    setOrigin(m, 'a', { file: 'v.yaml', line: 3, column: 4 });
    setOrigin(m.b as object, 1, { file: 'v.yaml', line: 5, column: 6, flag: '--set b[1]=x' });
    const back = unpackGoValue(structuredClone(packGoValue(m))) as GoMap;
    expect(Object.getPrototypeOf(back)).toBe(null);
    expect(Object.getPrototypeOf(back.c)).toBe(null);
    expect(back.a).toEqual(new GoInt(5n, 'int64'));
    expect(back.a).toBeInstanceOf(GoInt);
    expect(back.b).toEqual([1, 'x', null, new Uint8Array([1, 2])]);
    expect(getOrigin(back, 'a')).toEqual({ file: 'v.yaml', line: 3, column: 4 });
    expect(getOrigin(back.b as object, 1)).toEqual({ file: 'v.yaml', line: 5, column: 6, flag: '--set b[1]=x' });
    expect(getOrigin(back.b as object, 0)).toBeUndefined();
  });
});
