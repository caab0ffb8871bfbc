/** A chart's renders share the work on the document texts they print alike (src/load/text-memo.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { headStats } from '../../src/helm/chart/manifests.js';
import { BoundedTextCache } from '../../src/helm/go/text-cache.js';
import { loadCharts } from '../../src/load/charts.js';
import { RenderedTextMemo } from '../../src/load/text-memo.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-text-memo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A chart rendered three times: its ConfigMap prints the same text each time, its Deployment two texts. */
function chartWithCiValues(): string {
  const dir = path.join(tmp, 'app');
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  mkdirSync(path.join(dir, 'ci'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 1.0.0\n');
  writeFileSync(path.join(dir, 'values.yaml'), 'replicas: 1\n');
  // A name unique to this run: the head cache outlives one lint.
  const unique = path.basename(tmp).toLowerCase().replace(/[^a-z0-9]/g, '');
  writeFileSync(path.join(dir, 'templates/cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${unique}\ndata:\n  a: "1"\n`);
  writeFileSync(
    path.join(dir, 'templates/deploy.yaml'),
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d-${unique}\nspec:\n  replicas: {{ .Values.replicas }}\n`,
  );
  writeFileSync(path.join(dir, 'ci/a-values.yaml'), 'replicas: 2\n');
  writeFileSync(path.join(dir, 'ci/b-values.yaml'), 'replicas: 1\n');
  return dir;
}

it('parses (for the renderer\'s head and the lint alike) and locates each distinct rendered text once across the ci values renders', async () => {
  const dir = chartWithCiValues();
  const memo = new RenderedTextMemo();
  const fastLoadsBefore = headStats.fastLoads;
  const out = await loadCharts([dir], { display: (a) => path.relative(tmp, a), cwd: tmp, configDir: tmp, kubeVersion: '1.31.0', memo });
  expect(out.renders.map((r) => [r.valuesFile, r.resources.map((x) => x.kind)])).toEqual([
    [undefined, ['ConfigMap', 'Deployment']],
    ['app/ci/a-values.yaml', ['ConfigMap', 'Deployment']],
    ['app/ci/b-values.yaml', ['ConfigMap', 'Deployment']],
  ]);
  // Six documents, three texts: one ConfigMap, a Deployment with 1 and one with 2 replicas.
  expect(memo.stats.parses).toBe(3);
  // The renderer read their heads from those parses: it parsed none itself.
  expect(headStats.fastLoads - fastLoadsBefore).toBe(0);
  const [first, second, third] = out.renders.map((r) => r.resources);
  expect(second[0].object).toBe(first[0].object);
  expect(third[1].object).toBe(first[1].object);
  expect(second[1].object).not.toBe(first[1].object);
  // Shared by the renders, so frozen: a rule that changed it would change the other renders too.
  expect(Object.isFrozen(first[0].object.data)).toBe(true);

  const places = out.renders.map((r) => r.resources[0].doc.locate(['data', 'a']).location);
  expect(places.map((l) => [l.file, l.line, l.column])).toEqual(Array(3).fill(['app/templates/cm.yaml', 6, 6]));
  expect(memo.stats.locators).toBe(1);
});

it('loads a chart once when its variants are rendered one call at a time, as a worker thread does', async () => {
  const dir = chartWithCiValues();
  const memo = new RenderedTextMemo();
  const opts = { display: (a: string) => path.relative(tmp, a), cwd: tmp, configDir: tmp, kubeVersion: '1.31.0', memo };
  const renders = [];
  for (const variant of [0, 1, 2]) renders.push(...(await loadCharts([dir], opts, variant)).renders);
  expect(renders.map((r) => r.valuesFile)).toEqual([undefined, 'app/ci/a-values.yaml', 'app/ci/b-values.yaml']);
  expect(memo.stats.chartLoads).toBe(1);
  expect(memo.stats.parses).toBe(3);
});

it('keeps no more text than its bound, dropping the least recently used first', () => {
  const cache = new BoundedTextCache<number>(10);
  let made = 0;
  const get = (text: string) => cache.get(text, () => ++made);
  expect([get('aaaa'), get('bbbb'), get('aaaa')]).toEqual([1, 2, 1]);
  get('cccc'); // 12 characters: 'bbbb' (least recently used) goes
  expect(get('aaaa')).toBe(1);
  expect(get('bbbb')).toBe(4);
  // Longer than the whole bound: computed each time, never kept.
  expect([get('x'.repeat(11)), get('x'.repeat(11))]).toEqual([5, 6]);
});
