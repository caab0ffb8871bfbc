/**
 * A tiny evaluator for the golden cases: text with `{{ pipeline }}` actions,
 * where a pipeline is `cmd | cmd ...`, a command is `fn arg...` or a single
 * operand, and operands are literals (Go's int/float/string/char/raw-string
 * syntax, true/false/nil), `.field.chains` into the data, or `( pipeline )`.
 * It lets the Sprig functions be tested against gotpl without depending on
 * the real template engine; it is not a template engine.
 */
import type { GoFunction, GoMap, GoValue } from '../../src/helm/go/value.js';
import { isGoMap } from '../../src/helm/go/value.js';
import { formatValue } from '../../src/helm/go/fmt.js';

type Token =
  | { kind: 'ident'; text: string }
  | { kind: 'field'; path: string[] }
  | { kind: 'value'; value: GoValue }
  | { kind: 'pipe' }
  | { kind: 'open' }
  | { kind: 'close'; chain: string[] };

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/** strconv.Unquote for "..." and '...' (the quotes removed), on code points. */
function unescapeGo(body: string): string {
  const bytes: number[] = [];
  const pushText = (s: string): void => {
    for (const b of Buffer.from(s, 'utf8')) bytes.push(b);
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      const cp = body.codePointAt(i) as number;
      pushText(String.fromCodePoint(cp));
      if (cp > 0xffff) i++;
      continue;
    }
    const e = body[++i];
    if (e in SIMPLE_ESCAPES) pushText(SIMPLE_ESCAPES[e]);
    else if (e === 'x') {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      pushText(String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + n), 16)));
      i += n;
    } else if (e >= '0' && e <= '7') {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else throw new Error(`bad escape \\${e}`);
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A Go number constant: ints become bigint (Go's int), anything with . or an exponent a float64. */
function parseNumber(text: string): GoValue {
  const t = text.replace(/_/g, '');
  const isHex = /^[+-]?0[xX]/.test(t);
  if (!isHex && /[.eE]/.test(t)) return Number(t);
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  let v: bigint;
  if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
  else v = BigInt(body);
  return neg ? -v : v;
}

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '|') {
      out.push({ kind: 'pipe' });
      i++;
    } else if (c === '(') {
      out.push({ kind: 'open' });
      i++;
    } else if (c === ')') {
      // A field chain right after the parenthesis: (split "." "a.b")._0
      const m = /^\)((?:\.[A-Za-z0-9_]+)*)/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ kind: 'close', chain: m[1] ? m[1].slice(1).split('.') : [] });
      i += m[0].length;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new Error('mini-template: unterminated string');
      out.push({ kind: 'value', value: unescapeGo(src.slice(i + 1, j)) });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw new Error('mini-template: unterminated raw string');
      out.push({ kind: 'value', value: src.slice(i + 1, j).replace(/\r/g, '') });
      i = j + 1;
    } else if (c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new Error('mini-template: unterminated character');
      const ch = unescapeGo(src.slice(i + 1, j));
      out.push({ kind: 'value', value: BigInt(ch.codePointAt(0) as number) });
      i = j + 1;
    } else if (c === '.') {
      const m = /^\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)?/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ kind: 'field', path: m[1] ? m[1].split('.') : [] });
      i += m[0].length;
    } else if (/[-+0-9]/.test(c)) {
      const m = /^[-+]?(?:0[xX][0-9a-fA-F_]+|[0-9_]*\.?[0-9_]*(?:[eE][-+]?[0-9]+)?)/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ kind: 'value', value: parseNumber(m[0]) });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
      if (!m) throw new Error(`mini-template: unexpected ${JSON.stringify(src.slice(i))}`);
      const w = m[0];
      if (w === 'true' || w === 'false') out.push({ kind: 'value', value: w === 'true' });
      else if (w === 'nil') out.push({ kind: 'value', value: null });
      else out.push({ kind: 'ident', text: w });
      i += w.length;
    }
  }
  return out;
}

/** Test-only stand-ins for Sprig's list and dict (another module's functions). */
const helpers: Record<string, GoFunction> = {
  list: (...xs) => xs.map((x) => (x === undefined ? null : x)),
  dict: (...kv) => {
    const m: GoMap = Object.create(null);
    for (let i = 0; i < kv.length; i += 2) m[String(kv[i])] = i + 1 < kv.length ? kv[i + 1] : null;
    return m;
  },
};

class Evaluator {
  private pos = 0;
  constructor(
    private readonly toks: Token[],
    private readonly funcs: Record<string, GoFunction>,
    private readonly data: GoValue,
  ) {}

  run(): GoValue {
    const v = this.pipeline();
    if (this.pos !== this.toks.length) throw new Error('mini-template: trailing tokens');
    return v;
  }

  private pipeline(): GoValue {
    let v = this.command(undefined, false);
    while (this.toks[this.pos]?.kind === 'pipe') {
      this.pos++;
      v = this.command(v, true);
    }
    return v;
  }

  private fn(name: string): GoFunction {
    const f = this.funcs[name] ?? helpers[name];
    if (!f) throw new Error(`mini-template: no function ${name}`);
    return f;
  }

  private command(piped: GoValue, hasPiped: boolean): GoValue {
    const head = this.toks[this.pos];
    if (head?.kind === 'ident') {
      this.pos++;
      const args: GoValue[] = [];
      while (this.pos < this.toks.length && !['pipe', 'close'].includes(this.toks[this.pos].kind)) args.push(this.operand());
      if (hasPiped) args.push(piped);
      return this.fn(head.text)(...args);
    }
    if (hasPiped) throw new Error('mini-template: cannot pipe into a value');
    return this.operand();
  }

  private operand(): GoValue {
    const t = this.toks[this.pos++];
    switch (t.kind) {
      case 'value':
        return t.value;
      case 'field': {
        let v: GoValue = this.data;
        for (const k of t.path) v = isGoMap(v) ? v[k] : undefined;
        return v;
      }
      case 'open': {
        let v = this.pipeline();
        const close = this.toks[this.pos++];
        if (close?.kind !== 'close') throw new Error('mini-template: missing )');
        for (const k of close.chain) v = isGoMap(v) ? v[k] : undefined;
        return v;
      }
      case 'ident':
        // A niladic function used as an argument.
        return this.fn(t.text)();
      default:
        throw new Error(`mini-template: unexpected ${t.kind}`);
    }
  }
}

/** Index of the `}}` closing an action, skipping quoted and raw strings (a pattern may contain "}}"). */
function findActionEnd(t: string, from: number): number {
  for (let i = from; i < t.length; i++) {
    const c = t[i];
    if (c === '"' || c === "'") {
      for (i++; i < t.length && t[i] !== c; i++) if (t[i] === '\\') i++;
    } else if (c === '`') {
      i = t.indexOf('`', i + 1);
      if (i < 0) break;
    } else if (c === '}' && t[i + 1] === '}') {
      return i;
    }
  }
  throw new Error('mini-template: unclosed action');
}

/** Renders text with actions, printing each result with Go's %v as text/template does. */
export function renderMini(template: string, funcs: Record<string, GoFunction>, data: GoValue): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    let text = template.slice(i, open);
    let start = open + 2;
    if (template[start] === '-' && template[start + 1] === ' ') {
      text = text.replace(/\s+$/, '');
      start++;
    }
    out += text;
    const close = findActionEnd(template, start);
    let end = close;
    let next = close + 2;
    if (template[close - 1] === '-' && template[close - 2] === ' ') {
      end = close - 1;
      const m = /^\s*/.exec(template.slice(next)) as RegExpExecArray;
      next += m[0].length;
    }
    const v = new Evaluator(lex(template.slice(start, end)), funcs, data).run();
    // A nil result is an invalid reflect.Value to text/template: it prints
    // "<no value>", which Helm removes.
    out += v === undefined || v === null ? '' : formatValue(v);
    i = next;
  }
  return out;
}
