/**
 * The executor of Go's text/template (exec.go): walks a parse tree with a
 * data cursor and writes through an output builder that records provenance.
 *
 * Value model (../go/value.ts): `undefined` is Go's invalid reflect.Value (no
 * value), `null` a nil interface. A map element or slice element is
 * interface-typed in Go (map[string]interface{}), which changes the type
 * names in some errors ("can't evaluate field x in type interface {}"); the
 * executor tracks that per receiver.
 */
import {
  GoInt,
  GoObject,
  NO_FIELD,
  getOrigin,
  mapMethodsOf,
  setOrigin,
  goSignatureOf,
  isGoMap,
  type GoFunction,
  type GoMap,
  type GoValue,
  type CallSite,
  type OutputSpan,
  type ValueOrigin,
} from '../go/value.js';
import {
  ActionNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NodeType,
  NumberNode,
  PipeNode,
  RangeNode,
  StringNode,
  BoolNode,
  TemplateNode,
  TextNode,
  VariableNode,
  BranchNode,
  type TreeRef,
} from './nodes.js';
import { formatValue, sortedKeys } from '../go/fmt.js';
import { goQuote } from '../go/quote.js';
import { goTypeName } from '../go/reflect.js';
import { byteLength } from '../go/utf8.js';
import { builtins, paramTypeName, truth, underlyingOf, type ParamKind, type Signature } from './builtins.js';
import type { Tree } from './parse.js';
import { tplValueSpans, yamlLineSpans } from './provenance.js';

/** An execution error (Go's template.ExecError): the message is Go's full text. */
export class ExecError extends Error {
  /**
   * Set when the error stands in for a JS stack overflow (Go's depth limit
   * assumed): a render with a bigger stack may succeed where this one failed.
   */
  stackExhausted = false;
  constructor(
    message: string,
    /** Name of the template being executed. */
    public readonly templateName: string,
  ) {
    super(message);
    this.name = 'ExecError';
  }
}

/** A function's error that text/template reports without "error calling NAME: " (e.g. Sprig's GoArgError). */
function isArgError(e: unknown): e is Error {
  return e instanceof Error && (e as Error & { goArgError?: boolean }).goArgError === true;
}

export type MissingKey = 'invalid' | 'zero' | 'error';

/** What the executor needs from the template set. */
export interface ExecEnv {
  /** Name of the set (Helm: "gotpl"): tpl parses its string under it. */
  readonly name: string;
  funcs: Record<string, GoFunction>;
  missingKey: MissingKey;
  lookup(name: string): Tree | undefined;
}

/**
 * Shared by one top-level render and everything it includes: provenance of
 * strings produced by include/tpl/toYaml, so that printing them later maps
 * their parts back to where they came from.
 */
export class RenderContext {
  /** Spans (offsets relative to the string) of strings built from other templates or values. */
  readonly strSpans = new Map<string, OutputSpan[]>();
  /** Nesting of executions (include inside include...). */
  nesting = 0;
  /** Work done so far: nodes evaluated and bytes written, by every execution of this render. */
  steps = 0;
  bytes = 0;
  constructor(
    public readonly trackProvenance = true,
    /** Bounds on that work (Go's text/template has none: a render could run forever). */
    public readonly budget: RenderBudget = DEFAULT_RENDER_BUDGET,
  ) {}
}

/**
 * The work one render (all the templates of a chart, with everything they include) may do.
 * Helm has no such bound; `{{ range until 100000 }}{{ range until 100000 }}{{ end }}{{ end }}`
 * would run for days. The defaults are far above what real charts use (README, Reliability).
 */
export interface RenderBudget {
  /** Template nodes evaluated (actions, texts, loop bodies, pipelines...). */
  steps: number;
  /** Characters written to outputs, included and tpl'd text counted where it is made. */
  bytes: number;
}

export const DEFAULT_RENDER_BUDGET: RenderBudget = { steps: 10_000_000, bytes: 64 * 2 ** 20 };

/**
 * The JS stack ran out (deep or infinite template/include recursion). On the
 * way up, include call sites record their error prefixes and names so that
 * the Helm layer can reproduce Helm's include recursion-limit error; a
 * `template` recursion records Go's max-depth error at its innermost call.
 */
export class StackOverflow {
  /** Error prefixes of the include calls, outermost first ("template: ...: error calling include: "). */
  readonly units: string[] = [];
  /** Names passed to those include calls, outermost first (filled by the include function). */
  readonly names: string[] = [];
  /** Go's error for a `template` recursion, recorded at the innermost {{template}}. */
  templateError?: ExecError;
}

const overflowText = 'Maximum call stack size exceeded';

/**
 * True for V8's stack exhaustion: a RangeError, or a SyntaxError when the
 * stack ran out while compiling a regular expression. No regex here: this
 * runs with almost no stack left.
 */
export function isStackOverflow(e: unknown): boolean {
  return (e instanceof RangeError || e instanceof SyntaxError) && e.message.includes(overflowText);
}

const MISSING = Symbol('missing');
type Final = GoValue | typeof MISSING;

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal();
const CONTINUE = new ContinueSignal();

const maxExecDepth = 100000;

interface Variable {
  name: string;
  value: GoValue;
  iface: boolean;
  origin: ValueOrigin | undefined;
}

// --- positions ---------------------------------------------------------------

interface Positioned {
  _line?: number;
  _col?: number;
}

/** Where an action ends (just past its `}}`), as a line and column cached on the node. */
function actionEnd(n: ActionNode): [number, number] {
  const cache = n as unknown as { _end?: [number, number] };
  return (cache._end ??= nodeLineCol(n.tr, n.endPos));
}

/** An action or {{template}} as a call site: the whole `{{ ... }}` (cached on the node). */
function callSite(n: ActionNode | TemplateNode): CallSite {
  const cache = n as unknown as { _site?: CallSite };
  if (cache._site !== undefined) return cache._site;
  const [line, column] = nodeLineCol(n.tr, n.delimPos);
  const [endLine, endColumn] = n instanceof ActionNode ? actionEnd(n) : nodeLineCol(n.tr, n.endPos);
  return (cache._site = { template: n.tr.parseName, line, column, endLine, endColumn });
}

/** 1-based line and 1-based UTF-16 column of an offset in a tree's text (cached on the node). */
export function nodeLineCol(tr: TreeRef, pos: number, cache?: Positioned): [number, number] {
  if (cache && cache._line !== undefined) return [cache._line, cache._col!];
  const text = tr.text;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const col = pos - lineStart + 1;
  if (cache) {
    cache._line = line;
    cache._col = col;
  }
  return [line, col];
}

/** Tree.ErrorContext: "name:line:byteCol" (column 0-based, in bytes, as Go prints it) and the node text. */
export function errorContext(n: Node): [string, string] {
  const text = n.tr.text;
  const pos = n.pos;
  const before = text.slice(0, pos);
  const nl = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  const byteNum = nl === -1 ? byteLength(before) : byteLength(before.slice(nl + 1));
  return [`${n.tr.parseName}:${line}:${byteNum}`, n.toString()];
}

// --- output ----------------------------------------------------------------

/**
 * Large outputs joined from the same pieces: a template that prints a big text (a CRD) with a
 * few actions around it writes the same string objects (its parse tree's texts, shared across
 * renders) every render, and copying megabytes again each time was a tenth of a render. Equal
 * pieces join to the equal text; the pieces of a hit are mostly the very same strings, which
 * compare at once. Bounded by the characters it holds.
 */
const JOIN_MEMO_MIN_CHARS = 1 << 18;
const JOIN_MEMO_MAX_CHARS = 8_000_000;
const joinMemo: Array<{ chunks: string[]; text: string }> = [];
let joinMemoChars = 0;

function joinChunks(chunks: string[], length: number): string {
  if (length < JOIN_MEMO_MIN_CHARS) return chunks.join('');
  for (let i = 0; i < joinMemo.length; i++) {
    const e = joinMemo[i];
    if (e.chunks.length !== chunks.length || e.text.length !== length) continue;
    let same = true;
    for (let k = 0; k < chunks.length && same; k++) same = e.chunks[k] === chunks[k];
    if (same) return e.text;
  }
  const text = chunks.join('');
  if (length > JOIN_MEMO_MAX_CHARS) return text;
  joinMemo.push({ chunks, text });
  joinMemoChars += length;
  while (joinMemoChars > JOIN_MEMO_MAX_CHARS) joinMemoChars -= joinMemo.shift()!.text.length;
  return text;
}

export class Output {
  private chunks: string[] = [];
  length = 0;
  readonly spans: OutputSpan[] = [];
  constructor(
    public readonly track: boolean,
    /** The render whose byte budget this output counts against. */
    private readonly ctx?: RenderContext,
  ) {}

  text(): string {
    if (this.chunks.length > 1) this.chunks = [joinChunks(this.chunks, this.length)];
    return this.chunks[0] ?? '';
  }

  writeRaw(s: string): void {
    if (s.length === 0) return;
    this.chunks.push(s);
    this.length += s.length;
    if (this.ctx) this.ctx.bytes += s.length;
  }

  write(s: string, template: string, line: number, column: number, kind: 'text' | 'action', origin?: ValueOrigin, end?: readonly [number, number], site?: CallSite): void {
    if (s.length === 0) return;
    if (this.track) {
      const span: OutputSpan = { start: this.length, end: this.length + s.length, template, line, column, kind };
      if (end) [span.endLine, span.endColumn] = end;
      if (origin) span.origin = origin;
      if (site) span.site = site;
      this.spans.push(span);
    }
    this.chunks.push(s);
    this.length += s.length;
    if (this.ctx) this.ctx.bytes += s.length;
  }

  /**
   * Writes a string whose parts have their own spans; gaps get the action's span (`end`: just past its `}}`).
   * Parts printed from another template (include, tpl) get `site`, the outermost call: the action
   * printing them, or the {{template}} call the action runs inside; a deeper call site is replaced.
   */
  writeWithSpans(s: string, sub: OutputSpan[], template: string, line: number, column: number, end: readonly [number, number], origin: ValueOrigin | undefined, site: CallSite, outerSite: CallSite | undefined): void {
    if (s.length === 0) return;
    const base = this.length;
    const [endLine, endColumn] = end;
    let at = 0;
    for (const sp of sub) {
      if (sp.start < at || sp.end > s.length || sp.end <= sp.start) continue;
      if (sp.start > at) {
        const gap: OutputSpan = { start: base + at, end: base + sp.start, template, line, column, kind: 'action', endLine, endColumn };
        if (origin) gap.origin = origin;
        if (outerSite) gap.site = outerSite;
        this.spans.push(gap);
      }
      const span: OutputSpan = { ...sp, start: base + sp.start, end: base + sp.end, site };
      if (span.template === '') {
        // A part of a value printed by this action (e.g. one line of toYaml).
        span.template = template;
        span.line = line;
        span.column = column;
        span.endLine = endLine;
        span.endColumn = endColumn;
      }
      this.spans.push(span);
      at = sp.end;
    }
    if (at < s.length) {
      const gap: OutputSpan = { start: base + at, end: base + s.length, template, line, column, kind: 'action', endLine, endColumn };
      if (origin) gap.origin = origin;
      if (outerSite) gap.site = outerSite;
      this.spans.push(gap);
    }
    this.chunks.push(s);
    this.length += s.length;
    if (this.ctx) this.ctx.bytes += s.length;
  }
}

// --- argument checking -----------------------------------------------------

const anySig: Signature = { params: [], variadic: 'any' };

function canBeNil(k: ParamKind): boolean {
  return k === 'any' || k === 'value' || k === 'map' || k === 'slice';
}

// --- the executor ------------------------------------------------------------

export class State {
  node: Node | null = null;
  vars: Variable[];
  depth = 0;
  dotIface = false;
  dotOrigin: ValueOrigin | undefined = undefined;
  /** The outermost {{template}} call this execution is inside, if any (provenance). */
  private site: CallSite | undefined = undefined;
  /** Result registers of the last evaluation. */
  private resIface = false;
  private origin: ValueOrigin | undefined = undefined;

  constructor(
    private readonly env: ExecEnv,
    /** Name of the template being executed (Go's s.tmpl.Name()). */
    private tmplName: string,
    readonly out: Output,
    readonly ctx: RenderContext,
    dot: GoValue,
  ) {
    this.vars = [{ name: '$', value: dot, iface: false, origin: undefined }];
  }

  // --- errors ---

  errorf(msg: string): never {
    throw new ExecError(this.errorPrefix() + msg, this.tmplName);
  }

  /** "template: LOC: executing "NAME" at <CTX>: " for the current node. */
  errorPrefix(): string {
    const name = this.tmplName;
    if (this.node === null) return `template: ${name}: `;
    const [location, context] = errorContext(this.node);
    return `template: ${location}: executing ${goQuote(name)} at <${context}>: `;
  }

  private at(n: Node): void {
    this.node = n;
    // Every loop iteration and every call passes here: the one place to bound the work.
    const c = this.ctx;
    if (++c.steps > c.budget.steps) this.errorf(`render budget exceeded: more than ${c.budget.steps} template steps (a loop too large?)`);
    if (c.bytes > c.budget.bytes) this.errorf(`render budget exceeded: more than ${c.budget.bytes} bytes of output (a loop too large?)`);
  }

  // --- variables ---

  private push(name: string, value: GoValue, iface: boolean, origin: ValueOrigin | undefined): void {
    this.vars.push({ name, value, iface, origin });
  }

  private setVar(name: string, value: GoValue, iface: boolean, origin: ValueOrigin | undefined): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        const v = this.vars[i];
        v.value = value;
        v.iface = iface;
        v.origin = origin;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: GoValue, iface: boolean, origin: ValueOrigin | undefined): void {
    const v = this.vars[this.vars.length - n];
    v.value = value;
    v.iface = iface;
    v.origin = origin;
  }

  private varValue(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) return this.vars[i];
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking ---

  walk(dot: GoValue, node: Node): void {
    this.at(node);
    switch (node.type) {
      case NodeType.Action: {
        const a = node as ActionNode;
        const val = this.evalPipeline(dot, a.pipe);
        if (a.pipe.decl.length === 0) this.printValue(a, val);
        return;
      }
      case NodeType.Break:
        throw BREAK;
      case NodeType.Comment:
        return;
      case NodeType.Continue:
        throw CONTINUE;
      case NodeType.If:
      case NodeType.With:
        this.walkIfOrWith(node.type === NodeType.With, dot, node as BranchNode);
        return;
      case NodeType.List:
        for (const n of (node as ListNode).nodes) this.walk(dot, n);
        return;
      case NodeType.Range:
        this.walkRange(dot, node as RangeNode);
        return;
      case NodeType.Template:
        this.walkTemplate(dot, node as TemplateNode);
        return;
      case NodeType.Text: {
        const t = node as TextNode;
        if (this.out.track) {
          const [line, col] = nodeLineCol(t.tr, t.pos, t as unknown as Positioned);
          this.out.write(t.text, t.tr.parseName, line, col, 'text', undefined, undefined, this.site);
        } else {
          this.out.writeRaw(t.text);
        }
        return;
      }
      default:
        this.errorf(`unknown node: ${node.toString()}`);
    }
  }

  private walkIfOrWith(isWith: boolean, dot: GoValue, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (truth(val)) {
        if (isWith) {
          const saveIface = this.dotIface;
          const saveOrigin = this.dotOrigin;
          this.dotIface = false;
          this.dotOrigin = this.origin;
          try {
            this.walk(val, node.list);
          } finally {
            this.dotIface = saveIface;
            this.dotOrigin = saveOrigin;
          }
        } else {
          this.walk(dot, node.list);
        }
      } else if (node.elseList) {
        this.walk(dot, node.elseList);
      }
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: GoValue, r: RangeNode): void {
    this.at(r);
    const outerMark = this.vars.length;
    const saveIface = this.dotIface;
    const saveOrigin = this.dotOrigin;
    try {
      const val0 = this.evalPipeline(dot, r.pipe);
      const val = underlyingOf(val0);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const oneIteration = (index: GoValue, elem: GoValue, elemIface: boolean, elemOrigin: ValueOrigin | undefined): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) {
            if (decl.length > 1) this.setVar(decl[0].ident[0], index, false, undefined);
            else this.setVar(decl[0].ident[0], elem, elemIface, elemOrigin);
          } else {
            this.setTopVar(1, elem, elemIface, elemOrigin);
          }
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem, elemIface, elemOrigin);
          else this.setTopVar(2, index, false, undefined);
        }
        this.dotIface = elemIface;
        this.dotOrigin = elemOrigin;
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      let ran = false;
      if (typeof val === 'bigint') {
        if (decl.length > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
        for (let i = 0n; i < val; i++) {
          ran = true;
          oneIteration(undefined, i, false, undefined);
        }
      } else if (val instanceof GoInt) {
        // Ranging over an int64 (or uint8...) yields values of that kind.
        if (decl.length > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
        for (let i = 0n; i < val.value; i++) {
          ran = true;
          oneIteration(undefined, new GoInt(i, val.kind), false, undefined);
        }
      } else if (Array.isArray(val)) {
        for (let i = 0; i < val.length; i++) {
          ran = true;
          oneIteration(BigInt(i), val[i], true, this.ctx.trackProvenance ? getOrigin(val, i) : undefined);
        }
      } else if (val instanceof Uint8Array) {
        for (let i = 0; i < val.length; i++) {
          ran = true;
          oneIteration(BigInt(i), new GoInt(BigInt(val[i]), 'uint8'), false, undefined);
        }
      } else if (val === undefined || val === null) {
        // An invalid value acts like an empty map.
      } else if (isGoMap(val)) {
        for (const k of sortedKeys(val)) {
          ran = true;
          oneIteration(k, val[k], true, this.ctx.trackProvenance ? getOrigin(val, k) : undefined);
        }
      } else {
        this.errorf(`range can't iterate over ${formatValue(val0)}`);
      }
      if (!ran && r.elseList) {
        this.dotIface = saveIface;
        this.dotOrigin = saveOrigin;
        this.walk(dot, r.elseList);
      }
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.vars.length = outerMark;
      this.dotIface = saveIface;
      this.dotOrigin = saveOrigin;
    }
  }

  private walkTemplate(dot: GoValue, t: TemplateNode): void {
    this.at(t);
    const tree = this.env.lookup(t.name);
    if (tree === undefined || tree.root === null) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === maxExecDepth) this.errorf(`exceeded maximum template depth (${maxExecDepth})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const origin = this.origin;
    const saveName = this.tmplName;
    const saveVars = this.vars;
    const saveIface = this.dotIface;
    const saveOrigin = this.dotOrigin;
    const saveSite = this.site;
    this.tmplName = t.name;
    this.vars = [{ name: '$', value: newDot, iface: false, origin }];
    this.dotIface = false;
    this.dotOrigin = origin;
    if (this.out.track && saveSite === undefined) this.site = callSite(t);
    this.depth++;
    try {
      this.walk(newDot, tree.root);
    } catch (e) {
      let so = e;
      if (isStackOverflow(e)) so = new StackOverflow();
      if (so instanceof StackOverflow) {
        if (so.templateError === undefined && so.names.length === 0) {
          this.tmplName = saveName;
          this.at(t);
          so.templateError = new ExecError(this.errorPrefix() + `exceeded maximum template depth (${maxExecDepth})`, saveName);
          so.templateError.stackExhausted = true;
        }
        throw so;
      }
      throw e;
    } finally {
      this.depth--;
      this.tmplName = saveName;
      this.vars = saveVars;
      this.dotIface = saveIface;
      this.dotOrigin = saveOrigin;
      this.site = saveSite;
    }
  }

  // --- evaluation ---

  evalPipeline(dot: GoValue, pipe: PipeNode | null): GoValue {
    if (pipe === null) {
      this.origin = undefined;
      return undefined;
    }
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // A nil interface{} becomes the invalid value.
      if (value === null) value = undefined;
    }
    const v = value as GoValue;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0], v, false, this.origin);
      else this.push(variable.ident[0], v, false, this.origin);
    }
    return v;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${args[0].toString()}`);
  }

  private evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    const firstWord = cmd.args[0];
    switch (firstWord.type) {
      case NodeType.Field:
        return this.evalFieldNode(dot, firstWord as FieldNode, cmd.args, final);
      case NodeType.Chain:
        return this.evalChainNode(dot, firstWord as ChainNode, cmd.args, final);
      case NodeType.Identifier:
        return this.evalFunction(dot, firstWord as IdentifierNode, cmd, cmd.args, final);
      case NodeType.Pipe:
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, firstWord as PipeNode);
      case NodeType.Variable:
        return this.evalVariableNode(dot, firstWord as VariableNode, cmd.args, final);
    }
    this.at(firstWord);
    this.notAFunction(cmd.args, final);
    this.origin = undefined;
    switch (firstWord.type) {
      case NodeType.Bool:
        return (firstWord as BoolNode).value;
      case NodeType.Dot:
        this.origin = this.dotOrigin;
        return dot;
      case NodeType.Nil:
        this.errorf('nil is not a command');
        break;
      case NodeType.Number:
        return this.idealConstant(firstWord as NumberNode);
      case NodeType.String:
        return (firstWord as StringNode).text;
    }
    this.errorf(`can't evaluate command ${goQuote(firstWord.toString())}`);
  }

  private idealConstant(c: NumberNode): GoValue {
    this.at(c);
    if (c.isComplex && !c.isFloat) this.errorf(`${c.text} is a complex constant, which this renderer does not support`);
    if (c.isFloat && !isHexInt(c.text) && !isRuneInt(c.text) && /[.eEpP]/.test(c.text)) return c.float64;
    if (c.isInt) return c.int64;
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: GoValue, field: FieldNode, args: Node[] | null, final: Final): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, dot, this.dotIface, field, field.ident, args, final);
  }

  private evalChainNode(dot: GoValue, chain: ChainNode, args: Node[] | null, final: Final): GoValue {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === NodeType.Nil) this.errorf(`indirection through explicit nil in ${chain.toString()}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, false, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: GoValue, variable: VariableNode, args: Node[] | null, final: Final): GoValue {
    this.at(variable);
    const v = this.varValue(variable.ident[0]);
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [variable], final);
      this.origin = v.origin;
      return v.value;
    }
    return this.evalFieldChain(dot, v.value, v.iface, variable, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: GoValue,
    receiver: GoValue,
    iface: boolean,
    node: Node,
    ident: string[],
    args: Node[] | null,
    final: Final,
  ): GoValue {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver, iface);
      iface = this.resIface;
    }
    return this.evalField(dot, ident[n - 1], node, args, final, receiver, iface);
  }

  private evalFunction(dot: GoValue, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): GoValue {
    this.at(node);
    const name = node.ident;
    const funcs = this.env.funcs;
    if (Object.prototype.hasOwnProperty.call(funcs, name)) {
      const fn = funcs[name];
      return this.evalCall(dot, fn, goSignatureOf(fn) ?? anySig, false, cmd, name, args, final);
    }
    const b = builtins[name];
    if (b === undefined) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, b.fn, b.sig, true, cmd, name, args, final);
  }

  private evalField(
    dot: GoValue,
    fieldName: string,
    node: Node,
    args: Node[] | null,
    final: Final,
    receiver: GoValue,
    iface: boolean,
  ): GoValue {
    this.resIface = false;
    this.origin = undefined;
    if (receiver === undefined) {
      if (this.env.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const typ = iface ? 'interface {}' : goTypeName(receiver);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver instanceof GoObject) {
      const method = receiver.method(fieldName);
      if (method !== undefined) {
        return this.evalCall(dot, method, goSignatureOf(method) ?? anySig, false, node, fieldName, args, final);
      }
      const f = receiver.field(fieldName);
      if (f !== NO_FIELD) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return f;
      }
      const u = receiver.underlying();
      if (u !== undefined && isGoMap(u)) return this.mapField(u, fieldName, hasArgs);
    } else if (isGoMap(receiver)) {
      // Only exported (capitalised) names can be methods of a named map type.
      const c = fieldName.charCodeAt(0);
      if (c >= 65 && c <= 90) {
        const method = mapMethodsOf(receiver)?.method(receiver, fieldName);
        if (method !== undefined) return this.evalCall(dot, method, goSignatureOf(method) ?? anySig, false, node, fieldName, args, final);
      }
      return this.mapField(receiver, fieldName, hasArgs);
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private mapField(m: GoMap, fieldName: string, hasArgs: boolean): GoValue {
    if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
    this.resIface = true;
    if (Object.prototype.hasOwnProperty.call(m, fieldName)) {
      if (this.ctx.trackProvenance) this.origin = getOrigin(m, fieldName);
      const v = m[fieldName];
      return v === undefined ? null : v;
    }
    switch (this.env.missingKey) {
      case 'zero':
        return null;
      case 'error':
        this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
    }
    return undefined;
  }

  private evalCall(
    dot: GoValue,
    fn: GoFunction,
    sig: Signature,
    isBuiltin: boolean,
    node: Node,
    name: string,
    argNodes: Node[] | null,
    final: Final,
  ): GoValue {
    const args = argNodes !== null ? argNodes.slice(1) : [];
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    const nParams = sig.params.length;
    if (sig.variadic !== undefined) {
      numFixed = nParams;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${nParams} got ${args.length}`);
    } else if (numIn !== nParams) {
      this.errorf(`wrong number of args for ${name}: want ${nParams} got ${numIn}`);
    }

    // and/or short-circuit and return the deciding value.
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: GoValue = undefined;
      let o: ValueOrigin | undefined;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        o = this.origin;
        if (truth(v) === (name === 'or')) {
          this.origin = o;
          return v;
        }
      }
      if (final !== MISSING) {
        o = this.origin;
        v = this.validateType(final, 'value');
      }
      this.origin = o;
      return v;
    }

    const track = this.ctx.trackProvenance;
    const finalOrigin = this.origin;
    const argv: GoValue[] = new Array(numIn);
    const origins: (ValueOrigin | undefined)[] | null = track ? new Array(numIn) : null;
    let i = 0;
    for (; i < numFixed && i < args.length; i++) {
      argv[i] = this.evalArg(dot, sig.params[i], args[i]);
      if (origins) origins[i] = this.origin;
    }
    if (sig.variadic !== undefined) {
      for (; i < args.length; i++) {
        argv[i] = this.evalArg(dot, sig.variadic, args[i]);
        if (origins) origins[i] = this.origin;
      }
    }
    if (final !== MISSING) {
      let t: ParamKind;
      if (sig.variadic !== undefined) t = numIn - 1 < numFixed ? sig.params[numIn - 1] : sig.variadic;
      else t = sig.params[nParams - 1];
      argv[i] = this.validateType(final, t);
      if (origins) origins[i] = finalOrigin;
    }

    let callArgs = argv;
    if (isBuiltin && name === 'call') {
      const calleeName = args.length === 0 ? String(final as GoValue) : args[0].toString();
      callArgs = [calleeName, ...argv];
    }

    // tpl may print its string unchanged, and its result's spans then replace the string's own.
    const tplArgSpans = track && name === 'tpl' && typeof argv[0] === 'string' ? this.ctx.strSpans.get(argv[0]) : undefined;
    let v: GoValue;
    try {
      v = fn(...callArgs);
    } catch (e) {
      if (e === BREAK || e === CONTINUE) throw e;
      this.at(node);
      let so = e;
      if (isStackOverflow(e)) so = new StackOverflow();
      if (so instanceof StackOverflow) {
        if (name === 'include') so.units.unshift(this.errorPrefix() + 'error calling include: ');
        throw so;
      }
      if (isArgError(e)) this.errorf(e.message);
      this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (v === undefined) v = null;
    this.origin = undefined;
    if (track && origins) this.propagate(name, argv, origins, v, tplArgSpans);
    return v;
  }

  /** Provenance through function calls: the result keeps the origin/spans of the argument it contains. */
  private propagate(name: string, argv: GoValue[], origins: (ValueOrigin | undefined)[], result: GoValue, tplArgSpans?: OutputSpan[]): void {
    const ctx = this.ctx;
    const rs = typeof result === 'string' ? result : undefined;
    // Containers built from values keep the origins of their elements.
    if (name === 'dict' && isGoMap(result)) {
      for (let k = 0; k + 1 < argv.length; k += 2) {
        const o = origins[k + 1];
        if (o !== undefined && typeof argv[k] === 'string') setOrigin(result, argv[k] as string, o);
      }
      return;
    }
    if ((name === 'list' || name === 'tuple') && Array.isArray(result) && result.length === argv.length) {
      for (let k = 0; k < argv.length; k++) {
        const o = origins[k];
        if (o !== undefined) setOrigin(result, k, o);
      }
      return;
    }
    // An element read from a container has that element's origin.
    if (name === 'index' || name === 'get') {
      let c: GoValue = underlyingOf(argv[0]);
      let o: ValueOrigin | undefined;
      for (let k = 1; k < argv.length && c !== null && typeof c === 'object'; k++) {
        const key = argv[k];
        const kk = typeof key === 'bigint' ? Number(key) : key instanceof GoInt ? Number(key.value) : typeof key === 'string' ? key : undefined;
        if (kk === undefined) return;
        o = getOrigin(c as object, kk);
        c = underlyingOf(Array.isArray(c) ? c[kk as number] : isGoMap(c) ? c[kk as string] : undefined);
      }
      this.origin = o;
      return;
    }
    if (name === 'tpl') {
      // Helm's tpl (helm-engine.ts) runs its string as a template named like the set: no file.
      // What the string printed is placed at the printing action, with the string's values line.
      const spans = rs !== undefined && rs.length > 0 ? ctx.strSpans.get(rs) : undefined;
      const text = argv[0];
      if (spans !== undefined && typeof text === 'string') {
        ctx.strSpans.set(rs!, tplValueSpans(spans, this.env.name, text, tplArgSpans, origins[0]));
      }
      this.origin = origins[0];
      return;
    }
    if ((name === 'toYaml' || name === 'toYamlPretty') && rs !== undefined && rs.length > 0 && !ctx.strSpans.has(rs)) {
      const a = argv[0];
      if (a !== null && typeof a === 'object') {
        const spans = yamlLineSpans(rs, a);
        if (spans !== undefined) ctx.strSpans.set(rs, spans);
      }
    }
    for (let k = argv.length - 1; k >= 0; k--) {
      const a = argv[k];
      const o = origins[k];
      const as = typeof a === 'string' ? a : undefined;
      const sub = as !== undefined && as.length > 0 ? ctx.strSpans.get(as) : undefined;
      if (o === undefined && sub === undefined) continue;
      if (a === undefined || a === null || a === '') continue;
      let contains: boolean;
      if (typeof a === 'object' && !(a instanceof Uint8Array)) {
        contains = true; // a map or list serialized or transformed into the result
      } else if (rs !== undefined) {
        // An encoding (a Secret's `{{ .Values.password | b64enc }}`) is the value, written another way.
        contains = rs.includes(as ?? formatValue(a)) || name === 'indent' || name === 'nindent' || name === 'b64enc' || name === 'b32enc';
      } else {
        contains = result === a || (typeof result !== 'object' && result !== null && formatValue(result) === formatValue(a));
      }
      if (!contains) continue;
      if (o !== undefined) this.origin = o;
      if (sub !== undefined && rs !== undefined && rs !== as) {
        const mapped = mapSubSpans(name, as!, sub, rs, argv);
        if (mapped !== undefined && !ctx.strSpans.has(rs)) ctx.strSpans.set(rs, mapped);
      }
      return;
    }
  }

  private validateType(value: GoValue, typ: ParamKind | null): GoValue {
    if (value === undefined) {
      if (typ === null) return undefined;
      if (canBeNil(typ)) return typ === 'value' ? undefined : null;
      this.errorf(`invalid value; expected ${paramTypeName(typ)}`);
    }
    if (typ === null || typ === 'value' || typ === 'any') return value;
    let ok: boolean;
    switch (typ) {
      case 'string': ok = typeof value === 'string'; break;
      case 'int': ok = typeof value === 'bigint'; break;
      case 'float64': ok = typeof value === 'number'; break;
      case 'bool': ok = typeof value === 'boolean'; break;
      case 'map': ok = isGoMap(value); break;
      case 'slice': ok = Array.isArray(value); break;
      case 'uint32': ok = value instanceof GoInt && value.kind === 'uint32'; break;
      default: ok = value instanceof GoObject && 'type:' + value.goType() === typ;
    }
    if (!ok) {
      const got = value === null ? 'interface {}' : goTypeName(value);
      this.errorf(`wrong type for value; expected ${paramTypeName(typ)}; got ${got}`);
    }
    return value;
  }

  private evalArg(dot: GoValue, typ: ParamKind | null, n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case NodeType.Dot:
        this.origin = this.dotOrigin;
        return this.validateType(dot, typ);
      case NodeType.Nil:
        this.origin = undefined;
        if (typ !== null && canBeNil(typ)) return typ === 'value' ? undefined : null;
        this.errorf(`cannot assign nil to ${typ === null ? '<nil>' : paramTypeName(typ)}`);
        break;
      case NodeType.Field:
        return this.validateType(this.evalFieldNode(dot, n as FieldNode, [n], MISSING), typ);
      case NodeType.Variable:
        return this.validateType(this.evalVariableNode(dot, n as VariableNode, null, MISSING), typ);
      case NodeType.Pipe:
        return this.validateType(this.evalPipeline(dot, n as PipeNode), typ);
      case NodeType.Identifier:
        return this.validateType(this.evalFunction(dot, n as IdentifierNode, n, null, MISSING), typ);
      case NodeType.Chain:
        return this.validateType(this.evalChainNode(dot, n as ChainNode, null, MISSING), typ);
    }
    this.origin = undefined;
    switch (typ) {
      case 'bool':
        if (n.type === NodeType.Bool) return (n as BoolNode).value;
        this.errorf(`expected bool; found ${n.toString()}`);
        break;
      case 'float64':
        if (n.type === NodeType.Number && (n as NumberNode).isFloat) return (n as NumberNode).float64;
        this.errorf(`expected float; found ${n.toString()}`);
        break;
      case 'int':
        if (n.type === NodeType.Number && (n as NumberNode).isInt) return (n as NumberNode).int64;
        this.errorf(`expected integer; found ${n.toString()}`);
        break;
      case 'uint32':
        // Go sets the constant's uint64 into the uint32 (reflect.Value.SetUint truncates).
        if (n.type === NodeType.Number && (n as NumberNode).isUint) return new GoInt(BigInt.asUintN(32, (n as NumberNode).uint64), 'uint32');
        this.errorf(`expected unsigned integer; found ${n.toString()}`);
        break;
      case 'any':
      case 'value':
        return this.evalEmptyInterface(dot, n);
      case 'string':
        if (n.type === NodeType.String) return (n as StringNode).text;
        this.errorf(`expected string; found ${n.toString()}`);
        break;
    }
    this.errorf(`can't handle ${n.toString()} for arg of type ${typ === null ? '<nil>' : paramTypeName(typ)}`);
  }

  private evalEmptyInterface(dot: GoValue, n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case NodeType.Bool:
        return (n as BoolNode).value;
      case NodeType.Number:
        return this.idealConstant(n as NumberNode);
      case NodeType.String:
        return (n as StringNode).text;
    }
    this.errorf(`can't handle assignment of ${n.toString()} to empty interface argument`);
  }

  private printValue(n: ActionNode, v: GoValue): void {
    this.at(n);
    let s: string;
    if (v === undefined || v === null) s = '<no value>';
    else if (typeof v === 'function') this.errorf(`can't print ${n.toString()} of type ${goTypeName(v)}`);
    else if (v instanceof GoObject) s = v.formatAction();
    else s = formatValue(v);
    const out = this.out;
    if (!out.track) {
      out.writeRaw(s);
      return;
    }
    const [line, col] = nodeLineCol(n.tr, n.delimPos, n as unknown as Positioned);
    const origin = this.origin;
    const sub = typeof v === 'string' && s.length > 0 ? this.ctx.strSpans.get(s) : undefined;
    const end = actionEnd(n);
    if (sub !== undefined) out.writeWithSpans(s, sub, n.tr.parseName, line, col, end, origin, this.site ?? callSite(n), this.site);
    else out.write(s, n.tr.parseName, line, col, 'action', origin, end, this.site);
  }
}

function isRuneInt(s: string): boolean {
  return s.length > 0 && s[0] === "'";
}

function isHexInt(s: string): boolean {
  return s.length > 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X') && !/[pP]/.test(s);
}

/** Maps the spans of an argument string to where that string sits inside a function's result. */
function mapSubSpans(name: string, arg: string, sub: OutputSpan[], result: string, argv: GoValue[]): OutputSpan[] | undefined {
  if ((name === 'indent' || name === 'nindent') && typeof argv[0] === 'bigint') {
    const pad = ' '.repeat(Number(argv[0]));
    const prefix = (name === 'nindent' ? 1 : 0) + pad.length;
    const expected = (name === 'nindent' ? '\n' : '') + pad + arg.replaceAll('\n', '\n' + pad);
    if (expected !== result) return undefined;
    // Offset of each argument position in the result.
    const nlBefore: number[] = new Array(arg.length + 1);
    let count = 0;
    for (let i = 0; i <= arg.length; i++) {
      nlBefore[i] = count;
      if (i < arg.length && arg.charCodeAt(i) === 0x0a) count++;
    }
    const map = (x: number) => prefix + x + pad.length * nlBefore[x];
    const out: OutputSpan[] = [];
    for (const sp of sub) {
      const end = sp.end >= arg.length ? result.length : map(sp.end);
      if (sp.kind !== 'text' || pad.length === 0 || nlBefore[sp.end] === nlBefore[sp.start]) {
        out.push({ ...sp, start: map(sp.start), end });
        continue;
      }
      // Template text over several lines: one span per line, so that the padding (a gap,
      // the indenting action's) does not shift the columns of the lines after the first.
      let from = sp.start;
      let line = sp.line;
      let column = sp.column;
      for (let nl = arg.indexOf('\n', from); from < sp.end; nl = arg.indexOf('\n', from)) {
        const stop = nl < 0 || nl >= sp.end ? sp.end : nl + 1;
        out.push({ ...sp, start: map(from), end: stop === nl + 1 ? map(nl) + 1 : end, line, column });
        from = stop;
        line++;
        column = 1;
      }
    }
    return out;
  }
  const at = result.indexOf(arg);
  if (at < 0) return undefined;
  return sub.map((sp) => ({ ...sp, start: sp.start + at, end: sp.end + at }));
}

/** Runs a parsed tree with data into out (Template.Execute). */
export function executeTree(env: ExecEnv, name: string, tree: Tree | undefined, data: GoValue, out: Output, ctx: RenderContext): void {
  const s: State = new State(env, name, out, ctx, data);
  const root = tree?.root ?? null;
  if (root === null) s.errorf(`${goQuote(name)} is an incomplete or empty template`);
  ctx.nesting++;
  try {
    s.walk(data, root);
  } catch (e) {
    let so = e;
    if (isStackOverflow(e)) so = new StackOverflow();
    // The outermost execution reports a pure `template` recursion itself;
    // include chains go up to the Helm layer, which knows the include limit.
    if (so instanceof StackOverflow && ctx.nesting === 1 && so.names.length === 0) {
      const err = so.templateError ?? new ExecError(s.errorPrefix() + `exceeded maximum template depth (${maxExecDepth})`, name);
      err.stackExhausted = true;
      throw err;
    }
    throw so;
  } finally {
    ctx.nesting--;
  }
}
