/**
 * The versions a chart names for its images: Chart.yaml's appVersion and the
 * tags in values.yaml (`<x>.image: {repository, tag}` as `helm create` lays
 * them out, or a loose `tag`/`imageTag`), each with the place it is written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { ChartInput } from '../../src/engine/rule.js';
import type { RelatedLocation } from '../../src/types.js';
import { yamlLib } from '../../src/vendor.js';

// yaml is required lazily, like the loaders do.
const yaml = (): typeof import('yaml') => yamlLib();

export interface VersionSource {
  version: string;
  /** `appVersion in charts/todo/Chart.yaml`, `frontend.image.tag in .../values.yaml`. */
  what: string;
  where: RelatedLocation;
}

export interface ChartVersions {
  /** Display directory of the chart, with a trailing `/`: resources whose file starts with it come from the chart. */
  prefix: string;
  appVersion?: VersionSource;
  /** By repository (as written in values): its tag, or '' when the tag is empty (Helm charts then default to appVersion). */
  repositories: Map<string, VersionSource | ''>;
  /** Tags not tied to a repository. */
  looseTags: VersionSource[];
}

type Node = import('yaml').Node | null | undefined;

function scalarText(node: Node): string | undefined {
  const y = yaml();
  if (!y.isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : v === null ? '' : undefined;
}

function parseWithPositions(text: string, file: string) {
  const y = yaml();
  const lc = new y.LineCounter();
  const doc = y.parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  const at = (node: Node, message: string): RelatedLocation => {
    const range = node?.range ?? [0, 0, 0];
    const s = lc.linePos(range[0]);
    const e = lc.linePos(range[1]);
    return { file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col, message };
  };
  return { doc, at };
}

const TAG_KEY = /^(image)?tag$/i;

/** The versions named by the chart in `dir` (absolute), whose files display under `prefix` (ending in `/`). */
export function chartVersions(dir: string, prefix: string): ChartVersions {
  const y = yaml();
  const out: ChartVersions = { prefix, repositories: new Map(), looseTags: [] };
  let chartText: string;
  try {
    chartText = readFileSync(path.join(dir, 'Chart.yaml'), 'utf8');
  } catch {
    return out;
  }
  const chartFile = `${prefix}Chart.yaml`;
  const meta = parseWithPositions(chartText, chartFile);
  if (y.isMap(meta.doc.contents)) {
    const pair = meta.doc.contents.items.find((p) => scalarText(p.key as Node) === 'appVersion');
    const v = pair ? scalarText(pair.value as Node) : undefined;
    if (pair && v) out.appVersion = { version: v, what: `the chart's appVersion (${chartFile})`, where: meta.at(pair.value as Node, `appVersion ${v}`) };
  }
  let valuesText: string;
  const valuesFile = `${prefix}values.yaml`;
  try {
    valuesText = readFileSync(path.join(dir, 'values.yaml'), 'utf8');
  } catch {
    return out;
  }
  const values = parseWithPositions(valuesText, valuesFile);
  const walk = (node: Node, keyPath: string[]) => {
    if (y.isSeq(node)) node.items.forEach((n, i) => walk(n as Node, [...keyPath, `[${i}]`]));
    if (!y.isMap(node)) return;
    const get = (k: string) => node.items.find((p) => scalarText(p.key as Node) === k);
    const repo = get('repository');
    const repoText = repo ? scalarText(repo.value as Node) : undefined;
    const tagPair = node.items.find((p) => TAG_KEY.test(scalarText(p.key as Node) ?? ''));
    if (repoText && tagPair) {
      const tag = scalarText(tagPair.value as Node) ?? '';
      const key = [...keyPath, scalarText(tagPair.key as Node)!].join('.');
      out.repositories.set(repoText, tag === '' ? '' : { version: tag, what: `${key} in ${valuesFile}`, where: values.at(tagPair.value as Node, `${key}: ${tag}`) });
    }
    for (const p of node.items) {
      const k = scalarText(p.key as Node) ?? '';
      if (p === tagPair && repoText) continue;
      const v = scalarText(p.value as Node);
      if (TAG_KEY.test(k) && v) {
        const key = [...keyPath, k].join('.');
        out.looseTags.push({ version: v, what: `${key} in ${valuesFile}`, where: values.at(p.value as Node, `${key}: ${v}`) });
      } else {
        walk(p.value as Node, [...keyPath, k]);
      }
    }
  };
  walk(values.doc.contents as Node, []);
  return out;
}

/**
 * The charts a rendered resource comes from, outermost first: the input chart
 * and the subcharts (charts/<name>/, nested) whose templates produced it.
 * Subcharts packed as archives cannot be read here, and then nothing is
 * returned: their versions are unknown, and the parent's would be wrong.
 */
export function chartChain(charts: readonly ChartInput[], file: string, cache: Map<string, ChartVersions>): ChartVersions[] {
  const top = charts
    .map((c) => ({ c, prefix: c.file.replace(/Chart\.yaml$/, '') }))
    .filter((t) => file.startsWith(t.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!top) return [];
  const chain: ChartVersions[] = [];
  const at = (dir: string, prefix: string) => {
    let v = cache.get(dir);
    if (!v) cache.set(dir, (v = chartVersions(dir, prefix)));
    chain.push(v);
  };
  at(top.c.dir, top.prefix);
  let dir = top.c.dir;
  let prefix = top.prefix;
  for (const m of file.slice(top.prefix.length).matchAll(/charts\/([^/]+)\//gy)) {
    dir = path.join(dir, 'charts', m[1]);
    prefix = `${prefix}charts/${m[1]}/`;
    if (!existsSync(path.join(dir, 'Chart.yaml'))) return [];
    at(dir, prefix);
  }
  return chain;
}
