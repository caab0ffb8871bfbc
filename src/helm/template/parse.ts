/**
 * The parser of Go's text/template (text/template/parse/parse.go), as of the
 * Go release Helm v3.21 is built with (`else with`, `break`/`continue`).
 */
import { Item, ItemType, itemString, Lexer, lex } from './lex.js';
import {
  ActionNode,
  BoolNode,
  BreakNode,
  ChainNode,
  CommandNode,
  CommentNode,
  ContinueNode,
  DotNode,
  ElseNode,
  EndNode,
  FieldNode,
  IdentifierNode,
  IfNode,
  isEmptyTree,
  ListNode,
  NilNode,
  Node,
  NodeType,
  NumberNode,
  PipeNode,
  RangeNode,
  StringNode,
  TemplateNode,
  TextNode,
  VariableNode,
  WithNode,
} from './nodes.js';
import { goQuote } from '../go/quote.js';
import { decodeUtf8AsText } from '../go/utf8.js';
import { goParseFloat, goParseInt } from '../go/strconv.js';

/** A parse error; the message is Go's, e.g. `template: x.yaml:3: unexpected "}" in operand`. */
export class TemplateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateParseError';
  }
}

/** Thrown internally to unwind the parser, as Go's panic in Tree.errorf. */
class ParseAbort {
  constructor(public readonly error: TemplateParseError) {}
}

export type HasFunction = (name: string) => boolean;

const maxStackDepth = 10000;
const maxPipelineCmds = 100000;

export class Tree {
  name: string;
  parseName = '';
  root: ListNode | null = null;
  text = '';
  // Parsing only.
  private funcs: HasFunction = () => false;
  private lex!: Lexer;
  private token: Item[] = [emptyItem(), emptyItem(), emptyItem()];
  private peekCount = 0;
  private vars: string[] = [];
  private treeSet: Map<string, Tree> = new Map();
  private actionLine = 0;
  /** Offset just past the closing token of the last pipeline parsed (an action's `}}`). */
  private pipelineEnd = 0;
  private rangeDepth = 0;
  private stackDepth = 0;

  constructor(name: string) {
    this.name = name;
  }

  // --- token stream ---------------------------------------------------------

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount];
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    for (;;) {
      token = this.next();
      if (token.typ !== ItemType.Space) break;
    }
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // --- errors ---------------------------------------------------------------

  errorf(msg: string): never {
    this.root = null;
    throw new ParseAbort(new TemplateParseError(`template: ${this.parseName}:${this.token[0].line}: ${msg}`));
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: ItemType, e2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // --- entry points ---------------------------------------------------------

  private startParse(funcs: HasFunction, lexer: Lexer, treeSet: Map<string, Tree>): void {
    this.root = null;
    this.lex = lexer;
    this.vars = ['$'];
    this.funcs = funcs;
    this.treeSet = treeSet;
    this.stackDepth = 0;
    lexer.options = {
      emitComment: false,
      breakOK: !funcs('break'),
      continueOK: !funcs('continue'),
    };
  }

  /** Tree.Parse: parses text, adding this tree and its definitions to treeSet. */
  parse(text: string, treeSet: Map<string, Tree>, funcs: HasFunction): Tree {
    try {
      this.parseName = this.name;
      const lexer = lex(this.name, text);
      this.startParse(funcs, lexer, treeSet);
      this.text = text;
      this.parseTop();
      this.add();
      return this;
    } catch (e) {
      if (e instanceof ParseAbort) throw e.error;
      throw e;
    }
  }

  private add(): void {
    const tree = this.treeSet.get(this.name);
    if (tree === undefined || isEmptyTree(tree.root)) {
      this.treeSet.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root)) {
      this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
    }
  }

  private parseTop(): void {
    this.root = new ListNode(this, this.peek().pos);
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === ItemType.Define) {
          const newT = new Tree('definition');
          newT.text = this.text;
          newT.parseName = this.parseName;
          newT.startParse(this.funcs, this.lex, this.treeSet);
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) this.errorf(`unexpected ${n.toString()}`);
      this.root.append(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquote(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end.toString()} in ${context}`);
    this.add();
  }

  private itemList(): [ListNode, Node] {
    const list = new ListNode(this, this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) return [list, n];
      list.append(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text:
        return new TextNode(this, token.pos, token.val);
      case ItemType.LeftDelim: {
        this.actionLine = token.line;
        try {
          const n = this.action();
          if (n instanceof ActionNode || n instanceof TemplateNode) n.delimPos = token.pos;
          return n;
        } finally {
          this.actionLine = 0;
        }
      }
      case ItemType.Comment:
        return new CommentNode(this, token.pos, token.val);
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block: return this.blockControl();
      case ItemType.Break: return this.breakControl(token.pos, token.line);
      case ItemType.Continue: return this.continueControl(token.pos, token.line);
      case ItemType.Else: return this.elseControl();
      case ItemType.End: return this.endControl();
      case ItemType.If: return this.ifControl();
      case ItemType.Range: return this.rangeControl();
      case ItemType.Template: return this.templateControl();
      case ItemType.With: return this.withControl();
    }
    this.backup();
    const tok = this.peek();
    const action = new ActionNode(this, tok.pos, tok.line, this.pipeline('command', ItemType.RightDelim));
    action.endPos = this.pipelineEnd;
    return action;
  }

  private breakControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{break}}');
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}');
    return new BreakNode(this, pos, line);
  }

  private continueControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{continue}}');
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}');
    return new ContinueNode(this, pos, line);
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe = new PipeNode(this, token.pos, token.line);
    // Declarations or assignments.
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== ItemType.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
        pipe.isAssign = next.typ === ItemType.Assign;
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this, v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === ItemType.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this, v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          switch (this.peekNonSpace().typ) {
            case ItemType.Variable:
            case ItemType.RightDelim:
            case ItemType.RightParen:
              continue decls;
            default:
              this.errorf('range can only initialize variables');
          }
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === ItemType.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const tok = this.nextNonSpace();
      switch (tok.typ) {
        case end:
          this.checkPipeline(pipe, context);
          this.pipelineEnd = tok.pos + tok.val.length;
          return pipe;
        case ItemType.Bool:
        case ItemType.CharConstant:
        case ItemType.Complex:
        case ItemType.Dot:
        case ItemType.Field:
        case ItemType.Identifier:
        case ItemType.Number:
        case ItemType.Nil:
        case ItemType.RawString:
        case ItemType.String:
        case ItemType.Variable:
        case ItemType.LeftParen:
          this.backup();
          pipe.append(this.command());
          if (pipe.cmds.length > maxPipelineCmds) this.errorf('pipeline too long');
          break;
        default:
          this.unexpected(tok, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i].args[0].type) {
        case NodeType.Bool:
        case NodeType.Dot:
        case NodeType.Nil:
        case NodeType.Number:
        case NodeType.String:
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private parseControl(context: string): [number, number, PipeNode, ListNode, ListNode | null] {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim);
      if (context === 'range') this.rangeDepth++;
      const [list, next0] = this.itemList();
      let next = next0;
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === NodeType.Else) {
        if (context === 'if' && this.peek().typ === ItemType.If) {
          this.next();
          elseList = new ListNode(this, next.pos);
          elseList.append(this.ifControl());
        } else if (context === 'with' && this.peek().typ === ItemType.With) {
          this.next();
          elseList = new ListNode(this, next.pos);
          elseList.append(this.withControl());
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== NodeType.End) this.errorf(`expected end; found ${next.toString()}`);
        }
      }
      return [pipe.pos, pipe.line, pipe, list, elseList];
    } finally {
      this.vars.length = mark;
    }
  }

  private ifControl(): Node {
    const [pos, line, pipe, list, elseList] = this.parseControl('if');
    return new IfNode(this, pos, line, pipe, list, elseList);
  }

  private rangeControl(): Node {
    const [pos, line, pipe, list, elseList] = this.parseControl('range');
    return new RangeNode(this, pos, line, pipe, list, elseList);
  }

  private withControl(): Node {
    const [pos, line, pipe, list, elseList] = this.parseControl('with');
    return new WithNode(this, pos, line, pipe, list, elseList);
  }

  private endControl(): Node {
    return new EndNode(this, this.expect(ItemType.RightDelim, 'end').pos);
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === ItemType.If || peek.typ === ItemType.With) return new ElseNode(this, peek.pos, peek.line);
    const token = this.expect(ItemType.RightDelim, 'else');
    return new ElseNode(this, token.pos, token.line);
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const block = new Tree(name);
    block.text = this.text;
    block.parseName = this.parseName;
    block.startParse(this.funcs, this.lex, this.treeSet);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end.toString()} in ${context}`);
    block.add();
    const node = new TemplateNode(this, token.pos, token.line, name, pipe);
    node.endPos = this.pipelineEnd;
    return node;
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    const next = this.nextNonSpace();
    let endPos = next.pos + next.val.length;
    if (next.typ !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
      endPos = this.pipelineEnd;
    }
    const node = new TemplateNode(this, token.pos, token.line, name, pipe);
    node.endPos = endPos;
    return node;
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquote(token.val);
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd = new CommandNode(this, this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.append(operand);
      const token = this.next();
      if (token.typ === ItemType.Space) continue;
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.backup();
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | null {
    let node = this.term();
    if (node === null) return null;
    if (this.peek().typ === ItemType.Field) {
      const chain = new ChainNode(this, this.peek().pos, node);
      while (this.peek().typ === ItemType.Field) chain.add(this.next().val);
      switch (node.type) {
        case NodeType.Field:
          node = new FieldNode(this, chain.pos, chain.toString());
          break;
        case NodeType.Variable:
          node = new VariableNode(this, chain.pos, chain.toString());
          break;
        case NodeType.Bool:
        case NodeType.String:
        case NodeType.Number:
        case NodeType.Nil:
        case NodeType.Dot:
          this.errorf(`unexpected . after term ${goQuote(node.toString())}`);
          break;
        default:
          node = chain;
      }
    }
    return node;
  }

  private term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier:
        if (!this.funcs(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`);
        return new IdentifierNode(this, token.pos, token.val);
      case ItemType.Dot:
        return new DotNode(this, token.pos);
      case ItemType.Nil:
        return new NilNode(this, token.pos);
      case ItemType.Variable:
        return this.useVar(token.pos, token.val);
      case ItemType.Field:
        return new FieldNode(this, token.pos, token.val);
      case ItemType.Bool:
        return new BoolNode(this, token.pos, token.val === 'true');
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number:
        return this.newNumber(token.pos, token.val, token.typ);
      case ItemType.LeftParen: {
        if (this.stackDepth >= maxStackDepth) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', ItemType.RightParen);
        } finally {
          this.stackDepth--;
        }
      }
      case ItemType.String:
      case ItemType.RawString:
        return new StringNode(this, token.pos, token.val, this.unquote(token.val));
    }
    this.backup();
    return null;
  }

  private useVar(pos: number, name: string): Node {
    const v = new VariableNode(this, pos, name);
    if (this.vars.includes(v.ident[0])) return v;
    this.errorf(`undefined variable ${goQuote(v.ident[0])}`);
  }

  private unquote(s: string): string {
    const r = goUnquote(s);
    if (r === null) this.errorf('invalid syntax');
    return r;
  }

  private newNumber(pos: number, text: string, typ: ItemType): NumberNode {
    const n = new NumberNode(this, pos, text);
    if (typ === ItemType.CharConstant) {
      const r = unquoteChar(text.slice(1), "'");
      if (r === null) this.errorf('invalid syntax');
      if (r.tail !== "'") this.errorf(`malformed character constant: ${text}`);
      n.int64 = BigInt(r.value);
      n.isInt = true;
      n.uint64 = BigInt(r.value);
      n.isUint = true;
      n.float64 = r.value;
      n.isFloat = true;
      return n;
    }
    if (typ === ItemType.Complex) {
      // Complex constants are not supported by this implementation beyond the purely real case.
      this.errorf(`illegal number syntax: ${goQuote(text)}`);
    }
    if (text.length > 0 && text[text.length - 1] === 'i') {
      const f = goParseFloat(text.slice(0, -1));
      if (f !== undefined) {
        n.isComplex = true;
        if (f === 0) {
          // 0i is a real zero.
          n.isFloat = true;
          n.float64 = 0;
          n.isInt = true;
          n.int64 = 0n;
          n.isUint = true;
          n.uint64 = 0n;
        }
        return n;
      }
    }
    const ur = goParseInt(text, 0, false);
    const u = ur.ok ? ur.value : null;
    if (u !== null) {
      n.isUint = true;
      n.uint64 = u;
    }
    const ir = goParseInt(text, 0);
    const i = ir.ok ? ir.value : null;
    if (i !== null) {
      n.isInt = true;
      n.int64 = i;
      if (i === 0n) {
        n.isUint = true;
        n.uint64 = u ?? 0n;
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      const f = goParseFloat(text);
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${goQuote(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (Number.isInteger(f) && f >= -9223372036854775808 && f < 9223372036854775808) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 18446744073709551616) {
          n.isUint = true;
          n.uint64 = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${goQuote(text)}`);
    return n;
  }
}

function emptyItem(): Item {
  return { typ: ItemType.EOF, pos: 0, val: '', line: 0 };
}

// ---------------------------------------------------------------------------
// strconv helpers

interface UnquotedChar {
  value: number;
  tail: string;
}

/** strconv.UnquoteChar for a character constant body (after the opening quote). */
function unquoteChar(s: string, quote: string): UnquotedChar | null {
  if (s.length === 0) return null;
  const cp = s.codePointAt(0)!;
  const ch = String.fromCodePoint(cp);
  if (ch === quote && (quote === "'" || quote === '"')) return null;
  if (ch !== '\\') return { value: cp, tail: s.slice(ch.length) };
  if (s.length <= 1) return null;
  const c = s[1];
  let rest = s.slice(2);
  switch (c) {
    case 'a': return { value: 7, tail: rest };
    case 'b': return { value: 8, tail: rest };
    case 'f': return { value: 12, tail: rest };
    case 'n': return { value: 10, tail: rest };
    case 'r': return { value: 13, tail: rest };
    case 't': return { value: 9, tail: rest };
    case 'v': return { value: 11, tail: rest };
    case 'x': case 'u': case 'U': {
      const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      if (rest.length < n) return null;
      const hexs = rest.slice(0, n);
      if (!/^[0-9a-fA-F]+$/.test(hexs)) return null;
      const v = parseInt(hexs, 16);
      rest = rest.slice(n);
      if (c !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) return null;
      return { value: v, tail: rest };
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      const oct = s.slice(1, 4);
      if (!/^[0-7]{3}$/.test(oct)) return null;
      const v = parseInt(oct, 8);
      if (v > 255) return null;
      return { value: v, tail: s.slice(4) };
    }
    case '\\': return { value: 0x5c, tail: rest };
    case "'": case '"':
      if (c !== quote) return null;
      return { value: c.charCodeAt(0), tail: rest };
  }
  return null;
}

/** strconv.Unquote for "..." and `...` literals; null on invalid syntax. */
export function goUnquote(s: string): string | null {
  const n = s.length;
  if (n < 2) return null;
  const q = s[0];
  if (q !== s[n - 1]) return null;
  const body = s.slice(1, n - 1);
  if (q === '`') {
    if (body.includes('`')) return null;
    return body.includes('\r') ? body.replace(/\r/g, '') : body;
  }
  if (q !== '"' && q !== "'") return null;
  if (body.includes('\n')) return null;
  if (!body.includes('\\') && !body.includes(q)) {
    if (q === '"') return body;
    if (q === "'" && Array.from(body).length === 1) return body;
  }
  // Byte-level decoding: \x and octal escapes produce raw bytes.
  const bytes: number[] = [];
  const enc = new TextEncoder();
  let rest = body;
  while (rest.length > 0) {
    const r = unquoteChar(rest, q);
    if (r === null) return null;
    const head = rest.slice(0, rest.length - r.tail.length);
    if (head.startsWith('\\x') || /^\\[0-7]/.test(head)) {
      bytes.push(r.value);
    } else {
      for (const b of enc.encode(String.fromCodePoint(r.value))) bytes.push(b);
    }
    rest = r.tail;
    if (q === "'" && rest.length !== 0) return null;
  }
  return decodeUtf8AsText(new Uint8Array(bytes));
}

/**
 * Parses one named text into trees (parse.Parse): the top-level tree and every
 * {{define}}/{{block}} in it, keyed by name.
 */
export function parseTemplates(name: string, text: string, funcs: HasFunction): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const t = new Tree(name);
  t.text = text;
  t.parse(text, treeSet, funcs);
  return treeSet;
}
