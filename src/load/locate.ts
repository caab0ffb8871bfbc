/**
 * Finds the source range of a path inside one YAML document. Only documents
 * that have findings get here. The positions come from one js-yaml parse with
 * its listener (src/load/positions.ts); a document that tree cannot picture
 * exactly (explicit keys, empty sequence entries...) is parsed with the
 * `yaml` package instead, loaded on first use, for that document alone. Either
 * way the ranges are the same, and a located document keeps nothing once its
 * findings are placed (the engine drops its locator).
 */
import type { Document, LineCounter, Node, YAMLMap } from 'yaml';
import { yamlLib } from '../vendor.js';
import { buildPositionTree, isJsSpace, type MapNode, type PositionNode, type PositionTree } from './positions.js';

// `yaml` is loaded on first use: only documents the position tree cannot picture need it.
export { yamlLib };
import type { ResourcePath } from '../types.js';

export interface TextRange {
  /** 1-based line and column within the parsed text. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets in the parsed text. */
  start: number;
  end: number;
  /** False when the path does not exist and this is its deepest existing ancestor. */
  found?: boolean;
  /** When not found: the range of the key whose value is that ancestor, if it has one. */
  ancestorKey?: { start: number; end: number };
}

export type LocateTarget = 'value' | 'key';

/** A mapping with more entries than this is looked up through a name index (built once), not a scan. */
const INDEX_FROM = 16;

/** How a path walk sees one parser's nodes. */
interface NodeModel<N> {
  root(): N | undefined;
  deref(node: N | undefined): N | undefined;
  /** Index of the first entry of a mapping node whose key matches seg: -1 when none does, undefined when `node` is not a mapping. */
  entry(node: N, seg: string | number): number | undefined;
  /** The key and the value of entry `i` of a mapping node (as `entry` found it). */
  key(node: N, i: number): N;
  value(node: N, i: number): N | undefined;
  /** Item `i` of a sequence node; undefined when it is not a sequence or has no such item. */
  item(node: N, i: number): N | undefined;
  range(node: N): readonly [number, number] | undefined;
}

/** Counters of the work done, for the structural tests of linear placement and bounded memory. */
export const locateStats = { trees: 0, yamlParses: 0, mapIndexes: 0 };

export class DocumentLocator {
  private model: NodeModel<unknown> | undefined;
  private lineStarts: number[] | undefined;

  /** `parser: 'yaml'` forces the fallback (the tests compare the two). */
  constructor(
    private readonly text: string,
    private readonly parser: 'auto' | 'yaml' = 'auto',
  ) {}

  /** Whether this document's positions came from js-yaml's events (false: the `yaml` package). */
  get fast(): boolean {
    return this.nodes() !== undefined && this.usedTree;
  }

  private usedTree = false;

  private nodes(): NodeModel<unknown> {
    if (!this.model) {
      const tree = this.parser === 'auto' ? buildPositionTree(this.text) : undefined;
      this.usedTree = !!tree;
      if (tree) {
        locateStats.trees++;
        this.model = new TreeModel(tree) as NodeModel<unknown>;
      } else {
        locateStats.yamlParses++;
        this.model = yamlModel(this.text) as NodeModel<unknown>;
      }
    }
    return this.model;
  }

  /** Range of the node at `path`, or of its deepest existing ancestor. */
  locate(path: ResourcePath, target: LocateTarget = 'value'): TextRange {
    const m = this.nodes();
    let node: unknown = m.root();
    let keyNode: unknown;
    let bestKey: unknown;
    let best: unknown = node;
    let found = true;
    for (const seg of path) {
      node = m.deref(node);
      keyNode = undefined;
      const entry = node === undefined ? undefined : m.entry(node, seg);
      if (entry === -1) {
        found = false;
        break;
      }
      if (entry !== undefined) {
        keyNode = m.key(node, entry);
        node = m.value(node, entry);
        best = node ?? keyNode;
        bestKey = keyNode;
        continue;
      }
      const item = node !== undefined && typeof seg === 'number' ? m.item(node, seg) : undefined;
      if (item === undefined) {
        found = false;
        break;
      }
      node = item;
      best = node;
      bestKey = undefined;
    }
    const chosen = found && target === 'key' && keyNode !== undefined ? keyNode : best;
    const range = chosen === undefined ? undefined : m.range(chosen);
    if (!range) return this.rangeOf(0, Math.min(this.firstContentEnd(), this.text.length));
    const r = this.rangeOf(range[0], range[1]);
    r.found = found;
    const keyRange = !found && bestKey !== undefined ? m.range(bestKey) : undefined;
    if (keyRange) r.ancestorKey = { start: keyRange[0], end: keyRange[1] };
    return r;
  }

  /** Range of the document's first content line (for findings about the whole document). */
  start(): TextRange {
    const m = this.nodes();
    const root = m.root();
    const range = root === undefined ? undefined : m.range(root);
    if (range) {
      const s = range[0];
      const nl = this.text.indexOf('\n', s);
      return this.rangeOf(s, nl === -1 ? this.text.length : nl);
    }
    return this.rangeOf(0, this.firstContentEnd());
  }

  private firstContentEnd(): number {
    const nl = this.text.indexOf('\n');
    return nl === -1 ? this.text.length : nl;
  }

  private rangeOf(start: number, end: number): TextRange {
    // Trim trailing whitespace/newlines that the parser includes in block values.
    while (end > start && isJsSpace(this.text.charCodeAt(end - 1))) end--;
    const starts = this.lineStarts ?? this.countLines();
    const a = lineIndex(starts, start);
    const b = lineIndex(starts, end);
    // 1-based lines and columns (columns in UTF-16 code units, as `yaml`'s LineCounter).
    return { line: a + 1, column: start - starts[a] + 1, endLine: b + 1, endColumn: end - starts[b] + 1, start, end };
  }

  private countLines(): number[] {
    const starts = [0];
    for (let p = this.text.indexOf('\n'); p !== -1; p = this.text.indexOf('\n', p + 1)) starts.push(p + 1);
    return (this.lineStarts = starts);
  }
}

/** The 0-based line holding an offset, given each line's first offset. */
function lineIndex(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The position tree's nodes: one object per document, its methods shared (no closures per document). */
class TreeModel implements NodeModel<PositionNode> {
  constructor(private readonly tree: PositionTree) {}

  root(): PositionNode {
    return this.tree.root;
  }

  deref(node: PositionNode | undefined): PositionNode | undefined {
    let guard = 0;
    while (node && node.kind === 'alias' && guard++ < 100) node = node.target;
    return node;
  }

  entry(node: PositionNode, seg: string | number): number | undefined {
    return node.kind === 'map' ? mapLookup(node, typeof seg === 'string' ? seg : String(seg)) : undefined;
  }

  key(node: PositionNode, i: number): PositionNode {
    return (node as MapNode).keys[i];
  }

  value(node: PositionNode, i: number): PositionNode | undefined {
    return (node as MapNode).values[i];
  }

  item(node: PositionNode, i: number): PositionNode | undefined {
    return node.kind === 'seq' && i < node.items.length ? node.items[i] : undefined;
  }

  range(node: PositionNode): readonly [number, number] {
    return [node.start, node.end];
  }
}

/**
 * Each alias's anchored node, found in one walk of the document: the `yaml` package's
 * Alias.resolve walks the whole document on every call, quadratic for a `List` of
 * 100,000 aliases (issue 16). An alias names the last anchor of its name before it.
 */
const aliasTargets = new WeakMap<Document, Map<Node, Node>>();
function targetsOf(doc: Document): Map<Node, Node> {
  let targets = aliasTargets.get(doc);
  if (targets) return targets;
  const made = new Map<Node, Node>();
  const anchors = new Map<string, Node>();
  const { visit, isAlias } = yamlLib();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) made.set(node as Node, target);
    } else if (node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string' && node.anchor) {
      anchors.set(node.anchor, node as Node);
    }
  });
  targets = made;
  aliasTargets.set(doc, targets);
  return targets;
}

/** The first entry whose key's value or source is `name`. */
function mapLookup(node: MapNode, name: string): number {
  const names = node.keyNames;
  if (names.length <= INDEX_FROM) {
    for (let i = 0; i < names.length; i++) if (names[i][0] === name || names[i][1] === name) return i;
    return -1;
  }
  if (!node.byName) {
    locateStats.mapIndexes++;
    const byName = new Map<string, number>();
    for (let i = 0; i < names.length; i++) {
      const [value, source] = names[i];
      if (node.keys[i].kind !== 'scalar') continue;
      if (!byName.has(value)) byName.set(value, i);
      if (source !== undefined && !byName.has(source)) byName.set(source, i);
    }
    node.byName = byName;
  }
  return node.byName.get(name) ?? -1;
}

/** The `yaml` package's nodes: the fallback for documents the position tree cannot picture. */
function yamlModel(text: string): NodeModel<Node> {
  const lib = yamlLib();
  const lines: LineCounter = new lib.LineCounter();
  const doc: Document = lib.parseDocument(text, { version: '1.1', uniqueKeys: false, merge: true, lineCounter: lines, keepSourceTokens: false, strict: false });
  const indexes = new WeakMap<YAMLMap, Map<string, number>>();
  const keyNames = (key: unknown): string[] => (lib.isScalar(key) ? [String(key.value), String(key.source ?? '')] : []);
  return {
    root: () => (doc.contents as Node | null) ?? undefined,
    deref(node) {
      let guard = 0;
      while (node && lib.isAlias(node) && guard++ < 100) node = targetsOf(doc).get(node);
      return node;
    },
    entry(node, seg) {
      if (!lib.isMap(node)) return undefined;
      const name = String(seg);
      const items = node.items;
      let i = -1;
      if (items.length <= INDEX_FROM) {
        i = items.findIndex((p) => lib.isPair(p) && keyNames(p.key).includes(name));
      } else {
        let byName = indexes.get(node);
        if (!byName) {
          locateStats.mapIndexes++;
          byName = new Map();
          items.forEach((p, j) => {
            for (const n of lib.isPair(p) ? keyNames(p.key) : []) if (!byName!.has(n)) byName!.set(n, j);
          });
          indexes.set(node, byName);
        }
        i = byName.get(name) ?? -1;
      }
      return i;
    },
    key: (node, i) => (node as YAMLMap).items[i].key as Node,
    value: (node, i) => ((node as YAMLMap).items[i].value as Node | null) ?? undefined,
    item: (node, i) => (lib.isSeq(node) && i < node.items.length ? (node.items[i] as Node) : undefined),
    range: (node) => (node.range ? [node.range[0], node.range[1]] : undefined),
  };
}
