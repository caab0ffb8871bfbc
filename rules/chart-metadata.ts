import { defineRule, type ChartFacts, type Report } from '../src/engine/rule.js';

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

export function checkChart(chart: ChartFacts, report: (r: Report) => void): void {
  const meta = chart.chartYaml;
  if (meta.kind === 'unparsable') {
    report({ location: meta.location, message: `Chart.yaml does not parse: ${meta.reason}` });
    return;
  }
  if (meta.kind === 'not-a-map') {
    report({ location: meta.location, message: 'Chart.yaml is not a mapping' });
    return;
  }
  const { fields, location: rootLoc } = meta;

  const api = fields.apiVersion;
  if (api === undefined) report({ location: rootLoc, message: 'Chart.yaml has no apiVersion; Helm 3 charts use apiVersion: v2' });
  else if (api.value !== 'v2') report({ location: api.location, message: `Chart.yaml apiVersion is ${String(api.value)}, expected v2` });

  const name = fields.name;
  if (name === undefined) report({ location: rootLoc, message: 'Chart.yaml has no name' });
  else if (typeof name.value !== 'string' || !CHART_NAME.test(name.value)) {
    report({ location: name.location, message: `chart name ${String(name.value)} is not lowercase letters, digits and dashes` });
  }

  const version = fields.version;
  if (version === undefined) report({ location: rootLoc, message: 'Chart.yaml has no version' });
  else if (typeof version.value !== 'string' || !SEMVER.test(version.value)) {
    const asRead = typeof version.value === 'string' ? '' : ` (YAML reads it as the ${typeof version.value} ${String(version.value)})`;
    report({ location: version.location, message: `chart version ${version.source} is not SemVer 2 (MAJOR.MINOR.PATCH, e.g. 1.0.0)${asRead}` });
  }

  const app = fields.appVersion;
  if (app === undefined) report({ location: rootLoc, message: 'Chart.yaml has no appVersion' });
  else if (typeof app.value !== 'string') {
    // Helm turns the number back into text, losing what was written: 1.10 becomes "1.1".
    const v = app.value;
    const read = v === null || v === undefined ? 'null' : `the ${v instanceof Date ? 'timestamp' : typeof v} ${v instanceof Date ? v.toISOString() : String(v)}`;
    report({ location: app.location, message: `appVersion ${app.source} is read by YAML as ${read}, not a string; quote it: appVersion: "${app.source}"` });
  }

  const type = fields.type;
  if (type !== undefined && type.value !== 'application' && type.value !== 'library') {
    report({ location: type.location, message: `chart type ${String(type.value)} is not application or library` });
  }

  const present = new Set(chart.presentDependencies);
  for (const dep of meta.dependencies) {
    if (present.has(dep.name) || (dep.version && present.has(`${dep.name}-${dep.version}`))) continue;
    report({ location: dep.location, message: `dependency ${dep.name} is listed in Chart.yaml but not present under charts/; run helm dependency build` });
  }
}
