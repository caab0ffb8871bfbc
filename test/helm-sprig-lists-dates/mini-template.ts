/**
 * A tiny evaluator for the subset of Go template syntax the golden cases use:
 * text, `{{ }}` actions with `-` trims, `$x :=` / `$x =`, pipelines, function
 * calls, parenthesised pipelines, string/raw/number/bool/nil literals, `.A.B`
 * data chains and method calls on GoObjects. It exists so that the Sprig
 * functions can be checked against the Go reference before the real engine
 * (src/helm/template) is ready; it is not that engine.
 */
import { GoObject, NO_FIELD, isGoMap, type GoFunction, type GoValue } from '../../src/helm/go/value.js';
import { formatV } from '../../src/helm/sprig/arguments.js';

export class CallError extends Error {
  constructor(readonly fn: string, message: string) {
    super(message);
  }
}

type Node =
  | { t: 'lit'; v: GoValue }
  | { t: 'var'; name: string; chain: string[] }
  | { t: 'dot'; chain: string[] }
  | { t: 'pipe'; cmds: Node[][]; chain: string[] }
  | { t: 'ident'; name: string };

interface Action {
  assign?: { name: string; declare: boolean };
  cmds: Node[][];
}

function tokenize(src: string): string[] {
  const toks: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      toks.push(src.slice(i, j + 1)); i = j + 1; continue;
    }
    if (c === '`') {
      const j = src.indexOf('`', i + 1);
      toks.push(src.slice(i, j + 1)); i = j + 1; continue;
    }
    if (c === '(' || c === ')' || c === '|') { toks.push(c); i++; continue; }
    if (src.startsWith(':=', i)) { toks.push(':='); i += 2; continue; }
    if (c === '=') { toks.push('='); i++; continue; }
    let j = i;
    while (j < src.length && !/[\s()|]/.test(src[j])) j++;
    // A field chain glued to ')' applies to the parenthesised value.
    const glued = c === '.' && i > 0 && src[i - 1] === ')';
    toks.push((glued ? '~' : '') + src.slice(i, j)); i = j;
  }
  return toks;
}

function parseString(tok: string): string {
  if (tok.startsWith('`')) return tok.slice(1, -1);
  return JSON.parse(tok.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string;
}

class Parser {
  private p = 0;
  constructor(private toks: string[]) {}
  private peek(): string | undefined { return this.toks[this.p]; }
  action(): Action {
    let assign: Action['assign'];
    if (this.peek()?.startsWith('$') && (this.toks[this.p + 1] === ':=' || this.toks[this.p + 1] === '=')) {
      assign = { name: this.toks[this.p], declare: this.toks[this.p + 1] === ':=' };
      this.p += 2;
    }
    const cmds = this.pipeline();
    if (this.p !== this.toks.length) throw new Error(`unexpected ${this.peek()}`);
    return { assign, cmds };
  }
  private pipeline(): Node[][] {
    const cmds: Node[][] = [];
    for (;;) {
      const cmd: Node[] = [];
      while (this.peek() !== undefined && this.peek() !== '|' && this.peek() !== ')') cmd.push(this.operand());
      cmds.push(cmd);
      if (this.peek() !== '|') return cmds;
      this.p++;
    }
  }
  private operand(): Node {
    const tok = this.toks[this.p++];
    if (tok === '(') {
      const cmds = this.pipeline();
      this.p++; // ')'
      let chain: string[] = [];
      const next = this.peek();
      if (next && next.startsWith('~.')) { chain = next.slice(2).split('.'); this.p++; }
      return { t: 'pipe', cmds, chain };
    }
    if (tok.startsWith('"') || tok.startsWith('`')) return { t: 'lit', v: parseString(tok) };
    if (tok === 'true' || tok === 'false') return { t: 'lit', v: tok === 'true' };
    if (tok === 'nil') return { t: 'lit', v: null };
    if (/^[-+]?(0[xX][0-9a-fA-F]+|\d+)$/.test(tok)) return { t: 'lit', v: BigInt(tok.replace(/^\+/, '')) };
    if (/^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+)$/.test(tok)) return { t: 'lit', v: Number(tok) };
    if (tok.startsWith('$')) {
      const [name, ...chain] = tok.split('.');
      return { t: 'var', name, chain };
    }
    if (tok === '.') return { t: 'dot', chain: [] };
    if (tok.startsWith('.')) return { t: 'dot', chain: tok.slice(1).split('.') };
    return { t: 'ident', name: tok };
  }
}

export class MiniTemplate {
  private vars = new Map<string, GoValue>();
  constructor(private funcs: Record<string, GoFunction>, private data: GoValue) {
    this.vars.set('$', data);
  }

  /** Renders the template; throws CallError when a function fails. */
  render(src: string): string {
    let out = '';
    let i = 0;
    while (i < src.length) {
      const open = src.indexOf('{{', i);
      if (open < 0) { out += src.slice(i); break; }
      let text = src.slice(i, open);
      let start = open + 2;
      if (src[start] === '-' && /\s/.test(src[start + 1])) { text = text.replace(/\s+$/, ''); start++; }
      out += text;
      const close = src.indexOf('}}', start);
      let inner = src.slice(start, close);
      i = close + 2;
      if (inner.endsWith('-') && /\s/.test(inner[inner.length - 2])) {
        inner = inner.slice(0, -1);
        const m = /^\s*/.exec(src.slice(i));
        i += m ? m[0].length : 0;
      }
      const action = new Parser(tokenize(inner)).action();
      const v = this.pipe(action.cmds);
      if (action.assign) this.vars.set(action.assign.name, v);
      else out += printTop(v);
    }
    return out;
  }

  private pipe(cmds: Node[][]): GoValue {
    let prev: GoValue | typeof NONE = NONE;
    for (const cmd of cmds) prev = this.command(cmd, prev);
    return prev === NONE ? null : prev;
  }

  private command(cmd: Node[], piped: GoValue | typeof NONE): GoValue {
    const [head, ...rest] = cmd;
    const args = (): GoValue[] => {
      const a = rest.map((n) => this.value(n));
      if (piped !== NONE) a.push(piped);
      return a;
    };
    if (head.t === 'ident') {
      const fn = this.funcs[head.name];
      if (!fn) throw new Error(`function "${head.name}" not defined`);
      try {
        return fn(...args());
      } catch (e) {
        if (e instanceof CallError) throw e;
        throw new CallError(head.name, (e as Error).message);
      }
    }
    // A chain ending in a method may take arguments: (x).Method a b
    if ((head.t === 'pipe' || head.t === 'var' || head.t === 'dot') && head.chain.length > 0) {
      const base = head.t === 'pipe' ? this.pipe(head.cmds) : head.t === 'var' ? this.vars.get(head.name) : this.data;
      const upTo = walk(base, head.chain.slice(0, -1));
      return access(upTo, head.chain[head.chain.length - 1], args());
    }
    if (rest.length > 0 || piped !== NONE) throw new Error("can't give argument to non-function");
    return this.value(head);
  }

  private value(n: Node): GoValue {
    switch (n.t) {
      case 'lit': return n.v;
      case 'var': return walk(this.vars.get(n.name), n.chain);
      case 'dot': return walk(this.data, n.chain);
      case 'pipe': return walk(this.pipe(n.cmds), n.chain);
      case 'ident': {
        const fn = this.funcs[n.name];
        if (!fn) throw new Error(`function "${n.name}" not defined`);
        try {
          return fn();
        } catch (e) {
          throw new CallError(n.name, (e as Error).message);
        }
      }
    }
  }
}

const NONE = Symbol('none');

function walk(v: GoValue, chain: string[]): GoValue {
  for (const name of chain) v = access(v, name, []);
  return v;
}

function access(v: GoValue, name: string, args: GoValue[]): GoValue {
  if (v instanceof GoObject) {
    const m = v.method(name);
    if (m) {
      try {
        return m(...args);
      } catch (e) {
        throw new CallError(name, (e as Error).message);
      }
    }
    const f = v.field(name);
    if (f === NO_FIELD) throw new Error(`can't evaluate field ${name} in type ${v.goType()}`);
    return f;
  }
  if (v !== null && v !== undefined && isGoMap(v)) return v[name];
  if (v === null || v === undefined) return undefined;
  throw new Error(`can't evaluate field ${name}`);
}

/** What `{{ v }}` prints after Helm drops "<no value>". */
function printTop(v: GoValue): string {
  if (v === null || v === undefined) return '';
  return formatV(v);
}
