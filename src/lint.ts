/**
 * The whole pipeline behind both the CLI and the public API:
 * config -> inputs -> load (and render charts) -> rules -> sorted result.
 */
import { loadConfig, resolveRuleSettings, buildOverride, type ConfigFile } from './config/load.js';
import { parseDirectives, unusedSuppressions, type Directive } from './engine/directives.js';
import type { Resource } from './engine/resource.js';
import { isCheckedRule, type ChartFacts, type LintSettings } from './engine/rule.js';
import { runRules } from './engine/run.js';
import { InputError } from './errors.js';
import { DEFAULT_KUBE_VERSION, resolveKubeVersion } from './k8s/kube-version.js';
import { parseManifestText, type LoadProblem } from './load/documents.js';
import { expandInputs } from './load/inputs.js';
import { contextInputs, projectRoot } from './load/project.js';
import { loadCharts, type ChartRender, type HelmSettings } from './load/charts.js';
import { readInputFile } from './load/read.js';
import { sourceResolver } from './load/source-comment.js';
import { displayPath } from './load/display.js';
import { crdInput, readCrdFiles, type CrdFiles } from './load/crds.js';
import { dockerfileCatalogue } from './load/dockerfiles.js';
import type { Finding, LintResult } from './types.js';
import { RULES } from '../rules/index.js';

export interface LintOptions {
  /** Files, directories, globs or `-` for standard input. Default `.`. */
  paths?: string[];
  cwd?: string;
  /** Config file path; default: found from cwd upward. */
  configFile?: string;
  /** Config given inline (instead of a file); merged over the file's. */
  config?: ConfigFile;
  /** `--rule id=severity` entries. */
  ruleFlags?: string[];
  /** `--preset`: the preset the rules start from, instead of the config's `extends` (src/config/presets.ts). */
  preset?: string;
  /** Text of standard input, when a path is `-`. */
  stdinText?: string;
  kubeVersion?: string;
  namespace?: string;
  /** Helm options from the command line (config `helm:` gives the defaults). */
  helm?: { values?: string[]; set?: string[]; setString?: string[]; releaseName?: string };
  /**
   * `--context`: a project directory, or `auto` (the config file's directory, else the git
   * top level). Its other manifests (and, with `units: shared`, its other charts) feed the
   * cross-resource rules; findings are reported only for what `paths` name.
   */
  context?: string;
  /** Receives `--verbose` notes from rules (e.g. images whose Dockerfile was not found). */
  onNote?: (message: string) => void;
}

/** The rules the engine runs; the others' findings come from the loader and the engine. */
const CHECKED_RULES = RULES.filter(isCheckedRule);

/** Everything loaded from the inputs, before rules run. */
export interface LoadedInput {
  cwd: string;
  config: ConfigFile;
  baseDir: string;
  resources: Resource[];
  problems: LoadProblem[];
  directives: Map<string, Directive[]>;
  charts: ChartFacts[];
  /** Chart renders: a default render per chart, plus one per ci/*-values.yaml. */
  renders: ChartRender[];
  fileCount: number;
  kubeVersion: string;
  defaultNamespace: string;
  ruleSettings: ReturnType<typeof resolveRuleSettings>;
  /** The files of k8s-schema's `crds` option, read once (empty when the rule is off or has none). */
  crdFiles: CrdFiles;
  /** With `--context`: whether a display path belongs to the context only (its findings are not reported). */
  isContext?: (file: string) => boolean;
}

export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const input = await loadInput(options);
  const { cwd, config, kubeVersion, defaultNamespace } = input;
  const worlds = deploymentWorlds(input);
  const kube = resolveKubeVersion(kubeVersion);
  // Found and parsed on first request, shared by every rule and variant render of this lint only.
  const dockerfiles = dockerfileCatalogue({ baseDir: input.baseDir, cwd, images: config.images });
  const note = options.onNote && onceEach(options.onNote);
  const seen = new Map<string, Finding>();
  const merged: Finding[] = [];
  const mergedSuppressed: Finding[] = [];
  let resourceCount = 0;
  // Namespaces and CRDs are cluster-wide: every unit sees those any unit creates.
  const everyResource = [...input.resources, ...input.renders.filter((r) => r.valuesFile === undefined).flatMap((r) => r.resources)];
  const knownNamespaces = new Set<string>([defaultNamespace]);
  for (const r of everyResource) {
    if (r.namespace) knownNamespaces.add(r.namespace);
    if (r.kind === 'Namespace' && r.name) knownNamespaces.add(r.name);
  }
  const crds = crdInput(everyResource, input.crdFiles);
  const override = buildOverride(config, input.baseDir, cwd);
  for (const world of worlds) {
    const resources: Resource[] = [...(world.raw ? input.resources : []), ...world.renders.flatMap((r) => r.resources)];
    const problems = [...(world.raw ? input.problems : []), ...world.renders.flatMap((r) => r.problems)];
    if (world.valuesFile === undefined) resourceCount += resources.filter((r) => !input.isContext?.(r.doc.file)).length;
    const lintSettings: LintSettings = { kubeVersion: kube, defaultNamespace, knownNamespaces, baseDir: input.baseDir, cwd, images: config.images, note };
    const preFindings: Finding[] = problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity ?? 'error', message: p.message, location: p.location }));
    const out = runRules({
      rules: CHECKED_RULES,
      settings: input.ruleSettings,
      resources,
      charts: world.charts,
      dockerfiles,
      crds,
      lintSettings,
      directives: input.directives,
      override,
      preFindings,
    });
    for (const [list, into] of [[out.findings, merged], [out.suppressed, mergedSuppressed]] as const) {
      for (const f of list) {
        // The resource is part of the key: findings of two resources never merge, even on one shared template line.
        const key = `${f.ruleId}\u0000${f.location.file}\u0000${f.location.line}\u0000${f.location.column}\u0000${f.message}\u0000${!!f.suppressed}\u0000${resourceKey(f)}`;
        if (seen.has(key)) continue;
        const finding = world.valuesFile ? { ...f, message: `${f.message} (with values ${world.valuesFile})` } : f;
        seen.set(key, finding);
        into.push(finding);
      }
    }
  }
  for (const f of unusedSuppressions(input.directives, input.ruleSettings.get('unused-suppression')?.severity)) merged.push(f);
  // With --context, what only the context holds is read, not reported.
  const reported = (f: Finding) => !input.isContext?.(f.location.file);
  const findings = sortFindings(merged.filter(reported));
  const suppressed = sortFindings(mergedSuppressed.filter(reported));
  return {
    findings,
    suppressed,
    summary: {
      files: input.fileCount,
      resources: resourceCount,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      suppressed: suppressed.length,
    },
  };
}

/** The resource and path a finding is about ('' for findings about no resource). */
function resourceKey(f: Finding): string {
  const r = f.resource;
  return r ? `${r.apiVersion}\u0000${r.kind}\u0000${r.namespace ?? ''}\u0000${r.name}\u0000${f.path ?? ''}` : '';
}

/** One run of the rules: the resources of one deployment unit, under the default values or one ci values file. */
interface World {
  valuesFile?: string;
  /** Whether the raw manifests (files and stdin) are in it. */
  raw: boolean;
  renders: ChartRender[];
  /** The chart facts its chart rules check (each chart's once, in its default world). */
  charts: ChartFacts[];
}

/**
 * The unit of deployment: each chart release is one, and the raw manifests given together
 * are one. Cross-resource rules (selectors, references, duplicates, capacity) work within a
 * unit, so a repository holding a chart and raw manifests of the same app is not linted as
 * two copies of it in one cluster, unless the config says `units: shared`: then everything
 * is one unit. A chart's ci/*-values.yaml renders are linted as variants of its unit
 * (CLI.md); findings only a variant has say which values file they need.
 */
function deploymentWorlds(input: LoadedInput): World[] {
  const defaults = input.renders.filter((r) => r.valuesFile === undefined);
  const variants = input.renders.filter((r) => r.valuesFile !== undefined);
  if (input.config.units === 'shared') {
    const worlds: World[] = [{ raw: true, renders: defaults, charts: input.charts }];
    for (const v of variants) worlds.push({ valuesFile: v.valuesFile, raw: true, renders: defaults.map((b) => (b.chart === v.chart ? v : b)), charts: [] });
    return worlds;
  }
  const worlds: World[] = [];
  if (input.resources.length || input.problems.length) worlds.push({ raw: true, renders: [], charts: [] });
  for (const d of defaults) {
    worlds.push({ raw: false, renders: [d], charts: input.charts.filter((c) => c.file === d.chart) });
    for (const v of variants) if (v.chart === d.chart) worlds.push({ valuesFile: v.valuesFile, raw: false, renders: [v], charts: [] });
  }
  // A chart with no render (a library chart is never rendered) still has its Chart.yaml checked.
  const rendered = new Set(defaults.map((d) => d.chart));
  const unrendered = input.charts.filter((c) => !rendered.has(c.file));
  if (unrendered.length) worlds.push({ raw: false, renders: [], charts: unrendered });
  return worlds;
}

/** A note sink that passes each distinct message on once: several rules and variant renders make the same note. */
function onceEach(sink: (message: string) => void): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    if (said.has(message)) return;
    said.add(message);
    sink(message);
  };
}

/** Config, inputs, parsing and chart rendering: everything but the rules. */
export async function loadInput(options: LintOptions = {}): Promise<LoadedInput> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadConfig(cwd, options.configFile, RULES);
  const config: ConfigFile = { ...loaded.config, ...(options.config ?? {}) };
  const settings = resolveRuleSettings(RULES, config, options.ruleFlags ?? [], options.preset);
  const inputs = expandInputs(options.paths ?? ['.'], { cwd, ignore: config.ignore ?? [], ignoreBase: loaded.baseDir });
  if (!inputs.stdin && inputs.files.length === 0 && inputs.charts.length === 0) {
    throw new InputError(`nothing to lint in ${(options.paths ?? ['.']).join(' ')}: no YAML/JSON manifests or charts found`);
  }
  const kubeVersion = options.kubeVersion ?? config.kubeVersion ?? DEFAULT_KUBE_VERSION;
  const defaultNamespace = options.namespace ?? 'default';
  const display = (abs: string) => displayPath(cwd, abs);

  const resources: Resource[] = [];
  const problems: LoadProblem[] = [];
  const directives = new Map<string, Directive[]>();
  let fileCount = 0;

  const ingest = (text: string, file: string, json: boolean, strict: boolean, counted = true) => {
    const resolveSource = sourceResolver(cwd, file === '<stdin>' ? undefined : file);
    const parsed = parseManifestText(text, file, { defaultNamespace, json, strict, resolveSource });
    if (parsed.notKubernetes) return;
    if (counted) fileCount++;
    for (const r of parsed.resources) resources.push(r);
    for (const p of parsed.problems) problems.push(p);
    const d = parseDirectives(text);
    if (d.length) directives.set(file, d);
  };

  // The project around the named inputs (`--context`). Its other charts are separate units
  // (see lint()) whose findings are not reported, so they are only rendered when units share a cluster.
  const context = options.context === undefined ? undefined : contextInputs(projectRoot(options.context, { cwd, configFile: loaded.file }), inputs, { cwd, ignore: config.ignore ?? [], ignoreBase: loaded.baseDir });
  const contextFiles = new Set((context?.files ?? []).map(display));
  const contextCharts = config.units === 'shared' ? (context?.charts ?? []) : [];
  for (const abs of [...inputs.files, ...(context?.files ?? [])]) {
    const file = display(abs);
    const named = !contextFiles.has(file);
    const decoded = readInputFile(abs);
    if (typeof decoded !== 'string') {
      if (named) fileCount++;
      problems.push({ ruleId: 'yaml-syntax', message: decoded.problem, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } });
      continue;
    }
    ingest(decoded, file, abs.toLowerCase().endsWith('.json'), inputs.explicit.has(abs), named);
  }
  if (inputs.stdin) {
    const text = options.stdinText ?? '';
    ingest(text, '<stdin>', /^\s*[{[]/.test(text) && !/^\s*---/m.test(text), true);
  }

  const charts: ChartFacts[] = [];
  const renders: ChartRender[] = [];
  const contextChartPrefixes: string[] = [];
  if (inputs.charts.length || contextCharts.length) {
    const loadedCharts = await loadCharts([...inputs.charts, ...contextCharts], {
      display,
      cwd,
      configDir: loaded.baseDir,
      kubeVersion,
      namespace: options.namespace,
      ...options.helm,
      config: config.helm as HelmSettings | undefined,
    });
    fileCount += loadedCharts.files - contextCharts.length;
    for (const c of contextCharts) contextChartPrefixes.push(display(c));
    for (const r of loadedCharts.renders) renders.push(r);
    for (const c of loadedCharts.charts) charts.push(c);
    for (const [f, d] of loadedCharts.directives) directives.set(f, d);
  }

  // k8s-schema's CRD files are read here, before rules run, when the rule is on.
  const schemaSetting = settings.get('k8s-schema');
  const crdPaths = schemaSetting && schemaSetting.severity !== 'off' ? ((schemaSetting.options.crds as string[] | undefined) ?? []) : [];
  const crdFiles = readCrdFiles(crdPaths, loaded.baseDir, cwd);

  const isContext = context && ((file: string) => contextFiles.has(file) || contextChartPrefixes.some((p) => file === p || file.startsWith(`${p}/`)));
  return { cwd, config, baseDir: loaded.baseDir, resources, problems, directives, charts, renders, fileCount, kubeVersion, defaultNamespace, ruleSettings: settings, crdFiles, isContext };
}

export function sortFindings(list: Finding[]): Finding[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...list].sort(
    (a, b) =>
      cmp(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.message, b.message),
  );
}
