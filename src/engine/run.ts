/**
 * Runs the enabled rules over the resource set and turns their reports into
 * findings: position lookup, severity, annotation and comment suppressions.
 * A rule that throws becomes one finding of that rule naming the resource it
 * failed on; the other rules still run.
 */
import { formatPath, type Finding, type Location, type ResourcePath, type Severity, type SeveritySetting } from '../types.js';
import { matchDirective, type Directive } from './directives.js';
import { placeFix } from './fix.js';
import type { Resource, SourceDocument } from './resource.js';
import { resourceId } from './resource.js';
import { ResourceIndex } from './resource-index.js';
import type { ChartFacts, CheckedRule, CrdInput, DockerfileCatalogue, GitIndex, LintSettings, Report, RuleContext } from './rule.js';
import { lowerSeverity } from './severity.js';

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** Decides a finding's severity from overrides (files/resources globs); undefined keeps the rule's. */
export type OverrideFn = (ruleId: string, file: string, resource: Resource | undefined) => SeveritySetting | undefined;

export interface RunInput {
  /** Only rules with a `check`: the others' findings come in as preFindings or after the run. */
  rules: ReadonlyArray<CheckedRule<any>>;
  settings: ReadonlyMap<string, RuleSetting>;
  resources: readonly Resource[];
  charts: readonly ChartFacts[];
  dockerfiles: DockerfileCatalogue;
  git: GitIndex;
  crds: CrdInput;
  lintSettings: LintSettings;
  /** Suppression comments by display file. */
  directives: ReadonlyMap<string, Directive[]>;
  override?: OverrideFn;
  /** Findings made before rules ran (yaml-syntax, helm-render); they get suppressions and overrides too. */
  preFindings?: Finding[];
  /** Place the rules' fix suggestions as edits (the language server's quick fixes); the command line has no use for them. */
  fixes?: boolean;
  /** The `Report.once` keys already reported: shared by the runs over the batches of one stream (src/lint-units.ts). */
  once?: Set<string>;
}

export interface RunOutput {
  findings: Finding[];
  suppressed: Finding[];
}

export const IGNORE_ANNOTATION = 'k8s-todo-lint.io/ignore';

/** Per-rule time (ms, including locating findings) when TIMING is set, like ESLint's TIMING=1. */
export const timings: Map<string, number> | undefined = process.env.TIMING ? new Map() : undefined;

export function runRules(input: RunInput): RunOutput {
  const index = new ResourceIndex(input.resources);
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];

  const place = (finding: Finding, builtin: Severity, ruleSeverity: SeveritySetting, resource: Resource | undefined, rawLine: number) => {
    const ruleId = finding.ruleId;
    let severity = lowerSeverity(builtin, ruleSeverity);
    const over = input.override?.(ruleId, finding.location.file, resource);
    if (over !== undefined) severity = over === 'off' ? 'off' : lowerSeverity(builtin, over);
    if (severity === 'off') return;
    finding.severity = severity;
    const ann = resource ? annotationSuppression(resource, ruleId) : undefined;
    const directives = ann ? undefined : input.directives.get(finding.location.file);
    const dir = directives ? matchDirective(directives, ruleId, rawLine) : undefined;
    if (ann) finding.suppressed = ann;
    else if (dir) finding.suppressed = { kind: 'comment', justification: dir.justification };
    (finding.suppressed ? suppressed : findings).push(finding);
  };

  for (const pre of input.preFindings ?? []) {
    const setting = input.settings.get(pre.ruleId);
    place({ ...pre }, pre.severity, setting?.severity ?? 'error', undefined, pre.location.line);
  }

  // Reports are placed after every rule ran, one document at a time: a document is
  // parsed for positions once, however many rules report on it, and its positions
  // are dropped as soon as its reports are placed (memory holds one at a time).
  const pending: Pending[] = [];
  const once = input.once ?? new Set<string>();
  for (const rule of input.rules) {
    const setting = input.settings.get(rule.meta.id);
    if (!setting || setting.severity === 'off') continue;
    const report = (r: Report) => {
      if (r.once !== undefined) {
        const key = `${rule.meta.id}\u0000${r.once}`;
        if (once.has(key)) return;
        once.add(key);
      }
      pending.push({ rule, severity: setting.severity, report: r });
    };
    const started = timings ? performance.now() : 0;
    const ctx: RuleContext<any> = {
      options: setting.options,
      resources: input.resources,
      index,
      settings: input.lintSettings,
      charts: input.charts,
      dockerfiles: input.dockerfiles,
      crds: input.crds,
      git: input.git,
      report,
    };
    try {
      rule.check(ctx);
    } catch (error) {
      report(crashReport(rule, ctx, error));
    }
    if (timings) timings.set(rule.meta.id, (timings.get(rule.meta.id) ?? 0) + performance.now() - started);
  }
  const placed = locateAll(pending, input.resources[0], !!input.fixes);
  for (let i = 0; i < pending.length; i++) {
    const { rule, severity, report: r } = pending[i];
    const { location, related, rawLine, fix } = placed[i];
    // Built once, in the key order of the findings' JSON (severity after fix, as place() sets it).
    const f = { ruleId: rule.meta.id, message: r.message, location } as Finding;
    if (r.resourceId) {
      f.resource = r.resourceId;
    } else if (r.resource) {
      f.resource = resourceId(r.resource);
      if (r.path) f.path = formatPath(r.path);
    }
    const rel = related && r.related ? [...related, ...r.related] : (related ?? r.related);
    if (rel?.length) f.related = rel;
    if (fix) f.fix = fix;
    f.severity = 'error';
    place(f, r.severity ?? 'error', severity, r.resource, rawLine);
  }
  // What rules located themselves (related places) is dropped too.
  for (const r of input.resources) r.doc.release?.();
  return { findings, suppressed };
}

/**
 * The finding for a rule that threw: a user still wants every other finding,
 * so the run goes on, and this one finding (of the failing rule, so config,
 * overrides and suppressions apply to it as to the rule) says which rule
 * failed on which resource. Never a stack trace: the message's first line.
 */
function crashReport(rule: CheckedRule<any>, ctx: RuleContext<any>, error: unknown): Report {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const resource = failingResource(rule, ctx);
  const where = resource ? `${resource.kind}/${resource.name}` : 'the input';
  return { resource, message: `internal error: rule ${rule.meta.id} failed on ${where}: ${reason} (a bug in k8s-todo-lint: please report it; this rule's other findings may be missing)` };
}

/**
 * The resource a rule throws on when it checks that resource alone, found by
 * running it once per resource (only after a failure, so a normal run pays
 * nothing). Undefined when no single resource makes it throw (the failure
 * needs several resources, or a chart).
 */
function failingResource(rule: CheckedRule<any>, ctx: RuleContext<any>): Resource | undefined {
  const settings: LintSettings = { ...ctx.settings, note: undefined };
  for (const resource of ctx.resources) {
    const alone = [resource];
    try {
      rule.check({ ...ctx, resources: alone, index: new ResourceIndex(alone), settings, charts: [], report: () => {} });
    } catch {
      return resource;
    }
  }
  return undefined;
}

interface Pending {
  rule: CheckedRule<any>;
  severity: SeveritySetting;
  report: Report;
}

interface Placed {
  location: Location;
  related?: Finding['related'];
  rawLine: number;
  /** The rule's fix suggestion placed as a text edit (src/lsp offers it), while the document's positions are at hand. */
  fix?: Finding['fix'];
}

/**
 * The places of all reports, in report order, located document by document: each
 * document's positions are built once and released before the next document's.
 * The reports of one document are chained through `next` (one array for all, no list per document).
 */
function locateAll(pending: readonly Pending[], first: Resource | undefined, fixes: boolean): Placed[] {
  const placed: Placed[] = new Array(pending.length);
  const next = new Int32Array(pending.length).fill(-1);
  // Per document: the first and the last of its reports.
  const chains = new Map<SourceDocument | undefined, { head: number; tail: number }>();
  for (let i = 0; i < pending.length; i++) {
    const r = pending[i].report;
    const doc = r.location ? undefined : (r.resource ?? first)?.doc;
    const chain = chains.get(doc);
    if (chain) {
      next[chain.tail] = i;
      chain.tail = i;
    } else chains.set(doc, { head: i, tail: i });
  }
  for (const [doc, chain] of chains) {
    for (let i = chain.head; i !== -1; i = next[i]) {
      const r = pending[i].report;
      placed[i] = locateReport(r, first);
      const fix = fixes && r.fix && r.resource && placeFix(r.resource, r.fix);
      if (fix) placed[i].fix = fix;
    }
    doc?.release?.();
  }
  return placed;
}

function locateReport(r: Report, first: Resource | undefined): Placed {
  if (r.location) return { location: r.location, rawLine: r.location.line };
  if (r.resource) {
    const base = r.resource.basePath;
    const path: ResourcePath = base.length === 0 ? (r.path ?? base) : r.path ? [...base, ...r.path] : base;
    const loc = r.resource.doc.locate(path, r.target);
    return { location: loc.location, related: loc.related, rawLine: loc.rawLine ?? loc.location.line };
  }
  if (first) {
    const loc = first.doc.start();
    return { location: loc, rawLine: loc.line };
  }
  return { location: { file: '<input>', line: 1, column: 1, endLine: 1, endColumn: 1 }, rawLine: 1 };
}

function annotationSuppression(resource: Resource, ruleId: string): Finding['suppressed'] | undefined {
  const value = resource.object?.metadata?.annotations?.[IGNORE_ANNOTATION];
  if (typeof value !== 'string') return undefined;
  const [list, reason] = value.split(/\s--\s?/, 2);
  const ids = list.split(',').map((s) => s.trim());
  if (ids.includes('*') || ids.includes(ruleId)) return { kind: 'annotation', justification: reason?.trim() || undefined };
  return undefined;
}
