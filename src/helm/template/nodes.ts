/**
 * Parse tree nodes of Go's text/template (text/template/parse/node.go).
 * `toString()` reproduces Go's Node.String(), which error messages quote.
 */
import { goQuote } from './gofmt.js';

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

export abstract class Node {
  abstract readonly type: NodeTypeValue;
  constructor(
    public tr: TreeRef,
    /** Offset of the node in the tree's text (UTF-16 code units). */
    public pos: number,
  ) {}
  abstract writeTo(sb: string[]): void;
  toString(): string {
    const sb: string[] = [];
    this.writeTo(sb);
    return sb.join('');
  }
}

export class ListNode extends Node {
  readonly type = NodeType.List;
  nodes: Node[] = [];
  append(n: Node): void {
    this.nodes.push(n);
  }
  writeTo(sb: string[]): void {
    for (const n of this.nodes) n.writeTo(sb);
  }
}

export class TextNode extends Node {
  readonly type = NodeType.Text;
  constructor(tr: TreeRef, pos: number, public text: string) {
    super(tr, pos);
  }
  writeTo(sb: string[]): void {
    sb.push(this.text);
  }
}

export class CommentNode extends Node {
  readonly type = NodeType.Comment;
  constructor(tr: TreeRef, pos: number, public text: string) {
    super(tr, pos);
  }
  writeTo(sb: string[]): void {
    sb.push('{{', this.text, '}}');
  }
}

export class PipeNode extends Node {
  readonly type = NodeType.Pipe;
  isAssign = false;
  decl: VariableNode[] = [];
  cmds: CommandNode[] = [];
  constructor(tr: TreeRef, pos: number, public line: number) {
    super(tr, pos);
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
  readonly type = NodeType.Action;
  /** Offset of the action's `{{` (for provenance); Go's pos is the first token inside. */
  delimPos: number;
  constructor(tr: TreeRef, pos: number, public line: number, public pipe: PipeNode) {
    super(tr, pos);
    this.delimPos = pos;
  }
  writeTo(sb: string[]): void {
    sb.push('{{');
    this.pipe.writeTo(sb);
    sb.push('}}');
  }
}

export class CommandNode extends Node {
  readonly type = NodeType.Command;
  args: Node[] = [];
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
  readonly type = NodeType.Identifier;
  constructor(tr: TreeRef, pos: number, public ident: string) {
    super(tr, pos);
  }
  writeTo(sb: string[]): void {
    sb.push(this.ident);
  }
}

export class VariableNode extends Node {
  readonly type = NodeType.Variable;
  ident: string[];
  constructor(tr: TreeRef, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.split('.');
  }
  writeTo(sb: string[]): void {
    sb.push(this.ident.join('.'));
  }
}

export class DotNode extends Node {
  readonly type = NodeType.Dot;
  writeTo(sb: string[]): void {
    sb.push('.');
  }
}

export class NilNode extends Node {
  readonly type = NodeType.Nil;
  writeTo(sb: string[]): void {
    sb.push('nil');
  }
}

export class FieldNode extends Node {
  readonly type = NodeType.Field;
  ident: string[];
  constructor(tr: TreeRef, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.slice(1).split('.');
  }
  writeTo(sb: string[]): void {
    for (const id of this.ident) sb.push('.', id);
  }
}

export class ChainNode extends Node {
  readonly type = NodeType.Chain;
  field: string[] = [];
  constructor(tr: TreeRef, pos: number, public node: Node) {
    super(tr, pos);
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
  readonly type = NodeType.Bool;
  constructor(tr: TreeRef, pos: number, public value: boolean) {
    super(tr, pos);
  }
  writeTo(sb: string[]): void {
    sb.push(this.value ? 'true' : 'false');
  }
}

export class NumberNode extends Node {
  readonly type = NodeType.Number;
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  constructor(tr: TreeRef, pos: number, public text: string) {
    super(tr, pos);
  }
  writeTo(sb: string[]): void {
    sb.push(this.text);
  }
}

export class StringNode extends Node {
  readonly type = NodeType.String;
  constructor(tr: TreeRef, pos: number, public quoted: string, public text: string) {
    super(tr, pos);
  }
  writeTo(sb: string[]): void {
    sb.push(this.quoted);
  }
}

export class EndNode extends Node {
  readonly type = NodeType.End;
  writeTo(sb: string[]): void {
    sb.push('{{end}}');
  }
}

export class ElseNode extends Node {
  readonly type = NodeType.Else;
  constructor(tr: TreeRef, pos: number, public line: number) {
    super(tr, pos);
  }
  writeTo(sb: string[]): void {
    sb.push('{{else}}');
  }
}

export abstract class BranchNode extends Node {
  constructor(
    tr: TreeRef,
    pos: number,
    public line: number,
    public pipe: PipeNode,
    public list: ListNode,
    public elseList: ListNode | null,
  ) {
    super(tr, pos);
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
  readonly type = NodeType.If;
  protected keyword(): string {
    return 'if';
  }
}

export class RangeNode extends BranchNode {
  readonly type = NodeType.Range;
  protected keyword(): string {
    return 'range';
  }
}

export class WithNode extends BranchNode {
  readonly type = NodeType.With;
  protected keyword(): string {
    return 'with';
  }
}

export class BreakNode extends Node {
  readonly type = NodeType.Break;
  constructor(tr: TreeRef, pos: number, public line: number) {
    super(tr, pos);
  }
  writeTo(sb: string[]): void {
    sb.push('{{break}}');
  }
}

export class ContinueNode extends Node {
  readonly type = NodeType.Continue;
  constructor(tr: TreeRef, pos: number, public line: number) {
    super(tr, pos);
  }
  writeTo(sb: string[]): void {
    sb.push('{{continue}}');
  }
}

export class TemplateNode extends Node {
  readonly type = NodeType.Template;
  constructor(tr: TreeRef, pos: number, public line: number, public name: string, public pipe: PipeNode | null) {
    super(tr, pos);
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
