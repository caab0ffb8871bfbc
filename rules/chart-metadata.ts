import type { Node } from 'yaml';
import { yamlLib } from '../src/load/locate.js';
import { defineRule, type ChartInput, type Report } from '../src/engine/rule.js';
import type { Location } from '../src/types.js';

/** SemVer 2.0.0 (semver.org's grammar): no leading zeros, optional pre-release and build. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const CHART_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'chart-metadata',
    description: 'Chart.yaml has apiVersion v2, a lowercase name, a SemVer 2 version, a string appVersion, a valid type, and its dependencies under charts/',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
  },
  check(ctx) {
    for (const chart of ctx.charts) checkChart(chart, (r) => ctx.report(r));
  },
});

export function checkChart(chart: ChartInput, report: (r: Report) => void): void {
  const lines = new (yamlLib().LineCounter)();
  // YAML 1.1, as Helm reads Chart.yaml (sigs.k8s.io/yaml on go-yaml v2): 1.10 is a number there.
  const doc = yamlLib().parseDocument(chart.text, { version: '1.1', lineCounter: lines, uniqueKeys: false });
  const at = (node: Node | null | undefined, fallback?: Node | null): Location => {
    const range = node?.range ?? fallback?.range;
    const start = range ? range[0] : 0;
    const end = range ? range[1] : 0;
    const s = lines.linePos(start);
    const e = lines.linePos(Math.max(start, end));
    return { file: chart.file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const s = lines.linePos(err.pos[0]);
    report({ location: { file: chart.file, line: s.line, column: s.col, endLine: s.line, endColumn: s.col }, message: `Chart.yaml does not parse: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` });
    return;
  }
  const root = doc.contents;
  if (!yamlLib().isMap(root)) {
    report({ location: at(root as Node | null), message: 'Chart.yaml is not a mapping' });
    return;
  }
  const field = (key: string): { key?: Node; value?: Node | null } => {
    const pair = root.items.find((p) => yamlLib().isScalar(p.key) && p.key.value === key);
    return pair ? { key: pair.key as Node, value: pair.value as Node | null } : {};
  };
  const scalar = (key: string) => {
    const f = field(key);
    return { ...f, v: yamlLib().isScalar(f.value) ? f.value.value : f.value ? f.value.toJSON() : undefined };
  };
  const rootLoc = at(root);

  const api = scalar('apiVersion');
  if (api.key === undefined) report({ location: rootLoc, message: 'Chart.yaml has no apiVersion; Helm 3 charts use apiVersion: v2' });
  else if (api.v !== 'v2') report({ location: at(api.value, api.key), message: `Chart.yaml apiVersion is ${String(api.v)}, expected v2` });

  const name = scalar('name');
  if (name.key === undefined) report({ location: rootLoc, message: 'Chart.yaml has no name' });
  else if (typeof name.v !== 'string' || !CHART_NAME.test(name.v)) {
    report({ location: at(name.value, name.key), message: `chart name ${String(name.v)} is not lowercase letters, digits and dashes` });
  }

  const version = scalar('version');
  if (version.key === undefined) report({ location: rootLoc, message: 'Chart.yaml has no version' });
  else if (typeof version.v !== 'string' || !SEMVER.test(version.v)) {
    const src = sourceText(chart.text, version.value);
    const asRead = typeof version.v === 'string' ? '' : ` (YAML reads it as the ${typeof version.v} ${String(version.v)})`;
    report({ location: at(version.value, version.key), message: `chart version ${src} is not SemVer 2 (MAJOR.MINOR.PATCH, e.g. 1.0.0)${asRead}` });
  }

  const app = scalar('appVersion');
  if (app.key === undefined) report({ location: rootLoc, message: 'Chart.yaml has no appVersion' });
  else if (typeof app.v !== 'string') {
    // Helm turns the number back into text, losing what was written: 1.10 becomes "1.1".
    const src = sourceText(chart.text, app.value);
    const read = app.v === null || app.v === undefined ? 'null' : `the ${app.v instanceof Date ? 'timestamp' : typeof app.v} ${app.v instanceof Date ? app.v.toISOString() : String(app.v)}`;
    report({ location: at(app.value, app.key), message: `appVersion ${src} is read by YAML as ${read}, not a string; quote it: appVersion: "${src}"` });
  }

  const type = scalar('type');
  if (type.key !== undefined && type.v !== 'application' && type.v !== 'library') {
    report({ location: at(type.value, type.key), message: `chart type ${String(type.v)} is not application or library` });
  }

  const deps = field('dependencies').value;
  if (yamlLib().isSeq(deps)) {
    const present = new Set(chart.presentDependencies);
    for (const item of deps.items) {
      if (!yamlLib().isMap(item)) continue;
      const pair = item.items.find((p) => yamlLib().isScalar(p.key) && p.key.value === 'name');
      const depName = pair && yamlLib().isScalar(pair.value) ? String(pair.value.value) : undefined;
      if (!depName) continue;
      const verPair = item.items.find((p) => yamlLib().isScalar(p.key) && p.key.value === 'version');
      const depVersion = verPair && yamlLib().isScalar(verPair.value) ? String(verPair.value.value) : undefined;
      if (present.has(depName) || (depVersion && present.has(`${depName}-${depVersion}`))) continue;
      report({ location: at(pair!.value as Node, item), message: `dependency ${depName} is listed in Chart.yaml but not present under charts/; run helm dependency build` });
    }
  }
}

/** The scalar as written in the file (so 1.10 is shown as 1.10, not 1.1). */
function sourceText(text: string, node: Node | null | undefined): string {
  if (!node?.range) return '';
  return text.slice(node.range[0], node.range[1]).trim();
}
