import { defineRule, type ChartFacts, type Report } from '../src/engine/rule.js';

/** SemVer 2.0.0 (semver.org's grammar): no leading zeros, optional pre-release and build. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const CHART_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * What Helm accepts as a chart version (Masterminds/semver's NewVersion): an optional
 * leading v, MINOR and PATCH optional, leading zeros allowed in them; numeric
 * pre-release identifiers still without leading zeros.
 */
const HELM_VERSION = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** The strict SemVer 2 form of a version Helm accepts (v0.0.0 -> 0.0.0, 1.0 -> 1.0.0); undefined when Helm rejects it. */
export function strictSemver(version: string): string | undefined {
  const m = HELM_VERSION.exec(version);
  if (!m) return undefined;
  const pre = m[4];
  if (pre?.split('.').some((id) => /^0[0-9]+$/.test(id))) return undefined;
  const n = (x: string | undefined) => BigInt(x ?? '0').toString();
  return `${n(m[1])}.${n(m[2])}.${n(m[3])}${pre ? `-${pre}` : ''}${m[5] ? `+${m[5]}` : ''}`;
}

/** How YAML reads a non-string scalar, for messages: "the number 1.1", "null". */
function readAs(value: unknown): string {
  return value === null || value === undefined ? 'null' : `the ${typeof value} ${String(value)}`;
}

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'chart-metadata',
    description: 'Chart.yaml has apiVersion v2, a lowercase name, a SemVer 2 version, a string appVersion (not required of library charts), a valid type, and its dependencies under charts/',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    reads: [],
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

  const isLibrary = fields.type?.value === 'library';

  const version = fields.version;
  if (version === undefined || version.value === null) report({ location: version?.location ?? rootLoc, message: 'Chart.yaml has no version' });
  else if (typeof version.value !== 'string') {
    // Helm lint rejects a version that is not a YAML string; its loader would use the text below.
    const strict = strictSemver(version.source) ?? strictSemver(version.helm ?? '');
    const fix = strict ? `write the strict SemVer 2 form: version: ${strict}` : 'write a SemVer 2 version (MAJOR.MINOR.PATCH, e.g. 1.0.0)';
    report({ location: version.location, message: `chart version ${version.source} is read by YAML as ${readAs(version.value)}, not a string (Helm uses "${version.helm ?? ''}"); ${fix}` });
  } else if (!SEMVER.test(version.value)) {
    const strict = strictSemver(version.value);
    if (strict === undefined) report({ location: version.location, message: `chart version ${version.source} is not SemVer 2 (MAJOR.MINOR.PATCH, e.g. 1.0.0); Helm cannot load the chart` });
    else report({ location: version.location, severity: 'warning', message: `chart version ${version.source} is not strict SemVer 2: Helm accepts it, but the strict form is ${strict}` });
  }

  const app = fields.appVersion;
  // A library chart is never installed, so it has no application version to show (helm lint agrees).
  if (app === undefined) {
    if (!isLibrary) report({ location: rootLoc, message: 'Chart.yaml has no appVersion' });
  } else if (typeof app.value !== 'string' && !(app.value instanceof Date)) {
    // A timestamp stays text to Helm (go-yaml v2 keeps it as written); a number or boolean loses its spelling.
    report({ location: app.location, message: `appVersion ${app.source} is read by YAML as ${readAs(app.value)}, not a string: Helm uses "${app.helm ?? ''}"; quote it: appVersion: "${app.source}"` });
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
