/**
 * The whole pipeline behind both the CLI and the public API:
 * config -> inputs -> load (and render charts) -> rules -> sorted result.
 */
import os from 'node:os';
import path from 'node:path';
import { openCache, cacheKey, chartInputKey, hashParts, recordingCatalogue, DEFAULT_CACHE_LOCATION, type DockerfileLookupRecord, type LintCache } from './cache/lint-cache.js';
import { loadConfig, resolveRuleSettings, buildOverride, type ConfigFile } from './config/load.js';
import { parseDirectives, type Directive } from './engine/directives.js';
import { Projector, readTree } from './engine/projection.js';
import type { Resource } from './engine/resource.js';
import type { ChartFacts, DockerfileCatalogue } from './engine/rule.js';
import { InputError } from './errors.js';
import { DEFAULT_KUBE_VERSION, resolveKubeVersion } from './k8s/kube-version.js';
import { chartWorlds, clusterFacts, joinVariants, lintWorlds, mergeUnits, renderWorld, ResourceStream, unitFacts, type RunSettings, type UnitFacts, type UnitOutput, type World } from './lint-units.js';
import { parseManifestText, type LoadProblem, type ParseOptions, type ResourceSink } from './load/documents.js';
import { expandInputs } from './load/inputs.js';
import { contextInputs, projectRoot } from './load/project.js';
import { ciValuesFiles, loadCharts, type ChartLoadOptions, type ChartRender, type HelmSettings, type LoadedCharts } from './load/charts.js';
import { readInputFile, type ReadProblem, type TextOverlay } from './load/read.js';
import { gitIndex } from './load/git-index.js';
import { sourceResolver } from './load/source-comment.js';
import { displayPath } from './load/display.js';
import { readCrdFiles, type CrdFiles } from './load/crds.js';
import { dockerfileCatalogue } from './load/dockerfiles.js';
import { chartBytes, plannedWorkers, workersCanPay } from './parallel/plan.js';
import { ChartPool } from './parallel/pool.js';
import { shardInputs, type Shard } from './shard.js';
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
  /** Findings carry the fix their rule knows (`Finding.fix`), placed as a text edit: the language server's quick fixes. */
  fixes?: boolean;
  /** Texts to lint instead of the disk's, by absolute path (an editor's unsaved buffers: src/lsp). Main thread only. */
  overlay?: TextOverlay;
  /**
   * `--threads`: worker threads for charts (1, the default here: all on the main thread); `auto`
   * (the CLI's default): as many as pay off for these charts, up to one per core (src/parallel/plan.ts).
   */
  threads?: number | 'auto';
  /** `--cache`: reuse the findings of unchanged units from the cache file (src/cache/lint-cache.ts). */
  cache?: boolean;
  /** `--cache-location`: the cache file; default `.k8s-todo-lint-cache` in cwd. */
  cacheLocation?: string;
  /** `--shard i/n`: lint only this shard's units (src/shard.ts). */
  shard?: Shard;
}

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

/** The config and what it resolves to: the same in the main thread and in every worker thread. */
export interface ResolvedConfig {
  cwd: string;
  config: ConfigFile;
  /** The config file, if one was found. */
  configFile?: string;
  baseDir: string;
  ruleSettings: ReturnType<typeof resolveRuleSettings>;
  kubeVersion: string;
  defaultNamespace: string;
}

/** The options a worker thread needs to resolve the same config: LintOptions without functions or input text. */
export type ConfigOptions = Pick<LintOptions, 'cwd' | 'configFile' | 'config' | 'ruleFlags' | 'preset' | 'kubeVersion' | 'namespace' | 'helm'>;

export function configOptions(o: LintOptions): ConfigOptions {
  return { cwd: o.cwd, configFile: o.configFile, config: o.config, ruleFlags: o.ruleFlags, preset: o.preset, kubeVersion: o.kubeVersion, namespace: o.namespace, helm: o.helm };
}

export async function resolveConfig(options: ConfigOptions, overlay?: TextOverlay): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadConfig(cwd, options.configFile, RULES, overlay);
  const config: ConfigFile = { ...loaded.config, ...(options.config ?? {}) };
  const ruleSettings = resolveRuleSettings(RULES, config, options.ruleFlags ?? [], options.preset);
  const kubeVersion = options.kubeVersion ?? config.kubeVersion ?? DEFAULT_KUBE_VERSION;
  return { cwd, config, configFile: loaded.file, baseDir: loaded.baseDir, ruleSettings, kubeVersion, defaultNamespace: options.namespace ?? 'default' };
}

/**
 * What every unit's run shares. `note` hears what the run cannot do (e.g. git cannot be run for
 * no-committed-secrets); `fixes` asks for rule fixes placed as edits (the language server).
 */
export function runSettings(rc: ResolvedConfig, opts: { note?: (message: string) => void; fixes?: boolean } = {}): RunSettings {
  const { note, fixes } = opts;
  return {
    fixes,
    // Asked on first request (no-committed-secrets), shared by every unit and variant this thread lints.
    git: gitIndex({ cwd: rc.cwd, note }),
    ruleSettings: rc.ruleSettings,
    kube: resolveKubeVersion(rc.kubeVersion),
    defaultNamespace: rc.defaultNamespace,
    baseDir: rc.baseDir,
    cwd: rc.cwd,
    images: rc.config.images,
    override: buildOverride(rc.config, rc.baseDir, rc.cwd),
  };
}

export function chartLoadOptions(rc: ResolvedConfig, options: ConfigOptions, overlay?: TextOverlay): ChartLoadOptions {
  return {
    overlay,
    display: (abs: string) => displayPath(rc.cwd, abs),
    cwd: rc.cwd,
    configDir: rc.baseDir,
    kubeVersion: rc.kubeVersion,
    namespace: options.namespace,
    ...options.helm,
    config: rc.config.helm as HelmSettings | undefined,
  };
}

/** A raw manifest file as read: its text (parsed later, or never on a cache hit) or why it cannot be read. */
interface RawFile {
  file: string;
  /** Undefined when nothing of the file can be linted, or once a stream parsed it (it keeps the text its own way). */
  text?: string;
  /** Bytes that are not text (their documents are left out of `text`), or why the file cannot be read. */
  problems: ReadProblem[];
  json: boolean;
  strict: boolean;
  /** Named by the PATHs (a context file is read, not reported or counted). */
  named: boolean;
}

/** The inputs read, charts not yet loaded. */
interface BaseInput extends ResolvedConfig {
  rawFiles: RawFile[];
  /** Chart directories and archives to render (context charts too with `units: shared`), absolute. */
  charts: string[];
  /** How many of them are context charts (at the end of `charts`). */
  contextCharts: number;
  crdFiles: CrdFiles;
  isContext?: (file: string) => boolean;
}

export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const base = await loadBase(options);
  if (!base) return emptyResult();
  // One sink for the whole lint: notes from the run's settings and from every unit are said once.
  const note = options.onNote && onceEach(options.onNote);
  const run = runSettings(base, { note, fixes: options.fixes });
  const threads = options.threads ?? 1;
  // Found and parsed on first request, shared by every rule and variant render of this lint only.
  const dockerfiles = dockerfileCatalogue({ baseDir: base.baseDir, cwd: base.cwd, images: base.config.images, overlay: options.overlay });
  const cache = options.cache ? openCache(path.resolve(base.cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION), cacheKey(base, options), dockerfiles) : undefined;

  let outputs: UnitOutput[];
  let fileCount: number;
  let workers = 0;
  if (base.config.units === 'shared') {
    ({ outputs, fileCount } = await lintShared(base, options, run, dockerfiles, cache));
  } else {
    ({ outputs, fileCount, workers } = await lintSeparate(base, options, run, dockerfiles, cache, threads));
  }
  cache?.save();
  if (note) {
    for (const o of outputs) for (const n of o.notes) note(n);
    if (workers) note(`${workers} worker threads rendered and linted the charts`);
    if (cache) note(`cache: ${cache.stats.hits} of ${cache.stats.hits + cache.stats.misses} units from ${displayPath(base.cwd, cache.location)}`);
  }
  const merged = mergeUnits(outputs);
  // With --context, what only the context holds is read, not reported.
  const reported = (f: Finding) => !base.isContext?.(f.location.file);
  const findings = sortFindings(base.isContext ? merged.findings.filter(reported) : merged.findings);
  const suppressed = sortFindings(base.isContext ? merged.suppressed.filter(reported) : merged.suppressed);
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else if (f.severity === 'info') infos++;
  }
  return {
    findings,
    suppressed,
    summary: { files: fileCount, resources: outputs.reduce((n, o) => n + o.resources, 0), errors, warnings, infos, suppressed: suppressed.length },
  };
}

function emptyResult(): LintResult {
  return { findings: [], suppressed: [], summary: { files: 0, resources: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0 } };
}

/** The worker threads the CLI uses: `K8S_TODO_LINT_THREADS`, else as many as pay off (`auto`). */
export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number | 'auto' {
  const given = env.K8S_TODO_LINT_THREADS;
  if (given && /^\d+$/.test(given) && Number(given) > 0) return Number(given);
  return 'auto';
}

/**
 * Below this many chart renders (a chart's default render and one per ci values file)
 * everything runs on the main thread: starting a worker (loading the bundle and the Helm
 * engine into a new isolate) costs about as much as rendering and linting one small chart.
 */
export const MIN_RENDERS_FOR_WORKERS = 3;

/**
 * The worker threads for these chart renders: a number of threads given is used from
 * MIN_RENDERS_FOR_WORKERS renders on; `auto` weighs the charts' sizes and renders against
 * what workers cost on this machine's cores (src/parallel/plan.ts), and with two cores keeps
 * everything on the main thread, where it measured faster.
 */
function chartWorkers(threads: number | 'auto', charts: readonly string[], renders: readonly number[]): number {
  const total = renders.reduce((n, r) => n + r, 0);
  if (total < MIN_RENDERS_FOR_WORKERS) return 0;
  if (threads !== 'auto') return threads > 1 ? Math.min(threads, total) : 0;
  const cores = os.availableParallelism();
  if (!workersCanPay(cores, cores)) return 0;
  return plannedWorkers(charts.map((abs, i) => ({ bytes: chartBytes(abs), renders: renders[i] })), cores, cores);
}

/**
 * The raw manifests, parsed: resources, problems, suppression comments, and how many files
 * count. With `sink` (a ResourceStream) each resource goes there as it is parsed, and a
 * file's suppression comments are in `directives` before its first resource is.
 */
function parseRaw(base: BaseInput, sink?: ResourceSink, directives = new Map<string, Directive[]>()): { resources: Resource[]; problems: LoadProblem[]; directives: Map<string, Directive[]>; files: number } {
  const out = { resources: [] as Resource[], problems: [] as LoadProblem[], directives, files: 0 };
  for (const raw of base.rawFiles) {
    for (const p of raw.problems) out.problems.push({ ruleId: 'yaml-syntax', message: p.message, location: { file: raw.file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1 } });
    if (raw.text === undefined) {
      if (raw.named) out.files++;
      continue;
    }
    const d = parseDirectives(raw.text);
    if (d.length) out.directives.set(raw.file, d);
    const parsed = parseManifestText(raw.text, raw.file, rawParseOptions(base, raw), sink ?? out.resources);
    // A stream keeps what it needs of the text (src/load/file-text.ts): this string would be a second copy until the end.
    if (sink) raw.text = undefined;
    if (parsed.notKubernetes) {
      out.directives.delete(raw.file);
      continue;
    }
    if (raw.named) out.files++;
    for (const p of parsed.problems) out.problems.push(p);
  }
  return out;
}

function rawParseOptions(base: BaseInput, raw: RawFile): ParseOptions {
  const resolveSource = sourceResolver(base.cwd, raw.file === '<stdin>' ? undefined : raw.file);
  return { defaultNamespace: base.defaultNamespace, json: raw.json, strict: raw.strict, resolveSource };
}

/**
 * The CustomResourceDefinitions of the raw manifests, before they stream (k8s-schema, a
 * per-resource rule, checks a custom resource against a CRD defined later in the input).
 * Only documents that can define one are parsed: those that spell the kind, or hold a
 * backslash (a double-quoted escape may spell it).
 */
function rawCrds(base: BaseInput): Record<string, any>[] {
  const mayDefine = (text: string) => text.includes('CustomResourceDefinition') || text.includes('\\');
  const out: Record<string, any>[] = [];
  // Copied: a parsed string may be a view of its file's text, which the stream does not keep.
  const own = new Projector(readTree([]));
  for (const raw of base.rawFiles) {
    if (raw.text === undefined || !mayDefine(raw.text)) continue;
    const parsed = parseManifestText(raw.text, raw.file, { ...rawParseOptions(base, raw), only: mayDefine });
    if (parsed.notKubernetes) continue;
    for (const r of parsed.resources) if (r.kind === 'CustomResourceDefinition') out.push(own.copy(r.object));
  }
  return out;
}

/** What the cache keeps of a unit besides its output: its facts and the number of files it counts. */
interface UnitMeta {
  facts: UnitFacts;
  files: number;
}

/**
 * Each chart release and the raw manifests given together are separate deployment units
 * (CLI.md). Charts are rendered and linted on worker threads when there are several; the
 * outputs are merged in unit order (raw manifests, then charts as the inputs list them),
 * so the result does not depend on the threads or on what came from the cache.
 */
async function lintSeparate(base: BaseInput, options: LintOptions, run: RunSettings, dockerfiles: DockerfileCatalogue, cache: LintCache | undefined, threads: number | 'auto') {
  const notes = !!options.onNote;
  const copts = configOptions(options);
  const loadOptions = chartLoadOptions(base, copts, options.overlay);
  // The raw unit: from the cache when its files are unchanged, else parsed.
  const hasRaw = base.rawFiles.length > 0;
  // Content keys are worked out only for the cache: hashing every input (and every file of a chart) is work a plain run does not need.
  const rawKey = hasRaw && cache ? hashParts(base.rawFiles.flatMap((r) => [r.file, r.text ?? '\u0000', JSON.stringify(r.problems), String(r.json), String(r.strict), String(r.named)])) : undefined;
  const rawCached = rawKey === undefined ? undefined : cache?.lookup<UnitMeta>('manifests', rawKey);
  // Raw manifests stream (checked in batches as they are parsed: memory holds one batch of whole
  // objects) once the charts rendered; the language server's fixes need whole objects.
  const streamRaw = hasRaw && !rawCached && !options.fixes;
  const raw = hasRaw && !rawCached && !streamRaw ? parseRaw(base) : undefined;
  let rawMeta: UnitMeta | undefined = rawCached?.meta ?? (raw && { facts: unitFacts(raw.resources), files: raw.files });

  // Charts: from the cache when their files are unchanged, else rendered (on workers when there are several).
  const chartKeys = base.charts.map((abs) => (cache ? chartInputKey(abs, loadOptions) : ''));
  const chartCached = base.charts.map((abs, i) => cache?.lookup<UnitMeta>(`chart:${displayPath(base.cwd, abs)}`, chartKeys[i]));
  const toRender = base.charts.map((_, i) => i).filter((i) => !chartCached[i]);
  // Each values variant of a chart renders apart: a chart with many ci values files spreads over the threads too.
  const variants = base.charts.map((abs) => (abs.toLowerCase().endsWith('.tgz') ? 1 : 1 + ciValuesFiles(abs).length));
  const workers = chartWorkers(threads, toRender.map((i) => base.charts[i]), toRender.map((i) => variants[i]));
  const pool = workers > 0 ? new ChartPool(workers, copts, notes) : undefined;
  try {
    const local = new Map<number, LoadedCharts>();
    const render = async (i: number): Promise<UnitMeta> => {
      if (pool) return pool.renderChart(i, base.charts[i], variants[i]);
      const loaded = await loadCharts([base.charts[i]], loadOptions);
      local.set(i, loaded);
      return { facts: unitFacts(loaded.renders.filter((r) => r.valuesFile === undefined).flatMap((r) => r.resources)), files: loaded.files };
    };
    const chartMeta: Array<UnitMeta | undefined> = chartCached.map((c) => c?.meta);
    await Promise.all(toRender.map(async (i) => (chartMeta[i] = await render(i))));

    // The per-resource rules check each batch with the cluster's CRDs: the charts' are known now, the raw files' are looked for first.
    const rawRecorder = recordingCatalogue(dockerfiles);
    let streamed: { stream: ResourceStream; problems: LoadProblem[] } | undefined;
    if (streamRaw) {
      const crds = clusterFacts(base.defaultNamespace, [{ namespaces: [], crds: rawCrds(base) }, ...chartMeta.map((m) => m!.facts)], base.crdFiles).crds;
      const stream = new ResourceStream(run, crds, rawRecorder, new Map(), { notes, isContext: base.isContext });
      const parsed = parseRaw(base, stream, stream.directives);
      rawMeta = { facts: stream.facts(), files: parsed.files };
      streamed = { stream, problems: parsed.problems };
    }

    const cluster = clusterFacts(base.defaultNamespace, [rawMeta?.facts ?? { namespaces: [], crds: [] }, ...chartMeta.map((m) => m!.facts)], base.crdFiles);
    const crdObjects = [rawMeta?.facts.crds ?? [], ...chartMeta.map((m) => m!.facts.crds)].flat();
    // Only the cache reads it: without --cache, hashing would load node:crypto for nothing (~6 ms of a one-file lint).
    const clusterKey = cache ? hashParts([JSON.stringify([...cluster.knownNamespaces].sort()), JSON.stringify(crdObjects), JSON.stringify(base.crdFiles)]) : '';
    pool?.setCluster({ namespaces: [...cluster.knownNamespaces], crds: crdObjects, crdFiles: base.crdFiles });

    // The raw unit runs on the main thread while the workers lint the charts.
    const lintRaw = (): UnitOutput | undefined => {
      if (!hasRaw) return undefined;
      const hit = rawCached?.output(clusterKey);
      if (hit) return hit;
      if (streamed) {
        const out = streamed.stream.finish(streamed.problems, cluster);
        if (rawKey !== undefined) cache?.store('manifests', rawKey, clusterKey, rawMeta!, out, rawRecorder.lookups);
        return out;
      }
      const parsed = raw ?? parseRaw(base);
      const worlds: World[] = parsed.resources.length || parsed.problems.length ? [{ resources: parsed.resources, problems: parsed.problems, charts: [] }] : [];
      const out = lintWorlds(worlds, parsed.directives, run, cluster, rawRecorder, { notes, isContext: base.isContext });
      if (rawKey !== undefined) cache?.store('manifests', rawKey, clusterKey, { facts: unitFacts(parsed.resources), files: parsed.files }, out, rawRecorder.lookups);
      return out;
    };
    const lintChart = async (i: number): Promise<UnitOutput> => {
      const id = `chart:${displayPath(base.cwd, base.charts[i])}`;
      const hit = chartCached[i]?.output(clusterKey);
      if (hit) return hit;
      // Unchanged files, but the cluster facts or a Dockerfile changed: rendered now.
      if (chartCached[i] && !local.has(i) && !pool?.holds(i)) chartMeta[i] = await render(i);
      let out: UnitOutput;
      let lookups: DockerfileLookupRecord[];
      if (pool) {
        ({ output: out, lookups } = joinVariants(await pool.lintChart(i), run));
      } else {
        const loaded = local.get(i)!;
        local.delete(i);
        const recorder = recordingCatalogue(dockerfiles);
        out = lintWorlds(chartWorlds(loaded), loaded.directives, run, cluster, recorder, { notes, isContext: base.isContext });
        lookups = recorder.lookups;
      }
      cache?.store(id, chartKeys[i], clusterKey, chartMeta[i]!, out, lookups);
      return out;
    };
    const chartOutputs = pool ? Promise.all(base.charts.map((_, i) => lintChart(i))) : undefined;
    const rawOutput = lintRaw();
    const charts: UnitOutput[] = chartOutputs ? await chartOutputs : [];
    if (!chartOutputs) for (let i = 0; i < base.charts.length; i++) charts.push(await lintChart(i));
    const fileCount = (rawMeta?.files ?? 0) + base.charts.length;
    return { outputs: [...(rawOutput ? [rawOutput] : []), ...charts], fileCount, workers: pool?.size ?? 0 };
  } finally {
    await pool?.close();
  }
}

/**
 * `units: shared`: everything is one unit. Each chart's ci/*-values.yaml render is a variant of
 * the whole cluster (that chart's default render swapped for it), so it runs on the main thread.
 */
async function lintShared(base: BaseInput, options: LintOptions, run: RunSettings, dockerfiles: DockerfileCatalogue, cache: LintCache | undefined) {
  const loadOptions = chartLoadOptions(base, configOptions(options), options.overlay);
  const key = cache && hashParts([...base.rawFiles.flatMap((r) => [r.file, r.text ?? '\u0000', JSON.stringify(r.problems), String(r.named)]), ...base.charts.map((c) => chartInputKey(c, loadOptions))]);
  const cached = key === undefined ? undefined : cache?.lookup<{ files: number }>('shared', key);
  const hit = cached?.output('');
  if (hit) return { outputs: [hit], fileCount: cached!.meta.files };
  const input = await renderAll(base, options);
  const defaults = input.renders.filter((r) => r.valuesFile === undefined);
  const rawPart = { resources: input.resources, problems: input.problems };
  const worlds: World[] = [renderWorld(defaults, input.charts, undefined, rawPart)];
  for (const v of input.renders) if (v.valuesFile !== undefined) worlds.push(renderWorld(defaults.map((b) => (b.chart === v.chart ? v : b)), [], v.valuesFile, rawPart));
  const cluster = clusterFacts(base.defaultNamespace, [unitFacts([...input.resources, ...defaults.flatMap((r) => r.resources)])], base.crdFiles);
  const recorder = recordingCatalogue(dockerfiles);
  const out = lintWorlds(worlds, input.directives, run, cluster, recorder, { notes: !!options.onNote, isContext: base.isContext });
  if (key !== undefined) cache?.store('shared', key, '', { files: input.fileCount }, out, recorder.lookups);
  return { outputs: [out], fileCount: input.fileCount };
}

/** A note sink that passes each distinct message on once: several rules and units make the same note. */
function onceEach(sink: (message: string) => void): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    if (said.has(message)) return;
    said.add(message);
    sink(message);
  };
}

/** Config, inputs, parsing and chart rendering: everything but the rules (the capacity report's input). */
export async function loadInput(options: LintOptions = {}): Promise<LoadedInput> {
  const base = await loadBase(options);
  if (!base) throw new InputError(`nothing to lint in this shard`);
  return renderAll(base, options);
}

async function renderAll(base: BaseInput, options: LintOptions): Promise<LoadedInput> {
  const raw = parseRaw(base);
  const charts: ChartFacts[] = [];
  const renders: ChartRender[] = [];
  const directives = raw.directives;
  let fileCount = raw.files;
  if (base.charts.length) {
    const loadedCharts = await loadCharts(base.charts, chartLoadOptions(base, configOptions(options), options.overlay));
    fileCount += loadedCharts.files - base.contextCharts;
    for (const r of loadedCharts.renders) renders.push(r);
    for (const c of loadedCharts.charts) charts.push(c);
    for (const [f, d] of loadedCharts.directives) directives.set(f, d);
  }
  return {
    cwd: base.cwd,
    config: base.config,
    baseDir: base.baseDir,
    resources: raw.resources,
    problems: raw.problems,
    directives,
    charts,
    renders,
    fileCount,
    kubeVersion: base.kubeVersion,
    defaultNamespace: base.defaultNamespace,
    ruleSettings: base.ruleSettings,
    crdFiles: base.crdFiles,
    isContext: base.isContext,
  };
}

/** Config and inputs: the raw files read (not parsed), the charts listed; undefined when a shard is left with nothing. */
async function loadBase(options: LintOptions): Promise<BaseInput | undefined> {
  const rc = await resolveConfig(options, options.overlay);
  const { cwd, config, baseDir } = rc;
  const inputs = expandInputs(options.paths ?? ['.'], { cwd, ignore: config.ignore ?? [], ignoreBase: baseDir });
  if (!inputs.stdin && inputs.files.length === 0 && inputs.charts.length === 0) {
    throw new InputError(`nothing to lint in ${(options.paths ?? ['.']).join(' ')}: no YAML/JSON manifests or charts found`);
  }
  const display = (abs: string) => displayPath(cwd, abs);

  // The project around the named inputs (`--context`). Its other charts are separate units
  // (see lint()) whose findings are not reported, so they are only rendered when units share a cluster.
  const context = options.context === undefined ? undefined : contextInputs(projectRoot(options.context, { cwd, configFile: rc.configFile }), inputs, { cwd, ignore: config.ignore ?? [], ignoreBase: baseDir });
  const contextFiles = new Set((context?.files ?? []).map(display));
  let named = inputs;
  if (options.shard) {
    // Another shard's manifest files are read as context: the cross-resource rules see them, their findings are that shard's.
    const mine = shardInputs(inputs, options.shard, display);
    if (!mine.stdin && mine.files.length === 0 && mine.charts.length === 0) return undefined;
    for (const f of inputs.files) if (!mine.files.includes(f)) contextFiles.add(display(f));
    named = { ...mine, files: inputs.files };
  }
  const contextCharts = config.units === 'shared' ? (context?.charts ?? []) : [];
  const rawFiles: RawFile[] = [];
  for (const abs of [...named.files, ...(context?.files ?? [])]) {
    const file = display(abs);
    const json = abs.toLowerCase().endsWith('.json');
    // Bytes that are not text leave out the documents holding them, each reported where it is.
    const decoded = readInputFile(abs, json, options.overlay);
    rawFiles.push({ file, text: decoded.text, problems: decoded.problems, json, strict: named.explicit.has(abs), named: !contextFiles.has(file) });
  }
  if (named.stdin) {
    const text = options.stdinText ?? '';
    rawFiles.push({ file: '<stdin>', text, problems: [], json: /^\s*[{[]/.test(text) && !/^\s*---/m.test(text), strict: true, named: true });
  }

  // k8s-schema's CRD files are read here, before rules run, when the rule is on.
  const schemaSetting = rc.ruleSettings.get('k8s-schema');
  const crdPaths = schemaSetting && schemaSetting.severity !== 'off' ? ((schemaSetting.options.crds as string[] | undefined) ?? []) : [];
  const crdFiles = readCrdFiles(crdPaths, baseDir, cwd);

  const contextChartPrefixes = contextCharts.map(display);
  const isContext = contextFiles.size || contextChartPrefixes.length || context
    ? (file: string) => contextFiles.has(file) || contextChartPrefixes.some((p) => file === p || file.startsWith(`${p}/`))
    : undefined;
  return { ...rc, rawFiles, charts: [...named.charts, ...contextCharts], contextCharts: contextCharts.length, crdFiles, isContext };
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
