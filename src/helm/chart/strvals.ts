/**
 * Helm's `--set` family syntax (pkg/strvals): `a.b=1,list[0]=x,c=x\,y`,
 * `{a,b}` lists, type inference for `--set` (ints are int64, a GoInt),
 * strings for `--set-string`, JSON for `--set-json`, file contents for
 * `--set-file` and the whole rest of the argument for `--set-literal`.
 *
 * The parser mirrors Helm's so that odd inputs (escapes, indexes out of
 * order, `key.`, `a[0]b`) give the same maps and the same error text.
 */
import { goInt64, setOrigin, isGoMap, type GoMap, type GoValue, type ValueOrigin } from '../go/value.js';
import { goQuote } from '../go/quote.js';
import { goInterfaceTypeName } from '../go/reflect.js';
import { isSpace } from '../go/unicode.js';
import { quoteChar } from '../yaml/go-json.js';

export class StrvalsError extends Error {}

/** A Go panic inside the parser (a failed type assertion); Helm recovers it as "unable to parse key: ...". */
class ParsePanic extends Error {}

const EOF = Symbol('EOF');
class EofError extends Error {
  constructor() {
    super('EOF');
  }
}
const NOT_LIST = 'not a list';

/** Helm's limits. */
const MAX_INDEX = 65536;
const MAX_NESTED_NAME_LEVEL = 30;
/**
 * Ours: Helm bounds name nesting (a.b.c) but not list nesting (a[0][0]...), which Go's growable
 * stack takes 30,000 deep; JavaScript's stack does not. No real --set nests lists this deep.
 */
const MAX_LIST_NESTING = 1000;

/** Turns the runes of a value into the stored value (typed, string, or a file's contents). */
export type RunesReader = (runes: string) => GoValue;

export function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

type Mode = 'typed' | 'string' | 'json' | 'file' | 'literal';

/** A rune scanner over the argument (Go reads runes, so do we: astral characters stay whole). */
class Scanner {
  readonly runes: string[];
  pos = 0;
  constructor(s: string) {
    this.runes = Array.from(s);
  }
  read(): string | typeof EOF {
    return this.pos < this.runes.length ? this.runes[this.pos++] : EOF;
  }
  unread(): void {
    this.pos--;
  }
  rest(): string {
    return this.runes.slice(this.pos).join('');
  }
}

interface Until {
  text: string;
  last: string | typeof EOF;
}

function runesUntil(sc: Scanner, stop: string, escapes: boolean): Until {
  let text = '';
  for (;;) {
    const r = sc.read();
    if (r === EOF) return { text, last: EOF };
    if (stop.includes(r)) return { text, last: r };
    if (escapes && r === '\\') {
      const next = sc.read();
      if (next === EOF) return { text, last: EOF };
      text += next;
      continue;
    }
    text += r;
  }
}

/** Helm's typedVal: true/false/null (any case), 0, and base-10 int64 without a leading zero. */
export function typedVal(val: string, forceString: boolean): GoValue {
  if (forceString) return val;
  const lower = val.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (val === '0') return goInt64(0n);
  if (val.length > 0 && val[0] !== '0' && /^[+-]?[0-9]+$/.test(val)) {
    const n = BigInt(val);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return goInt64(n);
  }
  return val;
}

class Parser {
  private readonly sc: Scanner;
  private listNesting = 0;
  constructor(
    text: string,
    private readonly data: GoMap,
    private readonly mode: Mode,
    private readonly reader: RunesReader,
    private readonly origin: ValueOrigin | undefined,
  ) {
    this.sc = new Scanner(text);
  }

  parse(): void {
    for (;;) {
      try {
        this.key(this.data, 0);
      } catch (e) {
        if (e instanceof EofError) return;
        throw e;
      }
    }
  }

  private set(data: GoMap, key: string, val: GoValue): void {
    if (key.length === 0) return;
    data[key] = val;
    if (this.origin) setOrigin(data, key, this.origin);
  }

  private setIndex(list: GoValue[], index: number, val: GoValue): GoValue[] {
    if (index < 0) throw new StrvalsError(`negative ${index} index not allowed`);
    if (index > MAX_INDEX) throw new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
    while (list.length <= index) list.push(null);
    list[index] = val;
    if (this.origin) setOrigin(list, index, this.origin);
    return list;
  }

  private get escapes(): boolean {
    return this.mode !== 'literal';
  }

  /** One `key...=value` item; throws EofError at the end of input. */
  private key(data: GoMap, nestedNameLevel: number): void {
    try {
      this.keyInner(data, nestedNameLevel);
    } catch (e) {
      if (e instanceof ParsePanic) throw new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyInner(data: GoMap, nestedNameLevel: number): void {
    const stop = this.mode === 'literal' ? '=[.' : '=[,.';
    const { text: k, last } = runesUntil(this.sc, stop, this.escapes);
    if (last === EOF) {
      if (k.length === 0) throw new EofError();
      throw new StrvalsError(`key ${goQuote(k)} has no value`);
    }
    switch (last) {
      case '[': {
        const i = this.keyIndex();
        let list: GoValue[] = [];
        if (k in data) list = assertList(data[k]);
        try {
          list = this.listItem(list, i, nestedNameLevel);
        } finally {
          this.set(data, k, list);
        }
        return;
      }
      case '=':
        this.assignValue(data, k);
        return;
      case ',':
        this.set(data, k, '');
        throw new StrvalsError(`key ${goQuote(k)} has no value (cannot end with ,)`);
      case '.': {
        nestedNameLevel++;
        if (nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
          throw new StrvalsError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
        }
        let inner = newMap();
        if (k in data) inner = assertMap(data[k]);
        let err: unknown;
        try {
          this.key(inner, nestedNameLevel);
        } catch (e) {
          err = e;
        }
        if (err === undefined && Object.keys(inner).length === 0) throw new StrvalsError(`key map ${goQuote(k)} has no value`);
        if (Object.keys(inner).length !== 0) this.set(data, k, inner);
        if (err !== undefined) throw err;
        return;
      }
    }
  }

  /** After `key=`: the value, by mode. */
  private assignValue(data: GoMap, k: string): void {
    if (this.mode === 'literal') {
      this.set(data, k, this.sc.rest());
      this.sc.pos = this.sc.runes.length;
      return;
    }
    if (this.mode === 'json') {
      if (this.emptyVal()) {
        this.set(data, k, null);
        return;
      }
      this.set(data, k, this.jsonValue());
      this.emptyVal();
      return;
    }
    const vl = this.valList();
    if (vl === EOF) {
      this.set(data, k, '');
      throw new EofError();
    }
    if (vl !== NOT_LIST) {
      this.set(data, k, vl);
      return;
    }
    const { text } = runesUntil(this.sc, ',', true);
    this.set(data, k, this.reader(text));
  }

  private keyIndex(): number {
    const { text, last } = runesUntil(this.sc, ']', this.escapes);
    // Helm wraps this EOF ("error parsing index: EOF"), so it is an error, not the end.
    if (last === EOF) throw new StrvalsError('error parsing index: EOF');
    if (!/^[+-]?[0-9]+$/.test(text)) {
      throw new StrvalsError(`error parsing index: strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`);
    }
    const n = Number(text);
    if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63) {
      throw new StrvalsError(`error parsing index: strconv.Atoi: parsing ${goQuote(text)}: value out of range`);
    }
    return n;
  }

  private listItem(list: GoValue[], i: number, nestedNameLevel: number): GoValue[] {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { text: k, last } = runesUntil(this.sc, '[.=', this.escapes);
    if (k.length > 0) throw new StrvalsError(`unexpected data at end of array index: ${goQuote(k)}`);
    if (last === EOF) throw new EofError();
    switch (last) {
      case '=': {
        if (this.mode === 'literal') {
          const rest = this.sc.rest();
          this.sc.pos = this.sc.runes.length;
          return this.setIndex(list, i, rest);
        }
        if (this.mode === 'json') {
          if (this.emptyVal()) return this.setIndex(list, i, null);
          const v = this.jsonValue();
          list = this.setIndex(list, i, v);
          this.emptyVal();
          return list;
        }
        const vl = this.valList();
        if (vl === EOF) return this.setIndex(list, i, '');
        if (vl !== NOT_LIST) return this.setIndex(list, i, vl);
        const { text } = runesUntil(this.sc, ',', true);
        return this.setIndex(list, i, this.reader(text));
      }
      case '[': {
        const nextI = this.keyIndex();
        let crt: GoValue[] = [];
        if (list.length > i && list[i] !== null && list[i] !== undefined) crt = assertList(list[i]);
        if (++this.listNesting > MAX_LIST_NESTING) throw new StrvalsError(`lists are nested more than ${MAX_LIST_NESTING} levels deep`);
        try {
          const list2 = this.listItem(crt, nextI, nestedNameLevel);
          return this.setIndex(list, i, list2);
        } finally {
          this.listNesting--;
        }
      }
      case '.': {
        let inner = newMap();
        if (list.length > i) {
          const existing = list[i];
          if (isGoMap(existing)) inner = existing;
          else list[i] = inner;
        }
        this.key(inner, nestedNameLevel);
        return this.setIndex(list, i, inner);
      }
      default:
        throw new StrvalsError(`parse error: unexpected token ${last.codePointAt(0)}`);
    }
  }

  /** Skips blanks up to a comma or the end (an empty value) or stops before anything else. */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === EOF || r === ',') return true;
      if (!isSpace(r.charCodeAt(0))) {
        this.sc.unread();
        return false;
      }
    }
  }

  /** `{a,b,c}` as a list, or NOT_LIST (nothing consumed), or EOF. */
  private valList(): GoValue[] | typeof NOT_LIST | typeof EOF {
    const r = this.sc.read();
    if (r === EOF) return EOF;
    if (r !== '{') {
      this.sc.unread();
      return NOT_LIST;
    }
    const list: GoValue[] = [];
    for (;;) {
      const { text, last } = runesUntil(this.sc, ',}', true);
      if (last === EOF) throw new StrvalsError("list must terminate with '}'");
      if (last === '}') {
        const next = this.sc.read();
        if (next !== EOF && next !== ',') this.sc.unread();
        list.push(this.reader(text));
        return list;
      }
      list.push(this.reader(text));
    }
  }

  /** One JSON value from the rest of the input (Go's json.Decoder.Decode + InputOffset). */
  private jsonValue(): GoValue {
    const rest = this.sc.rest();
    const { value, end } = parseJsonPrefix(rest);
    this.sc.pos += Array.from(rest.slice(0, end)).length;
    return value;
  }
}

function assertList(v: GoValue): GoValue[] {
  if (Array.isArray(v)) return v;
  throw new ParsePanic(`interface conversion: interface {} is ${goInterfaceTypeName(v)}, not []interface {}`);
}

function assertMap(v: GoValue): GoMap {
  if (isGoMap(v)) return v;
  throw new ParsePanic(`interface conversion: interface {} is ${goInterfaceTypeName(v)}, not map[string]interface {}`);
}

/**
 * Parses one JSON value at the start of `s` (after optional white space) and
 * returns it with the offset just past it. Numbers become float64; objects
 * null-prototype maps.
 */
export function parseJsonPrefix(s: string): { value: GoValue; end: number } {
  let i = 0;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const fail = (): never => {
    if (i >= s.length) throw new StrvalsError('unexpected EOF');
    throw new StrvalsError(`invalid character ${quoteChar(s[i])} looking for beginning of value`);
  };
  const value = (): GoValue => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      const m = newMap();
      ws();
      if (s[i] === '}') {
        i++;
        return m;
      }
      for (;;) {
        ws();
        if (s[i] !== '"') fail();
        const k = str();
        ws();
        if (s[i] !== ':') fail();
        i++;
        m[k] = value();
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') {
          i++;
          return m;
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const a: GoValue[] = [];
      ws();
      if (s[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value());
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') {
          i++;
          return a;
        }
        fail();
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (s.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(s.slice(i));
    if (m) {
      i += m[0].length;
      return Number(m[0]);
    }
    return fail();
  };
  const str = (): string => {
    const m = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(s.slice(i));
    if (!m) fail();
    i += m![0].length;
    return JSON.parse(m![0]) as string;
  };
  const v = value();
  return { value: v, end: i };
}

function parseInto(mode: Mode, text: string, dest: GoMap, reader: RunesReader, origin?: ValueOrigin): void {
  new Parser(text, dest, mode, reader, origin).parse();
}

/** `--set`: typed values merged into dest. */
export function parseSetInto(text: string, dest: GoMap, origin?: ValueOrigin): void {
  parseInto('typed', text, dest, (rs) => typedVal(rs, false), origin);
}

/** `--set-string`: every value a string. */
export function parseSetStringInto(text: string, dest: GoMap, origin?: ValueOrigin): void {
  parseInto('string', text, dest, (rs) => typedVal(rs, true), origin);
}

/** `--set-json`: every value JSON; an empty value is null. */
export function parseSetJsonInto(text: string, dest: GoMap, origin?: ValueOrigin): void {
  parseInto('json', text, dest, () => null, origin);
}

/** `--set-file`: every value is a path whose contents become the value. */
export function parseSetFileInto(text: string, dest: GoMap, readFile: (path: string) => string, origin?: ValueOrigin): void {
  parseInto('file', text, dest, (rs) => readFile(rs), origin);
}

/** `--set-literal`: the value is the rest of the argument, verbatim. */
export function parseSetLiteralInto(text: string, dest: GoMap, origin?: ValueOrigin): void {
  parseInto('literal', text, dest, (rs) => rs, origin);
}
