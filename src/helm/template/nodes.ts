/**
 * Parse tree nodes of Go's text/template (text/template/parse/node.go).
 * `toString()` reproduces Go's Node.String(), which error messages quote.
 */
import { goQuote } from '../go/quote.js';

export const NodeType = {
  Text: 0,
  Action: 1,
  Bool: 2,
  Chain: 3,
  Command: 4,
  Dot: 5,
  Else: 6,
  End: 7,
  Field: 8,
  Identifier: 9,
  If: 10,
  List: 11,
  Nil: 12,
  Number: 13,
  Pipe: 14,
  Range: 15,
  String: 16,
  Template: 17,
  Variable: 18,
  With: 19,
  Comment: 20,
  Break: 21,
  Continue: 22,
} as const;
export type NodeTypeValue = (typeof NodeType)[keyof typeof NodeType];

/** What a node needs from its tree: the text and the name for error positions. */
export interface TreeRef {
  text: string;
  parseName: string;
}

// Node classes avoid class fields (define semantics make every instance slow
// to build under the ES2022 target): fields are declared and set in constructors,
// and `type` is a prototype getter.
export abstract class Node {
  declare tr: TreeRef;
  /** Offset of the node in the tree's text (UTF-16 code units). */
  declare pos: number;
  abstract get type(): NodeTypeValue;
  constructor(tr: TreeRef, pos: number) {
    this.tr = tr;
    this.pos = pos;
  }
  abstract writeTo(sb: string[]): void;
  toString(): string {
    const sb: string[] = [];
    this.writeTo(sb);
    return sb.join('');
  }
}

export class ListNode extends Node {
  get type(): typeof NodeType.List {
    return NodeType.List;
  }
  declare nodes: Node[];
  constructor(tr: TreeRef, pos: number) {
    super(tr, pos);
    this.nodes = [];
  }
  append(n: Node): void {
    this.nodes.push(n);
  }
  writeTo(sb: string[]): void {
    for (const n of this.nodes) n.writeTo(sb);
  }
}

export class TextNode extends Node {
  get type(): typeof NodeType.Text {
    return NodeType.Text;
  }
  declare text: string;
  constructor(tr: TreeRef, pos: number, text: string) {
    super(tr, pos);
    this.text = text;
  }
  writeTo(sb: string[]): void {
    sb.push(this.text);
  }
}

export class CommentNode extends Node {
  get type(): typeof NodeType.Comment {
    return NodeType.Comment;
  }
  declare text: string;
  constructor(tr: TreeRef, pos: number, text: string) {
    super(tr, pos);
    this.text = text;
  }
  writeTo(sb: string[]): void {
    sb.push('{{', this.text, '}}');
  }
}

export class PipeNode extends Node {
  get type(): typeof NodeType.Pipe {
    return NodeType.Pipe;
  }
  declare line: number;
  declare isAssign: boolean;
  declare decl: VariableNode[];
  declare cmds: CommandNode[];
  constructor(tr: TreeRef, pos: number, line: number) {
    super(tr, pos);
    this.line = line;
    this.isAssign = false;
    this.decl = [];
    this.cmds = [];
  }
  append(c: CommandNode): void {
    this.cmds.push(c);
  }
  writeTo(sb: string[]): void {
    if (this.decl.length > 0) {
      this.decl.forEach((v, i) => {
        if (i > 0) sb.push(', ');
        v.writeTo(sb);
      });
      sb.push(' := ');
    }
    this.cmds.forEach((c, i) => {
      if (i > 0) sb.push(' | ');
      c.writeTo(sb);
    });
  }
}

export class ActionNode extends Node {
  get type(): typeof NodeType.Action {
    return NodeType.Action;
  }
  /** Offset of the action's `{{` (for provenance); Go's pos is the first token inside. */
  declare delimPos: number;
  /** Offset just past the action's closing `}}` (for provenance: where the action ends). */
  declare endPos: number;
  declare line: number;
  declare pipe: PipeNode;
  constructor(tr: TreeRef, pos: number, line: number, pipe: PipeNode) {
    super(tr, pos);
    this.delimPos = pos;
    this.endPos = pos;
    this.line = line;
    this.pipe = pipe;
  }
  writeTo(sb: string[]): void {
    sb.push('{{');
    this.pipe.writeTo(sb);
    sb.push('}}');
  }
}

export class CommandNode extends Node {
  get type(): typeof NodeType.Command {
    return NodeType.Command;
  }
  declare args: Node[];
  constructor(tr: TreeRef, pos: number) {
    super(tr, pos);
    this.args = [];
  }
  append(arg: Node): void {
    this.args.push(arg);
  }
  writeTo(sb: string[]): void {
    this.args.forEach((arg, i) => {
      if (i > 0) sb.push(' ');
      if (arg instanceof PipeNode) {
        sb.push('(');
        arg.writeTo(sb);
        sb.push(')');
        return;
      }
      arg.writeTo(sb);
    });
  }
}

export class IdentifierNode extends Node {
  get type(): typeof NodeType.Identifier {
    return NodeType.Identifier;
  }
  declare ident: string;
  constructor(tr: TreeRef, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident;
  }
  writeTo(sb: string[]): void {
    sb.push(this.ident);
  }
}

export class VariableNode extends Node {
  get type(): typeof NodeType.Variable {
    return NodeType.Variable;
  }
  declare ident: string[];
  constructor(tr: TreeRef, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.split('.');
  }
  writeTo(sb: string[]): void {
    sb.push(this.ident.join('.'));
  }
}

export class DotNode extends Node {
  get type(): typeof NodeType.Dot {
    return NodeType.Dot;
  }
  writeTo(sb: string[]): void {
    sb.push('.');
  }
}

export class NilNode extends Node {
  get type(): typeof NodeType.Nil {
    return NodeType.Nil;
  }
  writeTo(sb: string[]): void {
    sb.push('nil');
  }
}

export class FieldNode extends Node {
  get type(): typeof NodeType.Field {
    return NodeType.Field;
  }
  declare ident: string[];
  constructor(tr: TreeRef, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.slice(1).split('.');
  }
  writeTo(sb: string[]): void {
    for (const id of this.ident) sb.push('.', id);
  }
}

export class ChainNode extends Node {
  get type(): typeof NodeType.Chain {
    return NodeType.Chain;
  }
  declare field: string[];
  declare node: Node;
  constructor(tr: TreeRef, pos: number, node: Node) {
    super(tr, pos);
    this.field = [];
    this.node = node;
  }
  add(field: string): void {
    if (field.length === 0 || field[0] !== '.') throw new Error('no dot in field');
    field = field.slice(1);
    if (field === '') throw new Error('empty field');
    this.field.push(field);
  }
  writeTo(sb: string[]): void {
    if (this.node instanceof PipeNode) {
      sb.push('(');
      this.node.writeTo(sb);
      sb.push(')');
    } else {
      this.node.writeTo(sb);
    }
    for (const f of this.field) sb.push('.', f);
  }
}

export class BoolNode extends Node {
  get type(): typeof NodeType.Bool {
    return NodeType.Bool;
  }
  declare value: boolean;
  constructor(tr: TreeRef, pos: number, value: boolean) {
    super(tr, pos);
    this.value = value;
  }
  writeTo(sb: string[]): void {
    sb.push(this.value ? 'true' : 'false');
  }
}

export class NumberNode extends Node {
  get type(): typeof NodeType.Number {
    return NodeType.Number;
  }
  declare isInt: boolean;
  declare isUint: boolean;
  declare isFloat: boolean;
  declare isComplex: boolean;
  declare int64: bigint;
  declare uint64: bigint;
  declare float64: number;
  declare text: string;
  constructor(tr: TreeRef, pos: number, text: string) {
    super(tr, pos);
    this.isInt = this.isUint = this.isFloat = this.isComplex = false;
    this.int64 = 0n;
    this.uint64 = 0n;
    this.float64 = 0;
    this.text = text;
  }
  writeTo(sb: string[]): void {
    sb.push(this.text);
  }
}

export class StringNode extends Node {
  get type(): typeof NodeType.String {
    return NodeType.String;
  }
  declare quoted: string;
  declare text: string;
  constructor(tr: TreeRef, pos: number, quoted: string, text: string) {
    super(tr, pos);
    this.quoted = quoted;
    this.text = text;
  }
  writeTo(sb: string[]): void {
    sb.push(this.quoted);
  }
}

export class EndNode extends Node {
  get type(): typeof NodeType.End {
    return NodeType.End;
  }
  writeTo(sb: string[]): void {
    sb.push('{{end}}');
  }
}

export class ElseNode extends Node {
  get type(): typeof NodeType.Else {
    return NodeType.Else;
  }
  declare line: number;
  constructor(tr: TreeRef, pos: number, line: number) {
    super(tr, pos);
    this.line = line;
  }
  writeTo(sb: string[]): void {
    sb.push('{{else}}');
  }
}

export abstract class BranchNode extends Node {
  declare line: number;
  declare pipe: PipeNode;
  declare list: ListNode;
  declare elseList: ListNode | null;
  constructor(tr: TreeRef, pos: number, line: number, pipe: PipeNode, list: ListNode, elseList: ListNode | null) {
    super(tr, pos);
    this.line = line;
    this.pipe = pipe;
    this.list = list;
    this.elseList = elseList;
  }
  protected abstract keyword(): string;
  writeTo(sb: string[]): void {
    sb.push('{{', this.keyword(), ' ');
    this.pipe.writeTo(sb);
    sb.push('}}');
    this.list.writeTo(sb);
    if (this.elseList) {
      sb.push('{{else}}');
      this.elseList.writeTo(sb);
    }
    sb.push('{{end}}');
  }
}

export class IfNode extends BranchNode {
  get type(): typeof NodeType.If {
    return NodeType.If;
  }
  protected keyword(): string {
    return 'if';
  }
}

export class RangeNode extends BranchNode {
  get type(): typeof NodeType.Range {
    return NodeType.Range;
  }
  protected keyword(): string {
    return 'range';
  }
}

export class WithNode extends BranchNode {
  get type(): typeof NodeType.With {
    return NodeType.With;
  }
  protected keyword(): string {
    return 'with';
  }
}

export class BreakNode extends Node {
  get type(): typeof NodeType.Break {
    return NodeType.Break;
  }
  declare line: number;
  constructor(tr: TreeRef, pos: number, line: number) {
    super(tr, pos);
    this.line = line;
  }
  writeTo(sb: string[]): void {
    sb.push('{{break}}');
  }
}

export class ContinueNode extends Node {
  get type(): typeof NodeType.Continue {
    return NodeType.Continue;
  }
  declare line: number;
  constructor(tr: TreeRef, pos: number, line: number) {
    super(tr, pos);
    this.line = line;
  }
  writeTo(sb: string[]): void {
    sb.push('{{continue}}');
  }
}

export class TemplateNode extends Node {
  get type(): typeof NodeType.Template {
    return NodeType.Template;
  }
  /** Offset of the action's `{{` and just past its `}}` (for provenance: the call site). */
  declare delimPos: number;
  declare endPos: number;
  declare line: number;
  declare name: string;
  declare pipe: PipeNode | null;
  constructor(tr: TreeRef, pos: number, line: number, name: string, pipe: PipeNode | null) {
    super(tr, pos);
    this.delimPos = pos;
    this.endPos = pos;
    this.line = line;
    this.name = name;
    this.pipe = pipe;
  }
  writeTo(sb: string[]): void {
    sb.push('{{template ', goQuote(this.name));
    if (this.pipe) {
      sb.push(' ');
      this.pipe.writeTo(sb);
    }
    sb.push('}}');
  }
}

/** Only Go unicode.IsSpace characters (bytes.TrimSpace leaves nothing). */
const goSpaceOnly = /^[\t\n\v\f\r \u0085\u00a0\p{Z}]*$/u;

/** parse.IsEmptyTree: nothing but space and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case NodeType.Comment:
      return true;
    case NodeType.List:
      return (n as ListNode).nodes.every(isEmptyTree);
    case NodeType.Text:
      return goSpaceOnly.test((n as TextNode).text);
    default:
      return false;
  }
}
