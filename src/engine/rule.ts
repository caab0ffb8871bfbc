/**
 * The rule contract, ESLint-style: a rule is one module exporting
 * `rule = defineRule({ meta, check })`. `check` sees every resource and the
 * shared index once, and reports against a resource path; the engine turns
 * that into a file position, applies severities and suppressions.
 * A few checks are about files rather than resources and are made where the
 * files are read (`defineReportedRule`): they are listed and configured like
 * any rule, but have no `check` for the engine to run.
 */
import type { Location, RelatedLocation, ResourceId, ResourcePath, Severity, SeveritySetting } from '../types.js';
import type { Resource } from './resource.js';
import type { ResourceIndex } from './resource-index.js';
import type { KubeVersion } from '../k8s/kube-version.js';

export interface RuleMeta<O> {
  id: string;
  /** One line, shown by --list-rules and in SARIF shortDescription. */
  description: string;
  defaultSeverity: SeveritySetting;
  /** JSON Schema (draft-07) of the options object. */
  optionsSchema: Record<string, unknown>;
  defaultOptions: O;
}

/** What a rule hands to `report`. */
export interface Report {
  resource?: Resource;
  /** The identity the finding names, when it is not `resource` (e.g. a Secret the input lacks, reported where it is referenced). */
  resourceId?: ResourceId;
  /** Path inside the resource object; the finding sits at that node or its deepest existing ancestor. */
  path?: ResourcePath;
  /** Point at the key of the last path segment instead of its value (e.g. an unknown field). */
  target?: 'key' | 'value';
  /** For findings not about a resource node (e.g. Chart.yaml, a Dockerfile): an explicit place. */
  location?: Location;
  message: string;
  /** This finding's built-in severity when lower than the rule's (e.g. a warning from an error rule). */
  severity?: Severity;
  related?: RelatedLocation[];
}

/** Settings every rule can read (from config and command line). */
export interface LintSettings {
  /** The Kubernetes version linted against, resolved once (src/k8s/kube-version.ts). */
  kubeVersion: KubeVersion;
  /** Namespace of objects that set none (release namespace for charts, `default` otherwise). */
  defaultNamespace: string;
  /** Namespaces the input knows of (Namespace objects, explicit namespaces, the release namespace). */
  knownNamespaces: ReadonlySet<string>;
  /** Directory of the config file (or the working directory): where rules look for side files. */
  baseDir: string;
  cwd: string;
  /** The config's `images:` map: where each image's Dockerfile is (paths relative to baseDir). */
  images?: Readonly<Record<string, { dockerfile?: string; context?: string }>>;
  /** Prints a `--verbose` note (e.g. an image whose Dockerfile was not found); absent when not verbose. */
  note?: (message: string) => void;
}

/** Chart.yaml of each chart in the input, for chart-level rules. */
export interface ChartInput {
  dir: string;
  /** Display path of Chart.yaml. */
  file: string;
  text: string;
  /** Names of subcharts found in charts/ (directories and archives). */
  presentDependencies: string[];
}

export interface RuleContext<O> {
  readonly options: O;
  readonly resources: readonly Resource[];
  readonly index: ResourceIndex;
  readonly settings: LintSettings;
  readonly charts: readonly ChartInput[];
  report(report: Report): void;
}

/** A rule the engine runs: its findings are what `check` reports. */
export interface CheckedRule<O = Record<string, unknown>> {
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>): void;
}

/**
 * Who makes the findings of a rule that has no `check`: the loader, while it
 * reads and renders the input (yaml-syntax, helm-render), or the engine, from
 * what the rules did (unused-suppression).
 */
export type FindingSource = 'loader' | 'engine';

/** A rule whose findings are made elsewhere (`meta.source`); it has no options and nothing to run. */
export interface ReportedRule {
  meta: RuleMeta<Record<string, never>> & { source: FindingSource };
}

/** Any rule of the list: what --list-rules, the config schema and the docs know of. */
export type Rule<O = Record<string, unknown>> = CheckedRule<O> | ReportedRule;

export function defineRule<O>(rule: CheckedRule<O>): CheckedRule<O> {
  return rule;
}

export function defineReportedRule(rule: ReportedRule): ReportedRule {
  return rule;
}

/** True for a rule the engine runs (one with a `check`). */
export function isCheckedRule<O>(rule: Rule<O>): rule is CheckedRule<O> {
  return 'check' in rule;
}
