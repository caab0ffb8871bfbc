/**
 * Deployment units and their runs through the engine, the part of a lint that
 * the main thread, a worker thread (src/parallel/) and the cache (src/cache/)
 * share. A unit is the raw manifests given together, or one chart release with
 * its ci/*-values.yaml variants (or, with `units: shared`, everything). A unit's
 * output depends only on its own input and on the cluster facts every unit
 * shares (namespaces and CRDs), so units can run anywhere, in any order, and be
 * reused from the cache; src/lint.ts merges their outputs in one fixed order.
 */
import { unusedSuppressions, type Directive } from './engine/directives.js';
import type { Resource } from './engine/resource.js';
import { isCheckedRule, type ChartFacts, type CheckedRule, type CrdInput, type DockerfileCatalogue, type GitIndex, type LintSettings } from './engine/rule.js';
import { ENGINE_READS, Projector, readTree, type ReadTree } from './engine/projection.js';
import { runRules, type OverrideFn, type RuleSetting } from './engine/run.js';
import type { KubeVersion } from './k8s/kube-version.js';
import type { ChartRender, LoadedCharts } from './load/charts.js';
import { crdCatalogInput, type CrdFiles } from './load/crds.js';
import type { LoadProblem, ResourceSink } from './load/documents.js';
import type { Finding } from './types.js';
import type { DockerfileLookupRecord } from './cache/lint-cache.js';
import { RULES } from '../rules/index.js';

/** The rules the engine runs; the others' findings come from the loader and the engine. */
const CHECKED_RULES = RULES.filter(isCheckedRule);
/** Those a stream runs on each batch of resources (RuleMeta.perResource), and those it runs once at the end. */
const PER_RESOURCE_RULES = CHECKED_RULES.filter((r) => r.meta.perResource);
const CROSS_RULES = CHECKED_RULES.filter((r) => !r.meta.perResource);

/** One run of the rules: the resources of one unit, under the default values or one ci values file. */
export interface World {
  valuesFile?: string;
  resources: Resource[];
  problems: LoadProblem[];
  /** The chart facts its chart rules check (each chart's once, in its default world). */
  charts: ChartFacts[];
}

/** What one world's run gives, before the merge of variants. */
export interface WorldOutput {
  valuesFile?: string;
  findings: Finding[];
  suppressed: Finding[];
}

/** What a unit gives: plain data, so that it crosses threads and is written to the cache as is. */
export interface UnitOutput {
  worlds: WorldOutput[];
  /** Resources of its default worlds (those of context files left out). */
  resources: number;
  /** unused-suppression findings of the unit's own suppression comments. */
  unused: Finding[];
  /** `--verbose` notes in the order its rules made them (each once). */
  notes: string[];
}

/** What one values variant of a chart gives when a worker renders and lints it alone. */
export interface VariantOutput {
  output: UnitOutput;
  lookups: DockerfileLookupRecord[];
  /** The chart's suppression comments this variant used: file -> indexes in that file's list. */
  used: Array<[string, number[]]>;
  /** The chart's suppression comments (from the default variant only). */
  directives?: Array<[string, Directive[]]>;
}

/** The suppression comments a run used, as indexes (they cross threads as data). */
export function usedDirectives(directives: ReadonlyMap<string, readonly Directive[]>): Array<[string, number[]]> {
  const out: Array<[string, number[]]> = [];
  for (const [file, list] of directives) {
    const used = list.flatMap((d, i) => (d.used ? [i] : []));
    if (used.length) out.push([file, used]);
  }
  return out;
}

/**
 * A chart's output from its variants' outputs, in variant order: what lintWorlds() gives for
 * all of them in one call. A comment is unused when no variant used it.
 */
export function joinVariants(parts: readonly VariantOutput[], run: RunSettings): { output: UnitOutput; lookups: DockerfileLookupRecord[] } {
  const directives = new Map(parts[0]?.directives ?? []);
  for (const p of parts) for (const [file, used] of p.used) for (const i of used) { const d = directives.get(file)?.[i]; if (d) d.used = true; }
  return {
    output: {
      worlds: parts.flatMap((p) => p.output.worlds),
      resources: parts.reduce((n, p) => n + p.output.resources, 0),
      notes: parts.flatMap((p) => p.output.notes),
      unused: unusedSuppressions(directives, run.ruleSettings.get('unused-suppression')?.severity),
    },
    lookups: parts.flatMap((p) => p.lookups),
  };
}

/** What a unit tells the others: namespaces it names or creates, CRDs it defines. */
export interface UnitFacts {
  namespaces: string[];
  crds: Record<string, any>[];
}

/** The settings every unit of one lint is run with (the same in every thread). */
export interface RunSettings {
  ruleSettings: ReadonlyMap<string, RuleSetting>;
  /** Whether findings carry their rules' fixes placed as edits (LintOptions.fixes). */
  fixes?: boolean;
  /** Which input files git has in its index (no-committed-secrets), asked on first request. */
  git: GitIndex;
  kube: KubeVersion;
  defaultNamespace: string;
  baseDir: string;
  cwd: string;
  images?: LintSettings['images'];
  override?: OverrideFn;
}

/** Namespaces and CRDs are cluster-wide: every unit sees those any unit names or creates. */
export interface ClusterFacts {
  knownNamespaces: ReadonlySet<string>;
  crds: CrdInput;
}

/** The facts of a unit's default-values resources (variants add none: they are the same release). */
export function unitFacts(resources: Iterable<Resource>): UnitFacts {
  const gathered = new FactsGatherer();
  for (const r of resources) gathered.add(r);
  return gathered.facts();
}

/**
 * A unit's facts gathered resource by resource: by unitFacts, and by a stream as its
 * resources come, which keeps copies (`own`: strings of their own, not views of the text).
 */
class FactsGatherer {
  private readonly namespaces = new Set<string>();
  private readonly crds: Record<string, any>[] = [];

  constructor(private readonly own: <T>(value: T) => T = (value) => value) {}

  add(r: Resource): void {
    if (r.namespace && !this.namespaces.has(r.namespace)) this.namespaces.add(this.own(r.namespace));
    if (r.kind === 'Namespace' && r.name && !this.namespaces.has(r.name)) this.namespaces.add(this.own(r.name));
    if (r.kind === 'CustomResourceDefinition') this.crds.push(this.own(r.object));
  }

  facts(): UnitFacts {
    return { namespaces: [...this.namespaces], crds: this.crds };
  }
}

/** The facts of every unit, in unit order, with the default namespace and the CRDs of the `crds` option. */
export function clusterFacts(defaultNamespace: string, facts: readonly UnitFacts[], crdFiles: CrdFiles): ClusterFacts {
  const knownNamespaces = new Set<string>([defaultNamespace]);
  for (const f of facts) for (const n of f.namespaces) knownNamespaces.add(n);
  return { knownNamespaces, crds: crdCatalogInput(facts.flatMap((f) => f.crds), crdFiles) };
}

/** The worlds of one chart unit: its default render, then one per ci values file; a chart with no render (a library chart) still has its Chart.yaml checked. */
export function chartWorlds(loaded: Pick<LoadedCharts, 'renders' | 'charts'>): World[] {
  const worlds: World[] = [];
  const defaults = loaded.renders.filter((r) => r.valuesFile === undefined);
  for (const d of defaults) {
    worlds.push(renderWorld([d], loaded.charts.filter((c) => c.file === d.chart)));
    for (const v of loaded.renders) if (v.valuesFile !== undefined && v.chart === d.chart) worlds.push(renderWorld([v], [], v.valuesFile));
  }
  const rendered = new Set(defaults.map((d) => d.chart));
  const unrendered = loaded.charts.filter((c) => !rendered.has(c.file));
  if (unrendered.length) worlds.push({ resources: [], problems: [], charts: unrendered });
  return worlds;
}

export function renderWorld(renders: readonly ChartRender[], charts: ChartFacts[], valuesFile?: string, raw?: { resources: Resource[]; problems: LoadProblem[] }): World {
  return {
    valuesFile,
    resources: [...(raw?.resources ?? []), ...renders.flatMap((r) => r.resources)],
    problems: [...(raw?.problems ?? []), ...renders.flatMap((r) => r.problems)],
    charts,
  };
}

/** Runs a unit's worlds; `directives` are its files' suppression comments (their unused ones are reported here). */
export function lintWorlds(
  worlds: readonly World[],
  directives: ReadonlyMap<string, Directive[]>,
  run: RunSettings,
  cluster: ClusterFacts,
  dockerfiles: DockerfileCatalogue,
  opts: { notes: boolean; isContext?: (file: string) => boolean },
): UnitOutput {
  const { notes, note } = noteList(opts.notes);
  const out: UnitOutput = { worlds: [], resources: 0, unused: [], notes };
  for (const world of worlds) {
    if (world.valuesFile === undefined) out.resources += world.resources.filter((r) => !opts.isContext?.(r.doc.file)).length;
    const result = runRules({
      ...runInput(run, lintSettings(run, cluster.knownNamespaces, note), dockerfiles, directives),
      rules: CHECKED_RULES,
      resources: world.resources,
      charts: world.charts,
      crds: cluster.crds,
      preFindings: preFindings(world.problems),
    });
    out.worlds.push({ valuesFile: world.valuesFile, findings: result.findings, suppressed: result.suppressed });
  }
  out.unused = unusedSuppressions(directives, run.ruleSettings.get('unused-suppression')?.severity);
  return out;
}

/** A unit's notes, each kept once (several rules and variant renders make the same note), and the function that takes them. */
function noteList(wanted: boolean): { notes: string[]; note?: (message: string) => void } {
  const notes: string[] = [];
  const said = new Set<string>();
  const note = wanted
    ? (message: string) => {
        if (said.has(message)) return;
        said.add(message);
        notes.push(message);
      }
    : undefined;
  return { notes, note };
}

function lintSettings(run: RunSettings, knownNamespaces: ReadonlySet<string>, note: ((message: string) => void) | undefined): LintSettings {
  return { kubeVersion: run.kube, defaultNamespace: run.defaultNamespace, knownNamespaces, baseDir: run.baseDir, cwd: run.cwd, images: run.images, note };
}

function runInput(run: RunSettings, settings: LintSettings, dockerfiles: DockerfileCatalogue, directives: ReadonlyMap<string, Directive[]>) {
  return { settings: run.ruleSettings, lintSettings: settings, dockerfiles, git: run.git, fixes: run.fixes, directives, override: run.override };
}

function preFindings(problems: readonly LoadProblem[]): Finding[] {
  return problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity ?? 'error', message: p.message, location: p.location }));
}

/**
 * The namespaces of the cluster are known only once every unit was read: a per-resource
 * rule, which runs while its unit is still being read, must not ask (a rule that does
 * fails, loudly, in test/engine/per-resource.test.ts).
 */
export const NAMESPACES_NOT_YET_KNOWN: ReadonlySet<string> = new Proxy(new Set<string>(), {
  get() {
    throw new Error('knownNamespaces was read by a per-resource rule: it depends on every resource of the cluster');
  },
});

/**
 * `batchSize`: resources per batch of a stream, enough that a batch's run costs little more
 * than its share of one run. `wholeUpTo`: a unit of up to this many resources is checked in
 * one run over whole objects (their trees take some 1.5 kB each, ~30 MB then), as keeping
 * projections would cost more time than the memory it saves; past it, the unit streams.
 * Tests make both small.
 */
export const streamSettings: {
  batchSize: number;
  wholeUpTo: number;
  /**
   * Told when a unit starts streaming (true) and when its stream is finished (false). The
   * CLI caps V8's heap growth meanwhile (src/cli/heap-growth.ts); a library user's or the
   * language server's process is left as it is.
   */
  onStreaming?: (streaming: boolean) => void;
} = { batchSize: 1000, wholeUpTo: 20_000 };

/**
 * What the cross-resource rules enabled in this run read of each object (their
 * `RuleMeta.reads` and the engine's own); undefined when an enabled one declares
 * nothing, and then objects are kept whole.
 */
export function crossReads(settings: RunSettings['ruleSettings'], rules: ReadonlyArray<CheckedRule<any>> = CROSS_RULES): ReadTree | undefined {
  const enabled = rules.filter((r) => !r.meta.perResource && (settings.get(r.meta.id)?.severity ?? 'off') !== 'off');
  if (enabled.some((r) => r.meta.reads === undefined)) return undefined;
  return readTree([...ENGINE_READS, ...enabled.flatMap((r) => r.meta.reads ?? [])]);
}

/**
 * The raw manifests of a unit checked as they are parsed, so that memory holds one batch
 * of whole objects at a time: the loader pushes each resource; every `batchSize` of them
 * the per-resource rules run on the batch (its findings placed while its documents are at
 * hand), and what is kept of each object is only what the cross-resource rules read
 * (src/engine/projection.ts). `finish` runs the cross-resource rules once over what was
 * kept, with the cluster facts known by then. Its findings are those lintWorlds() gives for
 * the same resources in one world (test/api/stream.test.ts).
 */
export class ResourceStream implements ResourceSink {
  private batch: Resource[] = [];
  private readonly kept: Resource[] = [];
  private readonly findings: Finding[] = [];
  private readonly suppressed: Finding[] = [];
  private readonly once = new Set<string>();
  private readonly gathered: FactsGatherer;
  private readonly notes: ReturnType<typeof noteList>;
  private readonly projector: Projector | undefined;
  private resources = 0;
  /** Whether the batches run as they fill (past `wholeUpTo` resources); until then resources wait, whole. */
  private streaming = false;

  constructor(
    private readonly run: RunSettings,
    /** The CRDs of the whole cluster, known before the stream starts (the loader looks for them first). */
    private readonly crds: CrdInput,
    private readonly dockerfiles: DockerfileCatalogue,
    /** The unit's suppression comments: the loader adds a file's before its first resource (src/lint.ts parseRaw). */
    readonly directives: Map<string, Directive[]>,
    private readonly opts: { notes: boolean; isContext?: (file: string) => boolean; batchSize?: number },
  ) {
    this.notes = noteList(opts.notes);
    const reads = crossReads(run.ruleSettings);
    const projector = reads && new Projector(reads);
    this.projector = projector;
    this.gathered = new FactsGatherer(projector && ((value) => projector.copy(value)));
  }

  push(r: Resource): void {
    this.batch.push(r);
    if (!this.opts.isContext?.(r.doc.file)) this.resources++;
    this.gathered.add(r);
    const size = this.opts.batchSize ?? streamSettings.batchSize;
    if (this.streaming) {
      if (this.batch.length >= size) this.flush(this.batch);
    } else if (this.batch.length > streamSettings.wholeUpTo) {
      // Large: the resources waiting run in batches now, and the next ones as they come.
      this.streaming = true;
      streamSettings.onStreaming?.(true);
      const waiting = this.batch;
      for (let i = 0; i < waiting.length; i += size) this.flush(waiting.slice(i, i + size));
    }
  }

  /** Runs the per-resource rules on a batch and keeps what the cross-resource rules read of it. */
  private flush(batch: Resource[]): void {
    this.batch = [];
    if (batch.length === 0) return;
    const result = runRules({
      ...runInput(this.run, lintSettings(this.run, NAMESPACES_NOT_YET_KNOWN, this.notes.note), this.dockerfiles, this.directives),
      rules: PER_RESOURCE_RULES,
      resources: batch,
      charts: [],
      crds: this.crds,
      once: this.once,
    });
    // Findings are kept with strings of their own: a message or a name may be a view of the text.
    const own = this.projector ? (f: Finding) => this.projector!.copy(f) : (f: Finding) => f;
    for (const f of result.findings) this.findings.push(own(f));
    for (const f of result.suppressed) this.suppressed.push(own(f));
    for (const r of batch) this.kept.push(this.projector ? this.projector.resource(r) : r);
  }

  /** The unit's facts (as unitFacts() gives them), once every resource was pushed. */
  facts(): UnitFacts {
    return this.gathered.facts();
  }

  /**
   * The cross-resource rules over what was kept (every rule, when the unit was small enough
   * to wait whole), the load problems placed, and the unit's output.
   */
  finish(problems: readonly LoadProblem[], cluster: ClusterFacts): UnitOutput {
    try {
      return this.output(problems, cluster);
    } finally {
      if (this.streaming) streamSettings.onStreaming?.(false);
    }
  }

  private output(problems: readonly LoadProblem[], cluster: ClusterFacts): UnitOutput {
    if (this.streaming) this.flush(this.batch);
    const resources = this.streaming ? this.kept : this.batch;
    const result = runRules({
      ...runInput(this.run, lintSettings(this.run, cluster.knownNamespaces, this.notes.note), this.dockerfiles, this.directives),
      rules: this.streaming ? CROSS_RULES : CHECKED_RULES,
      resources,
      charts: [],
      crds: cluster.crds,
      preFindings: preFindings(problems),
    });
    const worlds: WorldOutput[] = resources.length || problems.length ? [{ findings: [...result.findings, ...this.findings], suppressed: [...result.suppressed, ...this.suppressed] }] : [];
    return { worlds, resources: this.resources, notes: this.notes.notes, unused: unusedSuppressions(this.directives, this.run.ruleSettings.get('unused-suppression')?.severity) };
  }
}

/**
 * Merges unit outputs, in the order given, into one list of findings and one of suppressed
 * findings. Findings of a unit's values variants are merged on rule, place, message and
 * resource (with its path), so two resources never merge; one only a variant produces says
 * which values file it needs. unused-suppression findings come last, as in one run.
 */
export function mergeUnits(outputs: readonly UnitOutput[]): { findings: Finding[]; suppressed: Finding[] } {
  const seen = new SeenFindings();
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const unit of outputs) {
    for (const world of unit.worlds) {
      for (let k = 0; k < 2; k++) {
        const list = k === 0 ? world.findings : world.suppressed;
        const into = k === 0 ? findings : suppressed;
        for (const f of list) {
          if (!seen.add(f)) continue;
          into.push(world.valuesFile ? { ...f, message: `${f.message} (with values ${world.valuesFile})` } : f);
        }
      }
    }
  }
  for (const unit of outputs) for (const f of unit.unused) findings.push(f);
  return { findings, suppressed };
}

/**
 * The findings merged so far, by file and line: a finding is a repeat when one on its
 * line has its column, rule, message, suppression state and resource (with its path).
 * The resource is part of it: findings of two resources never merge, even on one shared
 * template line. Lines are small integers and the rest is compared only within a line,
 * so a merge builds no key string per finding.
 */
class SeenFindings {
  /** By file, then line: the findings of the line, or by column once a line has many (one-line JSON). */
  private readonly byFile = new Map<string, Map<number, Finding[] | Map<number, Finding[]>>>();

  /** False when an equal finding was added before. */
  add(f: Finding): boolean {
    const { file, line, column } = f.location;
    let lines = this.byFile.get(file);
    if (!lines) this.byFile.set(file, (lines = new Map()));
    let here = lines.get(line);
    if (here instanceof Map) {
      const byColumn = here;
      here = byColumn.get(column);
      if (!here) byColumn.set(column, (here = []));
    } else if (!here) {
      lines.set(line, [f]);
      return true;
    } else if (here.length >= MANY_ON_A_LINE) {
      const byColumn = new Map<number, Finding[]>();
      for (const g of here) {
        const list = byColumn.get(g.location.column);
        if (list) list.push(g);
        else byColumn.set(g.location.column, [g]);
      }
      lines.set(line, byColumn);
      here = byColumn.get(column);
      if (!here) byColumn.set(column, (here = []));
    }
    for (const g of here) if (sameFinding(f, g)) return false;
    here.push(f);
    return true;
  }
}

/** Findings on one line past which they are looked up by column too. */
const MANY_ON_A_LINE = 32;

function sameFinding(a: Finding, b: Finding): boolean {
  if (a.location.column !== b.location.column) return false;
  if (a.ruleId !== b.ruleId || a.message !== b.message || !!a.suppressed !== !!b.suppressed) return false;
  const r = a.resource;
  const s = b.resource;
  if (!r || !s) return !r && !s;
  return r.apiVersion === s.apiVersion && r.kind === s.kind && (r.namespace ?? '') === (s.namespace ?? '') && r.name === s.name && (a.path ?? '') === (b.path ?? '');
}
