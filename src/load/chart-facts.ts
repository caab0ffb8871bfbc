/**
 * What chart-level rules know of a chart, worked out by the loader from the
 * chart's files as read once: Chart.yaml as Helm reads it (YAML 1.1) with the
 * position of each field, the subcharts present, and, on first request, the
 * image versions that Chart.yaml and values.yaml name. Rules only read these.
 */
import type { LineCounter, Node } from 'yaml';
import type { ChartFacts, ChartVersions, ChartYaml, ChartYamlDependency, ChartYamlField } from '../engine/rule.js';
import type { Location, RelatedLocation } from '../types.js';
import { yamlLib } from '../vendor.js';

/** The texts of a chart directory, and those of its directory subcharts (by directory name under charts/). */
export interface ChartTexts {
  chartYaml: string;
  /** values.yaml; undefined when the chart has none. */
  valuesYaml?: string;
  subcharts: ReadonlyMap<string, ChartTexts>;
}

export interface ChartSource {
  /** Absolute chart directory. */
  dir: string;
  /** Display path of Chart.yaml. */
  file: string;
  texts: ChartTexts;
  /** Names of subcharts found in charts/ (directories and archives). */
  presentDependencies: string[];
}

/** The facts of one chart; image versions are worked out once per chart and subchart, when a rule asks. */
export function chartFacts(source: ChartSource): ChartFacts {
  const prefix = source.file.replace(/Chart\.yaml$/, '');
  const versions = new Map<string, ChartVersions | undefined>();
  return {
    dir: source.dir,
    file: source.file,
    prefix,
    chartYaml: readChartYaml(source.texts.chartYaml, source.file),
    presentDependencies: source.presentDependencies,
    imageVersions(subchart = []) {
      const key = subchart.join('/');
      if (versions.has(key)) return versions.get(key);
      let texts: ChartTexts | undefined = source.texts;
      let at = prefix;
      for (const name of subchart) {
        texts = texts?.subcharts.get(name);
        at = `${at}charts/${name}/`;
      }
      const found = texts && imageVersions(texts, at);
      versions.set(key, found);
      return found;
    },
  };
}

/** A node's place in a text, as a finding location. */
function locator(file: string, lines: LineCounter) {
  return (node: Node | null | undefined, fallback?: Node | null): Location => {
    const range = node?.range ?? fallback?.range;
    const start = range ? range[0] : 0;
    const end = range ? range[1] : 0;
    const s = lines.linePos(start);
    const e = lines.linePos(Math.max(start, end));
    return { file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  };
}

const CHECKED_FIELDS = ['apiVersion', 'name', 'version', 'appVersion', 'type'] as const;

/** Chart.yaml as Helm reads it (sigs.k8s.io/yaml on go-yaml v2: YAML 1.1, so 1.10 is a number). */
export function readChartYaml(text: string, file: string): ChartYaml {
  const y = yamlLib();
  const lines = new y.LineCounter();
  const doc = y.parseDocument(text, { version: '1.1', lineCounter: lines, uniqueKeys: false });
  const at = locator(file, lines);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const s = lines.linePos(err.pos[0]);
    // The library's own position suffix is dropped: the finding's location says it.
    const reason = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { kind: 'unparsable', location: { file, line: s.line, column: s.col, endLine: s.line, endColumn: s.col }, reason };
  }
  const root = doc.contents;
  if (!y.isMap(root)) return { kind: 'not-a-map', location: at(root as Node | null) };
  const pairOf = (key: string) => root.items.find((p) => y.isScalar(p.key) && p.key.value === key);
  const fields: Partial<Record<(typeof CHECKED_FIELDS)[number], ChartYamlField>> = {};
  for (const key of CHECKED_FIELDS) {
    const pair = pairOf(key);
    if (!pair) continue;
    const value = pair.value as Node | null;
    fields[key] = {
      value: y.isScalar(value) ? value.value : value ? value.toJSON() : undefined,
      source: value?.range ? text.slice(value.range[0], value.range[1]).trim() : '',
      location: at(value, pair.key as Node),
    };
    const field = fields[key]!;
    if (!y.isCollection(value)) field.helm = helmString(field.value, field.source);
  }
  const dependencies: ChartYamlDependency[] = [];
  const deps = pairOf('dependencies')?.value;
  if (y.isSeq(deps)) {
    for (const item of deps.items) {
      if (!y.isMap(item)) continue;
      const namePair = item.items.find((p) => y.isScalar(p.key) && p.key.value === 'name');
      const name = namePair && y.isScalar(namePair.value) ? String(namePair.value.value) : undefined;
      if (!name) continue;
      const versionPair = item.items.find((p) => y.isScalar(p.key) && p.key.value === 'version');
      const version = versionPair && y.isScalar(versionPair.value) ? String(versionPair.value.value) : undefined;
      dependencies.push({ name, ...(version !== undefined ? { version } : {}), location: at(namePair!.value as Node, item as Node) });
    }
  }
  return { kind: 'map', location: at(root), fields, dependencies };
}

/** yaml.v2's plain scalars that are integers (after dropping `_`, Go's ParseInt with base 0) and floats. */
const GO_YAML_INT = /^[-+]?(?:0[bB][01]+|0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|[0-9]+)$/;
const GO_YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;

/**
 * The string Helm stores for a Chart.yaml scalar read into one of its string fields
 * (version, appVersion...). Helm decodes Chart.yaml with sigs.k8s.io/yaml: go-yaml v2
 * reads the scalar (YAML 1.1: timestamps stay text), and when the target field is a
 * string, a number or boolean is turned into text: integers in decimal, floats with
 * strconv.FormatFloat(f, 'g', -1, 32) (so 1.10 is "1.1" and 3.14159265 is "3.1415927"),
 * booleans as true/false; null leaves the field empty. `source` is the scalar as
 * written, for what go-yaml v2 reads as a string but YAML 1.1 does not (1:30).
 * The renderer's chart loader (src/helm, which imports nothing from here) keeps its own
 * copy of this conversion.
 */
export function helmString(value: unknown, source: string): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'number') return source;
  const plain = source.replace(/_/g, '');
  if (GO_YAML_INT.test(plain)) return String(value);
  if (GO_YAML_FLOAT.test(plain)) return formatFloat32G(value);
  return source;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32): the shortest digits that read back as the same float32. */
export function formatFloat32G(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  const x = Math.fround(f);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let digits = '';
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const e = x.toExponential(p - 1);
    if (Math.fround(Number(e)) !== x) continue;
    const [mantissa, power] = e.split('e');
    digits = mantissa.replace(/^-/, '').replace('.', '').replace(/0+$/, '') || '0';
    exp = Number(power);
    break;
  }
  const sign = x < 0 ? '-' : '';
  // %e when the exponent is < -4 or >= 6 (the shortest form's precision for this choice), else %f.
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  const point = exp + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

type AnyNode = Node | null | undefined;

/** A scalar's text as image versions use it: strings and numbers, '' for null; undefined otherwise. */
function scalarText(node: AnyNode): string | undefined {
  if (!yamlLib().isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : v === null ? '' : undefined;
}

/** A text parsed with positions, for version sources. */
function parseWithPositions(text: string, file: string) {
  const y = yamlLib();
  const lc = new y.LineCounter();
  const doc = y.parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  const at = (node: AnyNode, message: string): RelatedLocation => {
    const range = node?.range ?? [0, 0, 0];
    const s = lc.linePos(range[0]);
    const e = lc.linePos(range[1]);
    return { file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col, message };
  };
  return { doc, at };
}

const TAG_KEY = /^(image)?tag$/i;

/** The versions named by a chart whose files display under `prefix` (ending in `/`). */
export function imageVersions(texts: ChartTexts, prefix: string): ChartVersions {
  const y = yamlLib();
  const out: ChartVersions = { prefix, repositories: new Map(), looseTags: [] };
  const chartFile = `${prefix}Chart.yaml`;
  const meta = parseWithPositions(texts.chartYaml, chartFile);
  if (y.isMap(meta.doc.contents)) {
    const pair = meta.doc.contents.items.find((p) => scalarText(p.key as AnyNode) === 'appVersion');
    const v = pair ? scalarText(pair.value as AnyNode) : undefined;
    if (pair && v) out.appVersion = { version: v, what: `the chart's appVersion (${chartFile})`, where: meta.at(pair.value as AnyNode, `appVersion ${v}`) };
  }
  if (texts.valuesYaml === undefined) return out;
  const valuesFile = `${prefix}values.yaml`;
  const values = parseWithPositions(texts.valuesYaml, valuesFile);
  const walk = (node: AnyNode, keyPath: string[]) => {
    if (y.isSeq(node)) node.items.forEach((n, i) => walk(n as AnyNode, [...keyPath, `[${i}]`]));
    if (!y.isMap(node)) return;
    const get = (k: string) => node.items.find((p) => scalarText(p.key as AnyNode) === k);
    const repo = get('repository');
    const repoText = repo ? scalarText(repo.value as AnyNode) : undefined;
    const tagPair = node.items.find((p) => TAG_KEY.test(scalarText(p.key as AnyNode) ?? ''));
    if (repoText && tagPair) {
      const tag = scalarText(tagPair.value as AnyNode) ?? '';
      const key = [...keyPath, scalarText(tagPair.key as AnyNode)!].join('.');
      out.repositories.set(repoText, tag === '' ? '' : { version: tag, what: `${key} in ${valuesFile}`, where: values.at(tagPair.value as AnyNode, `${key}: ${tag}`) });
    }
    for (const p of node.items) {
      const k = scalarText(p.key as AnyNode) ?? '';
      if (p === tagPair && repoText) continue;
      const v = scalarText(p.value as AnyNode);
      if (TAG_KEY.test(k) && v) {
        const key = [...keyPath, k].join('.');
        out.looseTags.push({ version: v, what: `${key} in ${valuesFile}`, where: values.at(p.value as AnyNode, `${key}: ${v}`) });
      } else {
        walk(p.value as AnyNode, [...keyPath, k]);
      }
    }
  };
  walk(values.doc.contents as AnyNode, []);
  return out;
}
