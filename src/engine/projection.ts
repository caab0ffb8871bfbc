/**
 * Projections of loaded objects to the paths the cross-resource rules read
 * (`RuleMeta.reads`): what a large input keeps of each object once its
 * per-resource rules ran, so that memory grows with what those rules need,
 * not with the text. A projected object has the same keys in the same order
 * along every declared path, and the whole subtree at each path's end; everything
 * else is left out. Strings are compacted (below): kept whole, a slice would keep
 * its document's text.
 */
import type { Resource } from './resource.js';
import type { ReadPath } from './rule.js';
import { IGNORE_ANNOTATION } from './run.js';
import { StringPool } from './own-string.js';

/** The paths the engine itself reads of any object: the resource's identity and the `k8s-todo-lint.io/ignore` annotation (src/engine/run.ts). */
export const ENGINE_READS: readonly ReadPath[] = [
  ['apiVersion'],
  ['kind'],
  ['metadata', 'name'],
  ['metadata', 'generateName'],
  ['metadata', 'namespace'],
  ['metadata', 'annotations', IGNORE_ANNOTATION],
];

/** The last segment of a path that reads only whether the node is a map (or list): a map is kept with none of its keys. */
export const SHAPE = '{}';

/** The union of some read paths, as a tree: a node is kept whole (`all`), or along its named children and `*`. */
export interface ReadTree {
  all: boolean;
  children: Map<string, ReadTree>;
  /** Every key or item; merged into each named child too, so a lookup needs no merge. */
  star?: ReadTree;
}

export function readTree(paths: Iterable<ReadPath>): ReadTree {
  const root = node();
  for (const p of paths) {
    let at = root;
    let shape = false;
    for (const seg of p) {
      if (at.all) break;
      if (seg === SHAPE) {
        shape = true;
        break;
      }
      if (seg === '*') at = at.star ??= node();
      else {
        let next = at.children.get(seg);
        if (!next) at.children.set(seg, (next = node()));
        at = next;
      }
    }
    if (shape) continue;
    at.all = true;
    at.children.clear();
    at.star = undefined;
  }
  spreadStars(root);
  return root;
}

function node(): ReadTree {
  return { all: false, children: new Map() };
}

/** Merges each `*` subtree into its named siblings (deeply), so a key's subtree says all that is read under it. */
function spreadStars(t: ReadTree): void {
  if (t.star) {
    spreadStars(t.star);
    for (const child of t.children.values()) merge(child, t.star);
  }
  for (const child of t.children.values()) spreadStars(child);
}

function merge(into: ReadTree, from: ReadTree): void {
  if (into.all) return;
  if (from.all) {
    into.all = true;
    into.children.clear();
    into.star = undefined;
    return;
  }
  if (from.star) merge((into.star ??= node()), from.star);
  for (const [k, sub] of from.children) {
    let mine = into.children.get(k);
    if (!mine) into.children.set(k, (mine = node()));
    merge(mine, sub);
  }
}

/**
 * Projects objects along one read tree. Strings are pooled (src/engine/own-string.ts):
 * a scalar js-yaml read may be a view of its document's text, and keeping it would keep
 * that whole text, so each is kept as a string of its own, once for all its equal ones
 * (the same label in a thousand documents is kept once).
 */
export class Projector {
  private readonly strings = new StringPool();

  constructor(readonly tree: ReadTree) {}

  /**
   * What a stream keeps of a resource once its batch ran: its object projected, its identity
   * with strings of their own, and its document as the document keeps itself
   * (SourceDocument.kept: no parsed tree, no text on the heap).
   */
  resource(r: Resource): Resource {
    const object = this.project(r.object, this.tree) as Record<string, any>;
    const meta = object.metadata;
    return {
      apiVersion: this.strings.get(r.apiVersion),
      kind: this.strings.get(r.kind),
      group: this.strings.get(r.group),
      // The name and namespace are those of the projected metadata (already pooled) when they are the same.
      name: meta?.name === r.name ? meta.name : this.strings.get(r.name),
      namespace: r.namespace === undefined ? undefined : meta?.namespace === r.namespace ? meta.namespace : this.strings.get(r.namespace),
      namespaceExplicit: r.namespaceExplicit,
      object,
      doc: r.doc.kept?.() ?? r.doc,
      basePath: r.basePath.length === 0 ? r.basePath : (this.project(r.basePath, undefined) as Resource['basePath']),
    };
  }

  /** A value with every string in it pooled (a finding a stream keeps, a CustomResourceDefinition). */
  copy<T>(value: T): T {
    return this.project(value, undefined) as T;
  }

  /**
   * `value` along the tree's paths. Maps and lists on a path are rebuilt with only the
   * keys (in their order) or items (all of them, keeping indexes) the tree names; where
   * the input has another shape than a path expects (a list where a map's key is named),
   * the value is kept whole, so a rule reads exactly what it would have read. What is
   * kept whole (an undefined tree) is copied too, for its strings.
   */
  project(value: unknown, tree: ReadTree | undefined): unknown {
    if (typeof value === 'string') return this.strings.get(value);
    if (value === null || typeof value !== 'object') return value;
    const proto = Object.getPrototypeOf(value);
    // A Date, say: a scalar to the rules.
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
    const whole = !tree || tree.all;
    if (Array.isArray(value)) {
      // A list where a map's keys are named is kept whole (copied, for its strings).
      const items = whole ? undefined : tree.star;
      return value.map((item) => this.project(item, items));
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const sub = whole ? undefined : (tree.children.get(key) ?? tree.star);
      if (!whole && !sub) continue;
      const v = this.project((value as Record<string, unknown>)[key], sub);
      // A key named __proto__ is data in a loaded object: defined, not assigned (which would set the prototype).
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
    }
    return out;
  }
}
