/**
 * A YAML emitter that writes exactly what go-yaml's port of libyaml's
 * emitter writes (yaml.v2 2.4, and yaml.v3 3.0 with `v3: true`), for the
 * subset of events Helm's serializers produce: block mappings and sequences,
 * flow style only for empty containers, scalars in plain, single-quoted,
 * double-quoted and literal styles; no anchors, tags or comments.
 *
 * The emitter mirrors libyaml's state (column, indent stack, "whitespace"
 * and "indention" flags) rather than formatting by rule, because the quirks
 * Helm users see (folding at column 80, `- - 1`, indentless sequences under
 * keys, `|2-` hints, `? ` keys over 128 bytes) fall out of that state.
 */
import { byteLength } from '../go/utf8.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

export type YamlNode =
  | { kind: 'scalar'; value: string; style: ScalarStyle }
  | { kind: 'seq'; items: YamlNode[] }
  | { kind: 'map'; pairs: Array<[YamlNode, YamlNode]> };

export interface EmitOptions {
  /** yaml.v3's emitter (toYamlPretty) instead of yaml.v2's. */
  v3?: boolean;
  /** Spaces per level (yaml.v3's SetIndent); 2 for yaml.v2. */
  indent?: number;
  /**
   * Called after each node is written with its range in the output (UTF-16
   * offsets; a scalar's range starts at its first character or quote, a
   * collection's at its first item or bracket).
   */
  onNode?: (node: YamlNode, start: number, end: number) => void;
}

// ---- character classes of libyaml, on code points ----

function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}
function isBreak(cp: number | undefined): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}
function isSpace(cp: number | undefined): boolean {
  return cp === 0x20;
}
function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}
function isBlankz(cp: number | undefined): boolean {
  return cp === undefined || cp === 0 || isBlank(cp) || isBreak(cp);
}

/** ASCII characters that matter to the indicator checks, and those that may not start a plain scalar. */
const INDICATOR: boolean[] = [];
const LEADING_INDICATOR: boolean[] = [];
for (const ch of '#,[]{}&*!|>\'"%@`?:-') INDICATOR[ch.charCodeAt(0)] = true;
for (const ch of '#,[]{}&*!|>\'"%@`') LEADING_INDICATOR[ch.charCodeAt(0)] = true;

/** The code points of a string (what libyaml iterates over). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** Plain scalars that need no analysis: no indicators, blanks or breaks, not starting with '-' or '.'. */
const SIMPLE_PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9_./+=-]*$/;

interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function analyzeScalar(cps: number[], v3: boolean): ScalarAnalysis {
  if (cps.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (cps.length >= 3 && ((cps[0] === 0x2d && cps[1] === 0x2d && cps[2] === 0x2d) || (cps[0] === 0x2e && cps[1] === 0x2e && cps[2] === 0x2e))) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  const n = cps.length;
  for (let i = 0; i < n; i++) {
    const c = cps[i];
    const followedByWhitespace = i + 1 >= n || isBlank(cps[i + 1]);
    if (c < 0x80 && INDICATOR[c]) {
      if (i === 0) {
        if (LEADING_INDICATOR[c]) {
          flowIndicators = true;
          blockIndicators = true;
        } else if (c === 0x3f || c === 0x3a) {
          // '?' or ':'
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
        } else if (c === 0x2d) {
          if (followedByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
        }
      } else if (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
        flowIndicators = true;
      } else if (c === 0x3a) {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (c === 0x23) {
        if (precededByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      }
    }
    // The emitter runs in unicode mode, so only non-printable characters are
    // special; yaml.v3 lets tabs into literal blocks.
    if (v3 && c === 0x09) tabCharacters = true;
    else if (!isPrintable(c)) specialCharacters = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || tabCharacters || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) a.blockAllowed = false;
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

class Emitter {
  private out = '';
  private column = 0;
  private indent = -1;
  private indents: number[] = [];
  private whitespace = true;
  private indention = true;
  private flowLevel = 0;
  // Context of the node being emitted (libyaml's *_context flags; the root
  // and sequence flags only matter for anchors and open-ended documents).
  private mappingContext = false;
  private simpleKeyContext = false;
  /** The node being emitted is an item of a block sequence (yaml.v3 indents those by 2). */
  private seqItemContext = false;
  private readonly bestIndent: number;
  private readonly bestWidth: number;
  private readonly v3: boolean;

  constructor(opts: EmitOptions) {
    this.v3 = opts.v3 ?? false;
    this.onNode = opts.onNode;
    // yaml.v2 folds at 80 columns; yaml.v3 3.0.1 starts with no line width.
    this.bestWidth = this.v3 ? 2 ** 31 - 1 : 80;
    const ind = opts.indent ?? 2;
    this.bestIndent = ind < 2 || ind > 9 ? 2 : ind;
  }

  // ---- low-level writers ----
  /** Output length so far, in UTF-16 units (for node ranges). */
  private length = 0;
  /** Where the node being written starts; set at its first non-space character. */
  private nodeStart = -1;
  private readonly onNode: EmitOptions['onNode'];

  private put(s: string): void {
    if (this.nodeStart < 0 && s !== ' ') this.nodeStart = this.length;
    this.out += s;
    this.length += s.length;
    this.column++;
  }
  private putBreak(): void {
    this.out += '\n';
    this.length++;
    this.column = 0;
  }
  /** Writes one code point (a line-break character resets the column, as write_break does). */
  private writeCp(cp: number): void {
    const ch = String.fromCodePoint(cp);
    if (this.nodeStart < 0) this.nodeStart = this.length;
    this.out += ch;
    this.length += ch.length;
    this.column++;
  }
  private writeBreakCp(cp: number): void {
    if (cp === 0x0a) this.putBreak();
    else {
      this.writeCp(cp);
      this.column = 0;
    }
  }
  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }
  private writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of ind) this.writeCp(ch.codePointAt(0) as number);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.bestIndent : 0;
    else if (!indentless) {
      if (!this.v3) this.indent += this.bestIndent;
      else if (this.seqItemContext) this.indent += 2;
      else this.indent = this.bestIndent * Math.floor((this.indent + this.bestIndent) / this.bestIndent);
    }
  }
  private popIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  // ---- document ----
  emitDocument(node: YamlNode): string {
    this.emitNode(node, false, false, false);
    // Document end (implicit): a final line break.
    this.writeIndent();
    return this.out;
  }

  private emitNode(node: YamlNode, mapping: boolean, simpleKey: boolean, seqItem: boolean): void {
    if (!this.onNode) return this.emitNodeContent(node, mapping, simpleKey, seqItem);
    // Node ranges: the start is the first character written after this point
    // (indentation and separating spaces excluded), the end the output length after it.
    const outer = this.nodeStart;
    this.nodeStart = -1;
    this.emitNodeContent(node, mapping, simpleKey, seqItem);
    const start = this.nodeStart < 0 ? this.length : this.nodeStart;
    this.onNode(node, start, this.length);
    this.nodeStart = outer < 0 ? start : outer;
  }

  private emitNodeContent(node: YamlNode, mapping: boolean, simpleKey: boolean, seqItem: boolean): void {
    this.mappingContext = mapping;
    this.seqItemContext = seqItem;
    this.simpleKeyContext = simpleKey;
    if (node.kind === 'scalar') this.emitScalar(node.value, node.style);
    else if (node.kind === 'seq') {
      if (this.flowLevel > 0 || node.items.length === 0) this.emitFlowSequence(node.items);
      else this.emitBlockSequence(node.items);
    } else if (this.flowLevel > 0 || node.pairs.length === 0) this.emitFlowMapping(node.pairs);
    else this.emitBlockMapping(node.pairs);
  }

  private emitFlowSequence(items: YamlNode[]): void {
    this.writeIndicator('[', true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    items.forEach((item, i) => {
      if (i > 0) this.writeIndicator(',', false, false, false);
      if (this.column > this.bestWidth) this.writeIndent();
      this.emitNode(item, false, false, false);
    });
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(']', false, false, false);
  }

  private emitFlowMapping(pairs: Array<[YamlNode, YamlNode]>): void {
    this.writeIndicator('{', true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    pairs.forEach(([k, v], i) => {
      if (i > 0) this.writeIndicator(',', false, false, false);
      if (this.column > this.bestWidth) this.writeIndent();
      if (this.checkSimpleKey(k)) {
        this.emitNode(k, true, true, false);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, false);
        this.emitNode(k, true, false, false);
        if (this.column > this.bestWidth) this.writeIndent();
        this.writeIndicator(':', true, false, false);
      }
      this.emitNode(v, true, false, false);
    });
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator('}', false, false, false);
  }

  private emitBlockSequence(items: YamlNode[]): void {
    // yaml.v2 writes sequences under a mapping key without extra indentation; yaml.v3 indents them.
    const indentless = !this.v3 && this.mappingContext && !this.indention;
    this.increaseIndent(false, indentless);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, false, false, true);
    }
    this.popIndent();
  }

  private emitBlockMapping(pairs: Array<[YamlNode, YamlNode]>): void {
    this.increaseIndent(false, false);
    for (const [k, v] of pairs) {
      this.writeIndent();
      if (this.checkSimpleKey(k)) {
        this.emitNode(k, true, true, false);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(k, true, false, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(v, true, false, false);
    }
    this.popIndent();
  }

  /** A key can be written as `key:` when it is one line of at most 128 bytes, or an empty container. */
  private checkSimpleKey(k: YamlNode): boolean {
    if (k.kind === 'scalar') {
      // "multiline" in libyaml's analysis means: contains a line break.
      if (/[\r\n\u0085\u2028\u2029]/.test(k.value)) return false;
      return k.value.length <= 42 || byteLength(k.value) <= 128;
    }
    if (k.kind === 'seq') return k.items.length === 0;
    return k.pairs.length === 0;
  }

  // ---- scalars ----
  private emitScalar(value: string, requested: ScalarStyle): void {
    if (requested === 'plain' && SIMPLE_PLAIN.test(value)) {
      // Fast path for the common case (names, numbers, image tags): no
      // indicator, space or break, so libyaml writes it plain as it is.
      if (!this.whitespace) this.put(' ');
      if (this.nodeStart < 0) this.nodeStart = this.length;
      this.out += value;
      this.length += value.length;
      this.column += value.length;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const cps = codePoints(value);
    const a = analyzeScalar(cps, this.v3);
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) style = 'single';
      if (cps.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) style = 'double';

    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    switch (style) {
      case 'plain':
        this.writePlain(cps, allowBreaks);
        break;
      case 'single':
        this.writeSingleQuoted(cps, allowBreaks);
        break;
      case 'double':
        this.writeDoubleQuoted(cps, allowBreaks);
        break;
      case 'literal':
        this.writeLiteral(cps);
        break;
    }
    this.popIndent();
  }

  private writePlain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && !isSpace(cps[i + 1])) {
          this.writeIndent();
        } else this.writeCp(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreakCp(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeCp(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const n = cps.length;
    for (let i = 0; i < n; i++) {
      const c = cps[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < n - 1 && !isSpace(cps[i + 1])) {
          this.writeIndent();
        } else this.writeCp(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreakCp(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.writeCp(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(cps: number[], allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    // libyaml's is_bom looks at the start of the value, not at the current
    // character, so a value starting with U+FEFF has every character escaped.
    const bom = cps[0] === 0xfeff;
    const n = cps.length;
    for (let i = 0; i < n; i++) {
      const c = cps[i];
      if (!isPrintable(c) || bom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        const short = SHORT_ESCAPES[c];
        if (short !== undefined) this.put(short);
        else {
          const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(letter);
          for (const h of c.toString(16).toUpperCase().padStart(width, '0')) this.put(h);
        }
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < n - 1) {
          this.writeIndent();
          if (isSpace(cps[i + 1])) this.put('\\');
        } else this.writeCp(c);
        spaces = true;
      } else {
        this.writeCp(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeBlockScalarHints(cps: number[]): void {
    if (isSpace(cps[0]) || isBreak(cps[0])) {
      this.writeIndicator(String(this.bestIndent), false, false, false);
    }
    let chomp = '';
    if (cps.length === 0) chomp = '-';
    else {
      const last = cps.length - 1;
      if (!isBreak(cps[last])) chomp = '-';
      else if (last === 0) chomp = '+';
      else if (isBreak(cps[last - 1])) chomp = '+';
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteral(cps: number[]): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(cps);
    // yaml.v3 writes no line break after the header itself: the first content
    // line's indent supplies it, and a value that starts with a line break
    // loses that break (a yaml.v3 quirk Helm inherits).
    if (!this.v3) {
      this.putBreak();
      this.indention = true;
    }
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.writeBreakCp(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeCp(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** Serializes one document the way go-yaml's Marshal does (the text ends with "\n"). */
export function emitGoYaml(node: YamlNode, opts: EmitOptions = {}): string {
  return new Emitter(opts).emitDocument(node);
}
