/**
 * Finds the source range of a path inside one YAML document. Only documents
 * that have findings get here, so the full position-keeping parse of the
 * `yaml` package (slow, ~0.5 ms per document) runs rarely.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { yamlLib } from '../vendor.js';

// `yaml` is loaded on first use: only documents with findings need it.
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

export class DocumentLocator {
  private doc: Document | undefined;
  private readonly lines: LineCounter = new (yamlLib().LineCounter)();

  constructor(private readonly text: string) {}

  private parsed(): Document {
    if (!this.doc) {
      this.doc = yamlLib().parseDocument(this.text, {
        version: '1.1',
        uniqueKeys: false,
        merge: true,
        lineCounter: this.lines,
        keepSourceTokens: false,
        strict: false,
      });
    }
    return this.doc;
  }

  /** Range of the node at `path`, or of its deepest existing ancestor. */
  locate(path: ResourcePath, target: LocateTarget = 'value'): TextRange {
    const doc = this.parsed();
    const { isMap, isPair, isSeq } = yamlLib();
    let node: Node | null | undefined = doc.contents as Node | null;
    let keyNode: Node | undefined;
    let bestKey: Node | undefined;
    let best: Node | undefined = node ?? undefined;
    let found = true;
    for (const seg of path) {
      node = deref(doc, node);
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyMatches(p.key, seg));
        if (!pair) { found = false; break; }
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? undefined;
        best = node ?? keyNode;
        bestKey = keyNode;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        node = node.items[seg] as Node;
        best = node;
        bestKey = undefined;
      } else {
        found = false;
        break;
      }
    }
    const chosen = found && target === 'key' && keyNode ? keyNode : best;
    if (!chosen || !chosen.range) return this.rangeOf(0, Math.min(this.firstContentEnd(), this.text.length));
    const [start, valueEnd] = chosen.range;
    const r = this.rangeOf(start, valueEnd);
    r.found = found;
    if (!found && bestKey?.range) r.ancestorKey = { start: bestKey.range[0], end: bestKey.range[1] };
    return r;
  }

  /** Range of the document's first content line (for findings about the whole document). */
  start(): TextRange {
    const doc = this.parsed();
    const c = doc.contents as Node | null;
    if (c && c.range) {
      const s = c.range[0];
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
    this.parsed();
    // Trim trailing whitespace/newlines that the parser includes in block values.
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(end);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col, start, end };
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

function deref(doc: Document, node: Node | null | undefined): Node | null | undefined {
  let guard = 0;
  const { isAlias } = yamlLib();
  while (node && isAlias(node) && guard++ < 100) node = targetsOf(doc).get(node);
  return node;
}

function keyMatches(key: unknown, seg: string | number): boolean {
  if (yamlLib().isScalar(key)) return String(key.value) === String(seg) || String(key.source ?? '') === String(seg);
  return false;
}
