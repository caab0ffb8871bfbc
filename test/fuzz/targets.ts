/**
 * Fuzz targets (issue 16, "keep proving it"): the loader (split + documents), the chart
 * loader and renderer, the values and `--set` parsers, and the template engine. Each target
 * is a fast-check property: it never throws anything but the target's typed errors, and it
 * ends (the runner records the slowest case). test/fuzz/fuzz.test.ts runs a small budget
 * with a fixed seed in `npm test`; `npm run fuzz [runs]` runs long (scripts/fuzz.mjs).
 */
import fc from 'fast-check';
import { parseManifestText } from '../../src/load/documents.js';
import { splitYamlDocuments } from '../../src/load/split.js';
import { loadFiles } from '../../src/helm/chart/loader.js';
import { ChartLoadError } from '../../src/helm/chart/metadata.js';
import { renderChart } from '../../src/helm/chart/render.js';
import { ChartRenderError } from '../../src/helm/chart/render-error.js';
import { newMap, parseSetInto, StrvalsError } from '../../src/helm/chart/strvals.js';
import { readValuesFile, YamlError } from '../../src/helm/chart/values-yaml.js';
import { HelmRenderError, renderHelm } from '../../src/helm/template/helm-engine.js';

export interface FuzzTarget {
  name: string;
  property: (onCase: (ms: number) => void) => fc.IRawProperty<any>;
}

const enc = new TextEncoder();

/** Text that looks like YAML often enough to reach deep into the parsers. */
const yamlish = fc
  .tuple(
    fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a: 1', 'b: [1, 2]', '- x', '  - y', 'k: {m: n}', '"q": "v"', 'x: |', '  text', '&a {z: 1}', 'y: *a', '<<: *a', '!!str 1', '? k', ': v', '%YAML 1.1', 'kind: ConfigMap', 'apiVersion: v1', 'metadata: {name: m}', 'items: [*a, *a]', '#c', '\t', '{', '}', '[', ']', ',', ':', "'", '"', '\\u00e9', '\r', ' ') },
      { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    ),
    { maxLength: 30 },
    ),
    fc.constantFrom('\n', ' ', '', '\n  '),
  )
  .map(([parts, sep]) => parts.join(sep));

const joinLines = (parts: string[]) => parts.join('\n');
const lines = fc.array(fc.oneof({ weight: 3, arbitrary: yamlish }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 8 }).map(joinLines);

/** A document that cannot end the stream early: no line of it is a document marker. */
const brokenDoc = lines.map((t) =>
  t
    .split(/\r\n|\r|\n/)
    .filter((l) => !/^(---|\.\.\.)(\s|$)/.test(l) && !/^%/.test(l))
    .join('\n'),
);

const goodDoc = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;

function timed<T>(onCase: (ms: number) => void, f: () => T): T {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    onCase(performance.now() - t0);
  }
}

async function timedAsync<T>(onCase: (ms: number) => void, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    onCase(performance.now() - t0);
  }
}

function only(e: unknown, ...types: (abstract new (...a: any[]) => Error)[]): void {
  if (!types.some((t) => e instanceof t)) throw e;
}

/** Template text built from pieces of the language, with random bits between. */
const templateText = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('{{', '}}', '{{-', '-}}', '{{ .Values.a }}', '{{ .Values.b.c }}', '{{ range $i, $v := .Values.l }}', '{{ end }}', '{{ if .Values.a }}', '{{ else }}', '{{ with .Values.m }}', '{{ define "x" }}', '{{ include "x" . }}', '{{ template "x" . }}', '{{ toYaml .Values | nindent 2 }}', '{{ tpl .Values.s . }}', '{{ printf "%v" 1 }}', '{{ $x := 1 }}', '{{ $x }}', '{{ until 3 }}', '{{ fail "no" }}', '{{ required "r" .Values.z }}', '{{ default 1 .Values.q }}', '{{ quote . }}', '{{/* c */}}', '|', '(', ')', '"', '`', ' ', '\n', 'a: ', 'kind: ConfigMap\napiVersion: v1\nmetadata: {name: n}\n', '---\n') },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    ),
    { maxLength: 25 },
  )
  .map((p) => p.join(''));

export const TARGETS: FuzzTarget[] = [
  {
    name: 'split: chunks are in order and inside the text',
    property: (onCase) =>
      fc.property(fc.oneof(lines, fc.string({ maxLength: 200 })), (text) =>
        timed(onCase, () => {
          let at = 0;
          for (const c of splitYamlDocuments(text)) {
            if (c.start < at || c.end < c.start || c.end > text.length) throw new Error(`bad chunk ${c.start}-${c.end} in ${text.length}`);
            at = c.end;
          }
        }),
      ),
  },
  {
    name: 'documents: never throws; a broken document hides none of the others',
    property: (onCase) =>
      fc.property(fc.array(brokenDoc, { minLength: 1, maxLength: 3 }), (broken) =>
        timed(onCase, () => {
          const docs = [goodDoc('first'), ...broken, goodDoc('last')];
          const text = docs.join('\n---\n');
          const parsed = parseManifestText(text, 'f.yaml', { defaultNamespace: 'default' });
          const names = parsed.resources.map((r) => (r.object as any)?.metadata?.name);
          if (!names.includes('first') || !names.includes('last')) throw new Error(`a broken document hid a good one: ${JSON.stringify(names)}`);
        }),
      ),
  },
  {
    name: 'values.yaml: a map or a YamlError',
    property: (onCase) =>
      fc.property(fc.oneof(lines, fc.string({ maxLength: 100 })), (text) =>
        timed(onCase, () => {
          try {
            readValuesFile(text, 'values.yaml');
          } catch (e) {
            only(e, YamlError, ChartLoadError);
          }
        }),
      ),
  },
  {
    name: '--set: a map or a StrvalsError',
    property: (onCase) =>
      fc.property(
        fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'b', '.', '=', ',', '[', ']', '0', '1', '{', '}', '\\', '"', 'null', 'true', ' ', '-1', '99999') }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 30 }).map((p) => p.join('')),
        (text) =>
          timed(onCase, () => {
            try {
              parseSetInto(text, newMap());
            } catch (e) {
              only(e, StrvalsError);
            }
          }),
      ),
  },
  {
    name: 'template engine: output or a HelmRenderError',
    property: (onCase) =>
      fc.property(templateText, (text) =>
        timed(onCase, () => {
          try {
            renderHelm([{ name: 'c/templates/t.yaml', text, data: { Values: { a: 1, b: { c: 'x' }, l: [1, 2], m: { k: 'v' }, s: '{{ .Values.a }}' } } as any }], {});
          } catch (e) {
            only(e, HelmRenderError);
          }
        }),
      ),
  },
  {
    name: 'chart loader and render: a chart or a ChartLoadError / ChartRenderError',
    property: (onCase) =>
      fc.asyncProperty(
        fc.oneof(fc.constant('apiVersion: v2\nname: c\nversion: 0.1.0\n'), lines.map((l) => `apiVersion: v2\nname: c\nversion: 0.1.0\n${l}`), lines),
        fc.oneof(fc.constant('a: 1\nl: [1, 2]\nm: {k: v}\n'), lines),
        templateText,
        async (chartYaml, valuesYaml, template) =>
          timedAsync(onCase, async () => {
            try {
              const files = [
                { name: 'Chart.yaml', data: enc.encode(chartYaml) },
                { name: 'values.yaml', data: enc.encode(valuesYaml) },
                { name: 'templates/t.yaml', data: enc.encode(template) },
              ];
              const chart = loadFiles(files, { warn: () => {}, displayRoot: '' });
              await renderChart(chart, {});
            } catch (e) {
              only(e, ChartLoadError, ChartRenderError);
            }
          }),
      ),
  },
];
