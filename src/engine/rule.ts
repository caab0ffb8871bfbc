/**
 * The rule contract, ESLint-style: a rule is one module exporting
 * `rule = defineRule({ meta, check })`. `check` sees every resource and the
 * shared index once, and reports against a resource path; the engine turns
 * that into a file position, applies severities and suppressions.
 * A few checks are about files rather than resources and are made where the
 * files are read (`defineReportedRule`): they are listed and configured like
 * any rule, but have no `check` for the engine to run.
 * A large input streams (docs/ARCHITECTURE.md, "Streaming"): a rule says whether it
 * checks each resource on its own (`meta.perResource`), or else what it reads of the
 * objects (`meta.reads`).
 */
import type { Location, RelatedLocation, ResourceId, ResourcePath, Severity, SeveritySetting } from '../types.js';
import type { DockerfileModel } from '../dockerfile/model.js';
import type { CrdCatalog } from '../schema/crd.js';
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
  /**
   * True for a rule that checks each resource on its own: what it reports about a resource
   * depends on that resource alone (and on the run's options, settings, charts, CRDs,
   * Dockerfiles and git), never on the other resources, so that on any partition of the
   * resources the union of its findings is its findings over the whole set. The engine may
   * then run it on batches of resources as they are parsed, and drop each batch's objects
   * (src/lint-units.ts).
   * `test/engine/per-resource.test.ts` runs every rule so marked over the rule fixtures
   * both ways. What such a rule says once per run rather than per resource carries
   * `Report.once`. Absent: the rule reads across resources and sees them all at once.
   */
  perResource?: true;
  /**
   * For a rule that is not per-resource: the object paths its `check` (and the helpers it
   * calls) reads, from the object's root (`*`: every key or item). A large input keeps only
   * these of each object once its per-resource rules ran (src/engine/projection.ts); a path
   * covers the whole subtree under it. `test/engine/projection.test.ts` runs each such rule
   * over the rule fixtures on whole and projected objects and compares the findings.
   */
  reads?: readonly ReadPath[];
}

/**
 * A path a rule reads inside an object: keys from the root, `*` for every key of a map or
 * item of a list; a last segment `{}` reads only the node's shape (whether it is a map).
 */
export type ReadPath = readonly string[];

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
  /** The one right fix, when there is one (editors offer it); the engine places it (src/engine/fix.ts). */
  fix?: FixSuggestion;
  /**
   * Said once per run: of the reports of this rule with the same key, only the first (in
   * input order) becomes a finding, also across the batches a per-resource rule runs on
   * (e.g. k8s-schema's "no schema for this kind", said at the kind's first resource).
   */
  once?: string;
}

/**
 * A rule's fix: the scalar at `path` (inside `resource`, like `Report.path`) becomes `value`.
 * When the node exists, the text `from` (default: its whole current value; e.g. the tag of an
 * image) is replaced by `value` where it was written; when it does not, the missing keys are
 * added under the deepest existing map.
 */
export interface FixSuggestion {
  title: string;
  path: ResourcePath;
  value: string;
  from?: string;
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

/** A field of Chart.yaml as Helm reads it (YAML 1.1), with where it is written. */
export interface ChartYamlField {
  /** The value as YAML 1.1 reads it: string, number, boolean, Date, null, or a collection's JSON. */
  value: unknown;
  /** The value as written in the file (so 1.10 stays 1.10); '' when it has no value node. */
  source: string;
  /** The value's place (the key's when the value is empty). */
  location: Location;
  /** For a scalar, the string Helm stores in its string field (sigs.k8s.io/yaml turns 1.10 into "1.1"). */
  helm?: string;
}

/** An entry of Chart.yaml's dependencies with a name. */
export interface ChartYamlDependency {
  name: string;
  version?: string;
  /** The name's value (the entry's place when it has none). */
  location: Location;
}

/** Chart.yaml, parsed once by the loader: its fields and dependencies with positions, or why it cannot be read. */
export type ChartYaml =
  | { kind: 'unparsable'; location: Location; reason: string }
  | { kind: 'not-a-map'; location: Location }
  | {
      kind: 'map';
      /** The whole document (where a missing field is reported). */
      location: Location;
      /** The top-level scalar fields rules check, when present (first occurrence). */
      fields: Partial<Record<'apiVersion' | 'name' | 'version' | 'appVersion' | 'type', ChartYamlField>>;
      /** The named entries of `dependencies` when it is a list. */
      dependencies: ChartYamlDependency[];
    };

/** A version a chart names for an image, with the place it is written. */
export interface VersionSource {
  version: string;
  /** `appVersion in charts/todo/Chart.yaml`, `frontend.image.tag in .../values.yaml`. */
  what: string;
  where: RelatedLocation;
}

/**
 * The versions a chart names for its images: Chart.yaml's appVersion and the
 * tags in values.yaml (`<x>.image: {repository, tag}` as `helm create` lays
 * them out, or a loose `tag`/`imageTag`).
 */
export interface ChartVersions {
  /** Display directory of the chart, with a trailing `/`: resources whose file starts with it come from the chart. */
  prefix: string;
  appVersion?: VersionSource;
  /** By repository (as written in values): its tag, or '' when the tag is empty (Helm charts then default to appVersion). */
  repositories: Map<string, VersionSource | ''>;
  /** Tags not tied to a repository. */
  looseTags: VersionSource[];
}

/** What the loader knows of each chart directory in the input, for chart-level rules. */
export interface ChartFacts {
  /** Absolute chart directory. */
  dir: string;
  /** Display path of Chart.yaml. */
  file: string;
  /** Display directory of the chart, with a trailing `/`. */
  prefix: string;
  /** Chart.yaml as Helm reads it, with positions. */
  chartYaml: ChartYaml;
  /** Names of subcharts found in charts/ (directories and archives). */
  presentDependencies: string[];
  /**
   * The image versions this chart names, or with `subchart` (directory names under
   * charts/, outermost first) those of that directory subchart; undefined when there is
   * no such directory subchart (e.g. it is an archive). Worked out on first request.
   */
  imageVersions(subchart?: readonly string[]): ChartVersions | undefined;
}

/** An image as the Dockerfile search needs it: its name and the path before it. */
export interface ImageName {
  /** Everything before the last path segment (registry and path), without the trailing slash. */
  prefix?: string;
  name: string;
}

/** The catalogue's answer for one image: its parsed Dockerfile, or why there is none. */
export type DockerfileLookup =
  | {
      found: true;
      /** How it was found (`config images.x.dockerfile`, `convention docker/x/Dockerfile`). */
      how: string;
      /** The parsed Dockerfile; its `file` is the display path. The same object for the same file within one lint. */
      dockerfile: DockerfileModel;
    }
  | {
      found: false;
      /** 'not-found': no Dockerfile for the image; 'unreadable': one was found but cannot be read or parsed. */
      why: 'not-found' | 'unreadable';
      reason: string;
    };

/** The Dockerfiles of the input's images, found and parsed by the loader on first request, once per lint. */
export interface DockerfileCatalogue {
  /**
   * The Dockerfile `image` is built from: the config's `images:` entry, else the
   * conventional layouts under the config directory, the working directory and the
   * directories above `manifestFiles` (display paths of the manifests that run it).
   */
  lookup(image: ImageName, manifestFiles: readonly string[]): DockerfileLookup;
}

/** The custom resource definitions schema checks use, ready before rules run. */
export interface CrdInput {
  /** The input's CustomResourceDefinitions, then those of k8s-schema's `crds` option files. */
  catalog: CrdCatalog;
  /** Why a file of the `crds` option could not be read (k8s-schema reports it). */
  problems: readonly { location: Location; message: string }[];
}

/**
 * What git has in its index for the input files (src/load/git-index.ts), asked on first
 * request. Rules read it; nothing in it changes git.
 */
export interface GitIndex {
  /**
   * Whether the file (a display path, as findings name files) is in git's index: committed
   * and not removed, or staged with `git add` (in a pre-commit hook, the index being
   * committed). False for a file git does not know, a file outside any git work tree,
   * `<stdin>`, or when git cannot be run.
   */
  inIndex(file: string): boolean;
}

export interface RuleContext<O> {
  readonly options: O;
  readonly resources: readonly Resource[];
  readonly index: ResourceIndex;
  readonly settings: LintSettings;
  readonly charts: readonly ChartFacts[];
  readonly dockerfiles: DockerfileCatalogue;
  readonly crds: CrdInput;
  /** Which input files git tracks or has staged (no-committed-secrets). */
  readonly git: GitIndex;
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
