/**
 * The renders of one chart share the outputs of templates whose reads are unchanged
 * (src/helm/template/render-memo.ts): a render with a RenderMemo must give exactly what a
 * render without one gives (texts and provenance spans), whatever the values, and reuse the
 * templates that read nothing that changed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadChart, renderChart, RenderMemo, type Chart } from '../../src/helm/index.js';

// Sprig's random functions, made repeatable: every render starts the same sequence, so a
// chart that prints random passwords renders alike twice (keys and certificates still differ).
const rng = vi.hoisted(() => ({ seed: 1, next: (): number => 0 }));
rng.next = () => (rng.seed = (rng.seed * 1103515245 + 12345) % 2147483648);
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const randomInt = (a: number, b?: number) => (b === undefined ? rng.next() % a : a + (rng.next() % (b - a)));
  const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => rng.next() & 255));
  const randomUUID = () => `00000000-0000-4000-8000-${String(rng.next()).padStart(12, '0')}`;
  return { ...real, default: { ...real, randomInt, randomBytes, randomUUID }, randomInt, randomBytes, randomUUID };
});

const repo = path.join(import.meta.dirname, '..', '..');
const CORPUS = path.resolve(repo, '../shared/corpus/charts');
const scratch = mkdtempSync(path.join(tmpdir(), 'helm-render-memo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeChart(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** What a render gives, as a comparable value: each document's source, text and spans, or the error. */
async function rendered(chart: Chart, valueFiles: string[], memo?: RenderMemo): Promise<unknown> {
  rng.seed = 1;
  try {
    const r = await renderChart(chart, { valueFiles, memo });
    return { documents: r.documents.map((d) => [d.source, d.text, d.spans]), notes: r.notes, warnings: r.warnings };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

let compared = 0;
let unrepeatable = 0;

/** Renders each values variant in turn with one memo, and each without: they must agree. Returns the reused templates per render. */
async function renderAll(dir: string, variants: string[][]): Promise<string[][]> {
  const chart = await loadChart(dir);
  const memo = new RenderMemo();
  const reused: string[][] = [];
  for (const files of variants) {
    const withMemo = await rendered(chart, files, memo);
    reused.push(memo.lastReused.map((n) => n.slice(n.lastIndexOf('/') + 1)));
    const fresh = await rendered(chart, files);
    // A chart that makes keys or reads the clock renders differently each time: nothing to compare.
    if (JSON.stringify(withMemo) !== JSON.stringify(fresh) && JSON.stringify(fresh) !== JSON.stringify(await rendered(chart, files))) {
      unrepeatable++;
      continue;
    }
    compared++;
    expect(withMemo, `values ${files.join(', ') || '(defaults)'}`).toEqual(fresh);
  }
  return reused;
}

const cm = (name: string, body: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${body}`;

describe('a chart rendered with several values files', () => {
  const dir = writeChart('memo', {
    'Chart.yaml': 'apiVersion: v2\nname: memo\nversion: 0.1.0\ndependencies:\n  - name: sub\n    version: 0.1.0\n    condition: sub.enabled\n',
    'values.yaml': 'a:\n  name: alpha\n  port: 80\nb:\n  name: beta\n  labels:\n    x: "1"\nshared: argocd\np: argocd\nsub:\n  enabled: false\n',
    'templates/_helpers.tpl': '{{- define "memo.name" -}}{{ .Values.shared }}{{- end -}}\n',
    // Helm runs templates in reverse name order: z-include first, a.yaml last.
    'templates/z-include.yaml': cm('z', '{{- if not .Values.a.skip }}\n  name: {{ include "memo.name" . }}\n{{- end }}\n'),
    'templates/p-print.yaml': cm('p', '  # the same text as the helper printed in z-include\n  v: {{ .Values.p }}\n'),
    'templates/r-random.yaml': cm('r', '  v: {{ randAlphaNum 0 | quote }}\n'),
    'templates/w-whole.yaml': cm('w', '  sum: {{ toYaml .Values | sha256sum }}\n'),
    'templates/g-range.yaml': cm('g', '{{- range $k, $v := .Values.b.labels }}\n  {{ $k }}: {{ $v | quote }}\n{{- end }}\n'),
    'templates/i-index.yaml': cm('i', '  port: {{ index .Values "a" "port" | quote }}\n'),
    'templates/b.yaml': cm('b', '  name: {{ .Values.b.name }}\n  labels: {{- toYaml .Values.b.labels | nindent 4 }}\n'),
    'templates/a.yaml': cm('a', '  name: {{ .Values.a.name }}\n  port: {{ .Values.a.port | quote }}\n'),
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/values.yaml': 'greeting: hi\n',
    'charts/sub/templates/s.yaml': cm('s', '  greeting: {{ .Values.greeting }}\n'),
    'ci/b-name.yaml': 'b:\n  name: gamma\n',
    'ci/a-same.yaml': 'a:\n  name: alpha\n',
    'ci/a-skip.yaml': 'a:\n  skip: true\n',
    'ci/labels.yaml': 'b:\n  labels:\n    y: "2"\n',
    'ci/sub.yaml': 'sub:\n  enabled: true\n',
  });
  const ci = (f: string) => [path.join(dir, 'ci', f)];

  it('reuses what reads nothing that changed, and runs the rest again', async () => {
    const reused = await renderAll(dir, [[], ci('b-name.yaml'), ci('a-same.yaml'), ci('a-skip.yaml'), ci('labels.yaml'), ci('sub.yaml'), []]);
    expect(reused[0]).toEqual([]);
    // b.name changed: b.yaml runs again; the random and the whole-values templates never are reused.
    expect(reused[1].sort()).toEqual(['a.yaml', 'g-range.yaml', 'i-index.yaml', 'p-print.yaml', 'z-include.yaml']);
    // a.name has the same value from another file: its origin (a values line the finding points to) changed.
    expect(reused[2]).not.toContain('a.yaml');
    expect(reused[2]).toContain('b.yaml');
    // z-include no longer prints the helper, so p-print's value has no helper provenance any more.
    expect(reused[3]).not.toContain('z-include.yaml');
    expect(reused[3]).not.toContain('p-print.yaml');
    expect(reused[3]).toContain('a.yaml');
    // A label added: what ranges over or prints the labels runs again, the rest does not.
    expect(reused[4]).not.toContain('g-range.yaml');
    expect(reused[4]).not.toContain('b.yaml');
    expect(reused[4]).toContain('i-index.yaml');
    // Another template set (the subchart enabled): nothing recorded for the other set is used.
    expect(reused[5]).toEqual([]);
    expect(reused[6]).toContain('a.yaml');
    for (const r of reused) expect(r).not.toContain('r-random.yaml');
    expect(reused.slice(1, 6).some((r) => r.includes('w-whole.yaml'))).toBe(false);
  });

  it('clips a reused output to its documents once', async () => {
    const chart = await loadChart(dir);
    const memo = new RenderMemo();
    const first = await renderChart(chart, { memo });
    const second = await renderChart(chart, { memo, valueFiles: ci('b-name.yaml') });
    const spansOf = (r: typeof first, source: string) => r.documents.find((d) => d.source === source)!.spans;
    expect(spansOf(second, 'memo/templates/a.yaml')).toBe(spansOf(first, 'memo/templates/a.yaml'));
    expect(spansOf(second, 'memo/templates/b.yaml')).not.toBe(spansOf(first, 'memo/templates/b.yaml'));
  });

  it('reuses the whole-values template only when all the values are the same', async () => {
    const reused = await renderAll(dir, [[], []]);
    expect(reused[1]).toContain('w-whole.yaml');
    expect(reused[1]).not.toContain('r-random.yaml');
  });
});

it('reuses nothing after a template changes the values, and not that template', async () => {
  const dir = writeChart('mutating', {
    'Chart.yaml': 'apiVersion: v2\nname: mutating\nversion: 0.1.0\n',
    'values.yaml': 'seen: {}\nother: 1\n',
    'templates/z-early.yaml': cm('z', '  other: {{ .Values.other | quote }}\n'),
    'templates/m-mutate.yaml': cm('m', '{{- $_ := set .Values.seen "by" "m" }}\n  done: "yes"\n'),
    'templates/a-reader.yaml': cm('a', '  by: {{ .Values.seen.by | default "nobody" }}\n'),
    'ci/other.yaml': 'other: 2\n',
  });
  const reused = await renderAll(dir, [[], [], [path.join(dir, 'ci/other.yaml')]]);
  expect(reused[1]).toEqual(['mutating/templates/z-early.yaml'.slice('mutating/templates/'.length)]);
  expect(reused[2]).toEqual([]);
});

/** Every corpus chart with its ci values files: with and without a memo, the same renders. */
function corpusCharts(): string[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .map((d) => path.join(CORPUS, d, 'chart'))
    .filter((d) => existsSync(path.join(d, 'Chart.yaml')));
}

const charts = corpusCharts();
it.skipIf(charts.length === 0)('renders every corpus chart and its ci values files the same with a memo as without', async () => {
  let reused = 0;
  for (const dir of [...charts, path.join(repo, 'fixtures/charts/todo-app')]) {
    const ci = existsSync(path.join(dir, 'ci')) ? readdirSync(path.join(dir, 'ci')).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => [path.join(dir, 'ci', f)]) : [];
    const per = await renderAll(dir, [[], ...ci, []]);
    reused += per.reduce((n, r) => n + r.length, 0);
  }
  expect(reused).toBeGreaterThan(0);
  // Only charts that make keys or certificates cannot be compared.
  expect(unrepeatable).toBeLessThan(compared / 10);
}, 300_000);
