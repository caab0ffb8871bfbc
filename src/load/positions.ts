/**
 * The positions of one YAML document's nodes, from one js-yaml parse with its
 * `listener` (node open/close offsets): ~10x cheaper than the `yaml` package's
 * position-keeping parse, and nothing of it outlives the findings it places.
 *
 * The ranges are the ones the `yaml` package gives (src/load/locate.ts keeps it
 * as the fallback): a node starts at its content (after any `&anchor` or `!tag`),
 * a scalar ends at its last character, a block collection where `yaml` ends its
 * last value's node, which takes in the comments `yaml` counts into it (blockEnd),
 * an empty value sits just after its `:` and the blanks that follow.
 * Where the two parsers' pictures could differ (explicit `?` keys; empty sequence
 * entries, which js-yaml reports no node for; pairs inside flow sequences; tabs in
 * the indentation of comment lines; anything else the tree does not account for),
 * `buildPositionTree` returns undefined and the caller uses `yaml` for that
 * document alone.
 */
import yaml from 'js-yaml';
import { YAML11_SCHEMA } from './yaml11-schema.js';

export type PositionNode = ScalarNode | MapNode | SeqNode | AliasNode;

interface Base {
  /** Offset of the content's first character; `end` is just after its last (trailing blanks excluded). */
  start: number;
  end: number;
  /** Its `&name` property. */
  anchor?: string;
}
export interface ScalarNode extends Base { kind: 'scalar' }
export interface AliasNode extends Base { kind: 'alias'; name: string; target?: PositionNode }
export interface SeqNode extends Base { kind: 'seq'; items: PositionNode[] }
export interface MapNode extends Base {
  kind: 'map';
  keys: PositionNode[];
  /** Undefined: a flow-mapping key without `:` (no value node). */
  values: Array<PositionNode | undefined>;
  /** What each key matches: its value as text and, for a plain scalar, its source. */
  keyNames: Array<[string, string | undefined]>;
  /** First pair per key name, built on the first lookup of a big mapping (linear placement). */
  byName?: Map<string, number>;
}

interface Frame {
  open: number;
  close: number;
  kind: string | null;
  result: unknown;
  children: Frame[];
}

/** The children of a frame that has none (shared, never added to). */
const NO_CHILDREN: Frame[] = [];

/** Thrown inside the builder when the js-yaml events do not give the `yaml` package's picture. */
class Unsupported extends Error {}

export interface PositionTree {
  root: PositionNode;
}

/**
 * The node tree of `text` (one document), or undefined when `yaml` must place it
 * (see the module comment) or js-yaml cannot read it.
 */
export function buildPositionTree(text: string): PositionTree | undefined {
  // js-yaml drops a leading BOM, which would shift every offset.
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const roots: Frame[] = [];
  const stack: Frame[] = [];
  const listener = (event: 'open' | 'close', state: { position: number; kind: string | null; result: unknown }) => {
    if (event === 'open') {
      // Most nodes are scalars: they share the empty list until a child comes.
      stack.push({ open: state.position, close: -1, kind: null, result: undefined, children: NO_CHILDREN });
      return;
    }
    const f = stack.pop()!;
    // js-yaml appends a line break to a text that lacks one: no offset lies past the text.
    f.close = Math.min(state.position, text.length);
    f.kind = state.kind;
    f.result = state.result;
    if (stack.length === 0) roots.push(f);
    else {
      const parent = stack[stack.length - 1];
      if (parent.children === NO_CHILDREN) parent.children = [f];
      else parent.children.push(f);
    }
  };
  try {
    yaml.load(text, { schema: YAML11_SCHEMA, json: true, listener } as yaml.LoadOptions);
  } catch {
    return undefined;
  }
  if (roots.length !== 1) return undefined;
  const b = new Builder(text);
  try {
    const root = b.node(roots[0]);
    // An empty document: `yaml` places its empty node after the `---` line's blanks; it has no findings anyway.
    if (!root) return undefined;
    b.resolveAliases(root);
    return { root };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;

class Builder {
  constructor(private readonly text: string) {}

  /** The node a frame composed; undefined for a frame that read nothing (an empty value). */
  node(f: Frame): PositionNode | undefined {
    // A block-mapping attempt that read one flow collection as a would-be key and kept it (js-yaml's
    // readBlockMapping): the frame's node is its child's.
    const only = f.children.length === 1 ? f.children[0] : undefined;
    if (only && typeof f.result === 'object' && f.result !== null && only.result === f.result && only.kind === f.kind) {
      if (this.contentStart(f.open).anchor !== undefined) throw new Unsupported();
      return this.node(only);
    }
    const { pos, anchor, propsOnLine } = this.contentStart(f.open);
    const end = this.trimEnd(pos, f.close);
    const c = this.text.charCodeAt(pos);
    let node: PositionNode | undefined;
    if (f.kind === 'mapping') {
      // A block collection's own properties sit on the line above it; on its first entry's line they are the entry's.
      if (c !== 0x7b /* { */ && propsOnLine) throw new Unsupported();
      const map = this.mapping(f, pos, end, c === 0x7b);
      // A block mapping ends where `yaml` ends its last value, comments it counts in included.
      if (c !== 0x7b) map.end = this.blockEnd(pos, map.values[map.values.length - 1] ?? this.unsupported());
      node = map;
    } else if (f.kind === 'sequence') {
      if (c !== 0x5b /* [ */ && propsOnLine) throw new Unsupported();
      const items = f.children.map((ch) => this.node(ch) ?? this.unsupported());
      if (!Array.isArray(f.result) || items.length !== f.result.length) throw new Unsupported();
      if (c === 0x5b) for (const ch of f.children) if (this.colonAfter(ch.close, true)) throw new Unsupported();
      node = { kind: 'seq', start: pos, end: c === 0x5b ? end : this.blockEnd(pos, items[items.length - 1]), items };
    } else if (c === 0x2a /* * */ && f.kind === null && end > pos) {
      // js-yaml's frame of an alias runs on over the blanks and comments after it.
      let e = pos + 1;
      while (e < end && !isBlank(this.text.charCodeAt(e)) && !isFlowIndicator(this.text.charCodeAt(e))) e++;
      node = { kind: 'alias', start: pos, end: e, name: this.text.slice(pos + 1, e) };
    } else if (end <= pos && f.kind === null) {
      if (anchor !== undefined) throw new Unsupported();
      return undefined;
    } else {
      // A comment ends a plain scalar; should js-yaml read on past one, the two pictures differ.
      if (c !== 0x22 && c !== 0x27 && c !== 0x7c && c !== 0x3e && this.commentIn(pos, end)) throw new Unsupported();
      node = { kind: 'scalar', start: pos, end };
    }
    if (anchor !== undefined) node.anchor = anchor;
    return node;
  }

  private mapping(f: Frame, start: number, end: number, flow: boolean): MapNode {
    const keys: PositionNode[] = [];
    const values: Array<PositionNode | undefined> = [];
    const keyNames: Array<[string, string | undefined]> = [];
    const ch = f.children;
    for (let i = 0; i < ch.length; ) {
      const k = ch[i];
      const keyNode = this.node(k);
      if (keyNode && this.explicitKey(keyNode.start)) throw new Unsupported();
      if (this.colonAfter(k.close, flow)) {
        if (!keyNode || i + 1 >= ch.length) throw new Unsupported();
        keys.push(keyNode);
        keyNames.push(this.keyName(k, keyNode));
        values.push(this.node(ch[i + 1]) ?? this.emptyAfterColon(k.close));
        i += 2;
      } else if (flow && keyNode) {
        keys.push(keyNode);
        keyNames.push(this.keyName(k, keyNode));
        values.push(undefined);
        i += 1;
      } else if (!flow && !keyNode && i === ch.length - 1) {
        i += 1; // js-yaml's attempt at one more key, after the last entry
      } else {
        throw new Unsupported();
      }
    }
    return { kind: 'map', start, end, keys, values, keyNames };
  }

  private keyName(f: Frame, node: PositionNode): [string, string | undefined] {
    const value = String(f.result);
    if (node.kind !== 'scalar') return ['', undefined]; // only scalar keys match a path segment
    const c = this.text.charCodeAt(node.start);
    const plain = c !== 0x22 /* " */ && c !== 0x27 /* ' */ && c !== 0x7c /* | */ && c !== 0x3e; /* > */
    return [value, plain ? this.text.slice(node.start, node.end) : undefined];
  }

  /** An empty value: just after the `:` of its key and the blanks that follow on that line. */
  private emptyAfterColon(keyEnd: number): ScalarNode {
    let p = keyEnd;
    while (this.text.charCodeAt(p) !== 0x3a /* : */) p++;
    p++;
    while (this.text.charCodeAt(p) === SPACE || this.text.charCodeAt(p) === TAB) p++;
    return { kind: 'scalar', start: p, end: p };
  }

  /** Whether a `?` indicator (an explicit key, whose range `yaml` does not trim) comes just before `start`. */
  private explicitKey(start: number): boolean {
    let p = start;
    while (p > 0 && isBlank(this.text.charCodeAt(p - 1))) p--;
    return p > 0 && this.text.charCodeAt(p - 1) === 0x3f && (p === 1 || isBlank(this.text.charCodeAt(p - 2)) || this.text.charCodeAt(p - 2) === 0x7b || this.text.charCodeAt(p - 2) === 0x2c);
  }

  /** Whether a `:` follows `pos` (across blanks only; in flow also across line breaks). */
  private colonAfter(pos: number, flow: boolean): boolean {
    const t = this.text;
    for (let p = pos; p < t.length; p++) {
      const c = t.charCodeAt(p);
      if (c === SPACE || c === TAB || (flow && (c === LF || c === CR))) continue;
      return c === 0x3a;
    }
    return false;
  }

  /** Skips blanks, line breaks, comments and node properties (`&anchor`, `!tag`) from a frame's opening offset. */
  private contentStart(from: number): { pos: number; anchor?: string; propsOnLine: boolean } {
    const t = this.text;
    let p = from;
    let anchor: string | undefined;
    let propsOnLine = false;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === SPACE || c === TAB || c === CR) p++;
      else if (c === LF) {
        propsOnLine = false;
        p++;
      } else if (c === HASH) {
        while (p < t.length && t.charCodeAt(p) !== LF) p++;
      } else if (c === 0x26 /* & */ || c === 0x21 /* ! */) {
        const q = p;
        while (p < t.length && !isBlank(t.charCodeAt(p))) p++;
        if (c === 0x26) anchor = t.slice(q + 1, p);
        propsOnLine = true;
      } else return { pos: p, anchor, propsOnLine };
    }
  }

  /** `close` moved back over whitespace, as `yaml`'s ranges are trimmed (src/load/locate.ts). */
  private trimEnd(start: number, close: number): number {
    let e = close;
    while (e > start && isJsSpace(this.text.charCodeAt(e - 1))) e--;
    return e;
  }

  /**
   * Where a block collection that starts at `start` ends, given its last value, as `yaml` ranges
   * it: at the end of that value's node, which takes in comments. `yaml` hands each comment line
   * after a collection's last value to one node (its parser, src/parse/parser.ts in `yaml`):
   * - a scalar, alias or flow collection keeps the comment on its own line and the comment
   *   lines just below it that are indented more than its collection (blank lines between them);
   * - an empty value keeps every comment up to the next content;
   * - the comment lines left over go to the innermost collection that ends there, and, as each
   *   ends, up to its parent unless the collection is indented (not at column 0) and one of
   *   those comments is indented at least as much; a collection that keeps them ends at them,
   *   and so does every collection whose last value it is.
   * Sets `tail` (the end of this collection's node) and `pending` (comments not yet placed) for
   * its parent, which reads them when this collection is its last value.
   */
  private blockEnd(start: number, last: PositionNode): number {
    const t = this.text;
    const c = t.charCodeAt(last.start);
    let end: number;
    if ((last.kind === 'map' || last.kind === 'seq') && c !== 0x7b && c !== 0x5b) {
      end = this.tail; // that collection set tail and pending as it ended
    } else {
      // A leaf: the comments after it, up to the next content (or the text's end).
      end = last.end;
      this.pendingEnd = -1;
      this.pendingIndent = 0;
      const empty = last.kind === 'scalar' && last.start === last.end;
      const blockScalar = c === 0x7c || c === 0x3e;
      let keeps = !blockScalar; // whether the leaf still takes the comment lines below it
      let p = last.end;
      while (p < t.length && (t.charCodeAt(p) === SPACE || t.charCodeAt(p) === TAB)) p++;
      if (t.charCodeAt(p) === HASH && !blockScalar) {
        p = this.lineEnd(p);
        end = this.trimEnd(last.end, p);
      } else if (p < t.length && t.charCodeAt(p) !== LF && t.charCodeAt(p) !== CR) {
        throw new Unsupported(); // more on its line: not a shape this reads
      }
      let indent = -1; // this collection's, worked out at the first comment line
      while (p < t.length) {
        const line = t.charCodeAt(p) === CR && t.charCodeAt(p + 1) === LF ? p + 2 : p + 1;
        let q = line;
        while (t.charCodeAt(q) === SPACE) q++;
        const spaces = q - line;
        let tab = false;
        while (t.charCodeAt(q) === SPACE || t.charCodeAt(q) === TAB) {
          tab = true;
          q++;
        }
        const ch = t.charCodeAt(q);
        if (q >= t.length || ch === LF || ch === CR) {
          p = q;
          continue;
        }
        if (ch !== HASH) {
          // The next content; a document marker would close everything at once.
          if ((end !== last.end || this.pendingEnd >= 0) && q === line && (t.startsWith('---', q) || t.startsWith('...', q))) throw new Unsupported();
          break;
        }
        // `yaml` counts indentation in spaces only; a tab there is left to it.
        if (tab) throw new Unsupported();
        p = this.lineEnd(q);
        const commentEnd = this.trimEnd(q, p);
        if (empty) end = commentEnd;
        else {
          if (keeps && indent < 0) indent = this.indentAt(start);
          if (keeps && spaces > indent) end = commentEnd;
          else {
            keeps = false;
            this.pendingEnd = commentEnd;
            if (spaces > this.pendingIndent) this.pendingIndent = spaces;
          }
        }
      }
    }
    this.tail = end;
    if (this.pendingEnd >= 0) {
      const indent = this.indentAt(start);
      if (indent > 0 && this.pendingIndent >= indent) {
        this.tail = this.pendingEnd;
        this.pendingEnd = -1;
      }
    }
    return end;
  }

  /** The end of the node of the collection blockEnd last ended, comments included. */
  private tail = 0;
  /** Comment lines after the collection blockEnd last ended that no node has kept yet: where they end, and their largest indentation. */
  private pendingEnd = -1;
  private pendingIndent = 0;

  /** The offset of the line break (or the text's end) at or after `p`. */
  private lineEnd(p: number): number {
    const nl = this.text.indexOf('\n', p);
    return nl === -1 ? this.text.length : nl;
  }

  /**
   * A block collection's indentation as `yaml`'s parser counts it: the spaces and the `-`, `?`
   * and `:` indicators before its first entry on that entry's line.
   */
  private indentAt(pos: number): number {
    const t = this.text;
    let p = t.lastIndexOf('\n', pos - 1) + 1;
    let n = 0;
    for (; p < pos; p++) {
      const c = t.charCodeAt(p);
      if (c === SPACE || ((c === 0x2d || c === 0x3f || c === 0x3a) && isBlank(t.charCodeAt(p + 1)))) n++;
      else if (c === TAB) throw new Unsupported();
      else break;
    }
    return n;
  }

  /** Whether a comment (`#` after a blank) lies in [start, end). */
  private commentIn(start: number, end: number): boolean {
    const t = this.text;
    for (let p = start + 1; p < end; p++) if (t.charCodeAt(p) === HASH && isBlank(t.charCodeAt(p - 1))) return true;
    return false;
  }

  /** Points each alias at the node its anchor last named before it, in document order. */
  resolveAliases(root: PositionNode): void {
    const anchors = new Map<string, PositionNode>();
    const visit = (n: PositionNode | undefined): void => {
      if (!n) return;
      if (n.anchor !== undefined) anchors.set(n.anchor, n);
      if (n.kind === 'alias') n.target = anchors.get(n.name);
      else if (n.kind === 'seq') n.items.forEach(visit);
      else if (n.kind === 'map') {
        for (let i = 0; i < n.keys.length; i++) {
          visit(n.keys[i]);
          visit(n.values[i]);
        }
      }
    };
    visit(root);
  }

  private unsupported(): never {
    throw new Unsupported();
  }
}

/**
 * What `/\s/` matches (ECMAScript WhiteSpace and LineTerminator), by code unit: the
 * trimming the `yaml` package's ranges get, without a one-character string and a regex
 * test per character.
 */
export function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `,`, `[`, `]`, `{`, `}`: they end an alias's name. */
function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
}
