/**
 * A Kubernetes object as the rules see it: the parsed object plus where it
 * came from, so any path inside it can be turned into a file position.
 */
import type { Location, RelatedLocation, ResourceId, ResourcePath } from '../types.js';

/** Where a node of a document is, and (for rendered charts) where its value came from. */
export interface NodeLocation {
  location: Location;
  related?: RelatedLocation[];
  /** Line in the text that suppression comments are read from, when it differs from location.line (rendered charts). */
  rawLine?: number;
  /**
   * For a node of a rendered chart, where its text was written: `template`, as it is, in the
   * template text at `location` (a helper's line when a named template printed it); `values`,
   * printed by an action from a values file, at `location` in that file; `computed`, printed
   * by an action from no file (a function's result, a `--set` flag, `.Release`). Absent for
   * plain manifests, whose text is their file's.
   */
  written?: { from: 'template' | 'values'; location: Location } | { from: 'computed' };
}

/**
 * One YAML/JSON document of an input. Locating is lazy: the fast loader keeps
 * only the text span, and a full position-keeping parse runs for the few
 * documents that have findings.
 */
export interface SourceDocument {
  /** Display path: relative to the working directory with `/`, or `<stdin>`. */
  readonly file: string;
  /** 0-based index of this document in its file. */
  readonly index: number;
  /** The template that produced it, from a `# Source:` comment or a chart render. */
  readonly source?: string;
  /**
   * Location of the node at `path` (keys and indexes from the document root).
   * When the path does not exist, the deepest existing ancestor is used.
   */
  locate(path: ResourcePath, target?: 'key' | 'value'): NodeLocation;
  /** Location of the whole document (its first content line). */
  start(): Location;
  /** Drops what locating built (the engine calls it once a document's findings are placed); a later locate builds it again. */
  release?(): void;
  /**
   * What a large input's stream keeps of this document once the whole objects of its
   * resources are dropped (src/lint-units.ts): a document that still locates any path as
   * before, holding no parsed tree and none of its text on the V8 heap. Absent: the
   * document is kept as it is.
   */
  kept?(): SourceDocument;
}

export interface Resource {
  readonly apiVersion: string;
  readonly kind: string;
  /** API group: '' for core, e.g. 'apps' for apps/v1. */
  readonly group: string;
  readonly name: string;
  /** Effective namespace for namespaced kinds (explicit, else the default); undefined for cluster-scoped kinds. */
  readonly namespace?: string;
  /** True when `metadata.namespace` is set in the input. */
  readonly namespaceExplicit: boolean;
  /** The parsed object (plain JSON-like data). */
  readonly object: Record<string, any>;
  readonly doc: SourceDocument;
  /** Path of this object inside its document: [] or ['items', i] for List items. */
  readonly basePath: ResourcePath;
}

export function resourceId(r: Resource): ResourceId {
  // Key order matters for byte-stable JSON output: apiVersion, kind, namespace, name.
  return r.namespace !== undefined
    ? { apiVersion: r.apiVersion, kind: r.kind, namespace: r.namespace, name: r.name }
    : { apiVersion: r.apiVersion, kind: r.kind, name: r.name };
}
