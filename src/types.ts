/**
 * The core data types every layer shares: where a thing is in a file, what a
 * resource is, what a finding is. Positions are 1-based, columns count
 * UTF-16 code units like editors and GitHub do.
 */

/** A finding's severity after configuration; `off` only exists in settings. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A range in a file. `endColumn` is the column just after the last character. */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A secondary place that explains a finding (e.g. the values.yaml line of a Helm value). */
export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/** The identity of a Kubernetes object, as printed in findings. */
export interface ResourceId {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** A path inside a resource: keys and list indexes, e.g. ['spec', 'ports', 0, 'nodePort']. */
export type PathSegment = string | number;
export type ResourcePath = readonly PathSegment[];

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  location: Location;
  resource?: ResourceId;
  /** Dotted path inside the resource, e.g. `spec.ports[0].nodePort`. */
  path?: string;
  related?: RelatedLocation[];
  /** Set when a suppression (annotation or comment) matched this finding. */
  suppressed?: { kind: 'annotation' | 'comment'; justification?: string };
  /** The one right fix, when the rule knows it (editors offer it: src/lsp); no formatter prints it. */
  fix?: FindingFix;
}

/**
 * A fix as text positions (src/engine/fix.ts places a rule's `fix`): either replace a piece
 * of text where the value was written (the values line that set it, else the node itself),
 * or add missing keys at the top of the block map that should hold them.
 */
export interface FindingFix {
  /** What it does, as an editor shows it: `Set imagePullPolicy to IfNotPresent`. */
  title: string;
  /** Replace the last `from` in the first of `at` whose text holds it, by `to`. */
  replace?: { at: Location[]; from: string; to: string };
  /** Insert these lines (YAML, indentation relative to the map's) before the first entry of the block map at `at`. */
  insert?: { at: Location; lines: string[] };
}

/** Counts reported in every output format. */
export interface Summary {
  files: number;
  resources: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}

export interface LintResult {
  findings: Finding[];
  /** Suppressed findings, kept for `--report-suppressed`. */
  suppressed: Finding[];
  summary: Summary;
}

/** Formats a resource path the way kubectl explain and our messages print it. */
export function formatPath(path: ResourcePath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
