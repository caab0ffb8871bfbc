/**
 * text/template's builtin functions (funcs.go): and, or, not, len, index,
 * slice, print, printf, println, html, js, urlquery, call, eq, ne, lt, le, gt, ge.
 *
 * Builtins see Go's reflect.Value semantics: `undefined` is an invalid value
 * (no value), `null` a nil interface. Errors are thrown as plain Errors whose
 * message is Go's; the executor prefixes "error calling NAME: ".
 */
import { GoInt, GoObject, isGoMap, isTrue, type GoFunction, type GoMap, type GoValue } from '../go/value.js';
import { formatValue, sprint, sprintf, sprintln } from '../go/fmt.js';
import { compareGoStrings, utf8Bytes, byteLength } from '../go/utf8.js';
import { goTypeName } from '../go/reflect.js';
import { isPrint } from '../go/quote.js';

/** Parameter kinds the executor understands (reflect types of Go parameters). */
export type ParamKind =
  | 'value' // reflect.Value: passed through, invalid stays invalid
  | 'any' // interface{}: invalid becomes nil
  | 'string'
  | 'int'
  | 'uint32'
  | 'float64'
  | 'bool'
  | 'map' // map[string]interface{}
  | 'slice' // []interface{}
  | `type:${string}`; // a named struct type (time.Time, sprig.certificate)

export interface Signature {
  params: ParamKind[];
  variadic?: ParamKind;
}

const paramTypeNames: Record<string, string> = {
  value: 'reflect.Value',
  any: 'interface {}',
  string: 'string',
  int: 'int',
  uint32: 'uint32',
  float64: 'float64',
  bool: 'bool',
  map: 'map[string]interface {}',
  slice: '[]interface {}',
};

/** The Go type name of a parameter kind, as text/template's errors print it. */
export function paramTypeName(k: ParamKind): string {
  return k.startsWith('type:') ? k.slice(5) : paramTypeNames[k];
}

export interface Builtin {
  fn: GoFunction;
  sig: Signature;
}

/** indirectInterface: a nil interface becomes the invalid value. */
function ind(v: GoValue): GoValue {
  return v === null ? undefined : v;
}

/** The underlying slice or map of a named Go collection type (e.g. chartutil.Files). */
export function underlyingOf(v: GoValue): GoValue {
  if (v instanceof GoObject) {
    const u = (v as GoObject & { underlying?: () => GoValue[] | GoMap | undefined }).underlying?.();
    if (u !== undefined) return u;
  }
  return v;
}

export function truth(v: GoValue): boolean {
  return isTrue(ind(v));
}

function hasOwn(m: GoMap, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, k);
}

function indexArg(index: GoValue, cap: number): number {
  let x: bigint;
  if (typeof index === 'bigint') x = index;
  else if (index instanceof GoInt) x = index.value;
  else if (index === undefined || index === null) throw new Error('cannot index slice/array with nil');
  else throw new Error(`cannot index slice/array with type ${goTypeName(index)}`);
  if (x < 0n || x > BigInt(cap)) throw new Error(`index out of range: ${x}`);
  return Number(x);
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  item = ind(item);
  if (item === undefined) throw new Error('index of untyped nil');
  for (let idx of indexes) {
    idx = ind(idx);
    if (item === null || item === undefined) throw new Error('index of nil pointer');
    const it = underlyingOf(item);
    if (typeof it === 'string') {
      const bytes = utf8Bytes(it);
      const x = indexArg(idx, bytes.length);
      if (x >= bytes.length) throw new Error('reflect: string index out of range');
      item = new GoInt(BigInt(bytes[x]), 'uint8');
    } else if (Array.isArray(it)) {
      const x = indexArg(idx, it.length);
      if (x >= it.length) throw new Error('reflect: slice index out of range');
      item = it[x];
    } else if (it instanceof Uint8Array) {
      const x = indexArg(idx, it.length);
      if (x >= it.length) throw new Error('reflect: slice index out of range');
      item = new GoInt(BigInt(it[x]), 'uint8');
    } else if (isGoMap(it)) {
      if (idx === undefined) throw new Error('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new Error(`value has type ${goTypeName(idx)}; should be string`);
      item = hasOwn(it, idx) ? it[idx] : null;
    } else {
      throw new Error(`can't index item of type ${goTypeName(it)}`);
    }
  }
  return item;
}

function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  item = ind(item);
  if (item === undefined) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const it = underlyingOf(item);
  let cap: number;
  let len: number;
  if (typeof it === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    len = cap = byteLength(it);
  } else if (Array.isArray(it) || it instanceof Uint8Array) {
    len = cap = it.length;
  } else {
    throw new Error(`can't slice item of type ${goTypeName(it as GoValue)}`);
  }
  const idx = [0, len, 0];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(ind(x), cap);
  });
  if (idx[0] > idx[1]) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof it === 'string') {
    const b = utf8Bytes(it).subarray(idx[0], idx[1]);
    return new TextDecoder().decode(b);
  }
  if (it instanceof Uint8Array) return it.slice(idx[0], idx[1]);
  return (it as GoValue[]).slice(idx[0], idx[1]);
}

function length(item: GoValue): GoValue {
  if (item === null) throw new Error('len of nil pointer');
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  const it = underlyingOf(item);
  if (typeof it === 'string') return BigInt(byteLength(it));
  if (Array.isArray(it) || it instanceof Uint8Array) return BigInt(it.length);
  if (isGoMap(it)) return BigInt(Object.keys(it).length);
  throw new Error(`len of type ${goTypeName(it)}`);
}

function not(arg: GoValue): GoValue {
  return !truth(arg);
}

// --- comparison ------------------------------------------------------------

const enum Kind {
  Invalid,
  Bool,
  Int,
  Float,
  String,
}

/** The integer of a value whose basicKind is Int. */
function intOf(v: GoValue): bigint {
  return typeof v === 'bigint' ? v : (v as GoObject).intValue()!;
}

function basicKind(v: GoValue): Kind {
  switch (typeof v) {
    case 'boolean': return Kind.Bool;
    case 'bigint': return Kind.Int;
    case 'number': return Kind.Float;
    case 'string': return Kind.String;
  }
  // Every integer kind compares by value (Go lets signed and unsigned meet too),
  // named integer types (time.Month) included.
  if (v instanceof GoObject && v.intValue() !== undefined) return Kind.Int;
  return Kind.Invalid;
}

/** reflect.Kind name of a value (for canCompare). */
function reflectKind(v: GoValue): string {
  if (v === undefined) return 'invalid';
  if (v === null) return 'interface';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (typeof v === 'function') return 'func';
  if (v instanceof GoObject) return v.goKind();
  if (typeof v === 'object') return 'map';
  return typeof v;
}

function comparable(v: GoValue): boolean {
  const k = reflectKind(v);
  return k !== 'slice' && k !== 'map' && k !== 'func';
}

function eq(arg1: GoValue, ...arg2: GoValue[]): GoValue {
  arg1 = ind(arg1);
  if (arg2.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = ind(arg);
    const k2 = basicKind(arg);
    let t = false;
    if (k1 !== k2) {
      if (arg1 !== undefined && arg !== undefined) {
        throw new Error(`incompatible types for comparison: ${goTypeName(arg1)} and ${goTypeName(arg)}`);
      }
    } else {
      switch (k1) {
        case Kind.Bool:
        case Kind.String:
          t = arg1 === arg;
          break;
        case Kind.Int:
          t = intOf(arg1) === intOf(arg);
          break;
        case Kind.Float:
          t = (arg1 as number) === (arg as number);
          break;
        default: {
          const r1 = reflectKind(arg1);
          const r2 = reflectKind(arg);
          if (!(r1 === r2 || r1 === 'invalid' || r2 === 'invalid')) {
            throw new Error(
              `non-comparable types ${sprintf('%s', [arg1])}: ${goTypeName(arg1)}, ${goTypeName(arg)}: ${sprintf('%v', [arg])}`,
            );
          }
          if (arg1 === undefined || arg === undefined) {
            t = arg1 === undefined && arg === undefined;
          } else {
            if (!comparable(arg)) throw new Error(`non-comparable type ${sprintf('%s', [arg])}: ${goTypeName(arg)}`);
            t = arg1 === arg;
          }
        }
      }
    }
    if (t) return true;
  }
  return false;
}

function ne(a: GoValue, b: GoValue): GoValue {
  return !eq(a, b);
}

function lt(arg1: GoValue, arg2: GoValue): boolean {
  arg1 = ind(arg1);
  const k1 = basicKind(arg1);
  if (k1 === Kind.Invalid) throw new Error('invalid type for comparison');
  arg2 = ind(arg2);
  const k2 = basicKind(arg2);
  if (k2 === Kind.Invalid) throw new Error('invalid type for comparison');
  if (k1 !== k2) {
    throw new Error(`incompatible types for comparison: ${goTypeName(arg1)} and ${goTypeName(arg2)}`);
  }
  switch (k1) {
    case Kind.Bool:
      throw new Error('invalid type for comparison');
    case Kind.Float:
      return (arg1 as number) < (arg2 as number);
    case Kind.Int:
      return intOf(arg1) < intOf(arg2);
    default:
      return compareGoStrings(arg1 as string, arg2 as string) < 0;
  }
}

function le(a: GoValue, b: GoValue): GoValue {
  const l = lt(a, b);
  if (l) return true;
  return eq(a, b);
}

function gt(a: GoValue, b: GoValue): GoValue {
  return !le(a, b);
}

function ge(a: GoValue, b: GoValue): GoValue {
  return !lt(a, b);
}

// --- escaping --------------------------------------------------------------

/** evalArgs: one string argument as is, otherwise fmt.Sprint of printable values. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined || a === null ? '<no value>' : a)));
}

export function htmlEscapeString(s: string): string {
  if (!/['"&<>\0]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    switch (ch) {
      case '\0': out += '\uFFFD'; break;
      case '"': out += '&#34;'; break;
      case "'": out += '&#39;'; break;
      case '&': out += '&amp;'; break;
      case '<': out += '&lt;'; break;
      case '>': out += '&gt;'; break;
      default: out += ch;
    }
  }
  return out;
}

export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case '<': out += '\\u003C'; continue;
      case '>': out += '\\u003E'; continue;
      case '&': out += '\\u0026'; continue;
      case '=': out += '\\u003D'; continue;
    }
    if (r < 0x20) {
      out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
    } else if (r >= 0x80 && !isPrint(r)) {
      out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
    } else {
      out += ch;
    }
  }
  return out;
}

/** url.QueryEscape. */
export function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x5f || b === 0x2e || b === 0x7e) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) {
      out += '+';
    } else {
      out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

// --- call ------------------------------------------------------------------

/** call builtin (modern Go: the callee's name comes first). */
function call(name: GoValue, fn: GoValue, ...args: GoValue[]): GoValue {
  fn = ind(fn);
  if (fn === undefined) throw new Error('call of nil');
  if (typeof fn !== 'function') throw new Error(`non-function ${String(name)} of type ${goTypeName(fn)}`);
  return fn(...args.map((a) => (a === undefined ? null : a)));
}

const v = (n: number, variadic?: ParamKind): Signature => ({ params: new Array<ParamKind>(n).fill('value'), variadic });

export const builtins: Record<string, Builtin> = {
  and: { fn: () => undefined, sig: v(1, 'value') },
  or: { fn: () => undefined, sig: v(1, 'value') },
  not: { fn: not, sig: v(1) },
  len: { fn: length, sig: v(1) },
  index: { fn: index, sig: v(1, 'value') },
  slice: { fn: slice, sig: v(1, 'value') },
  print: { fn: (...a) => sprint(a), sig: { params: [], variadic: 'any' } },
  printf: { fn: (f, ...a) => sprintf(f as string, a), sig: { params: ['string'], variadic: 'any' } },
  println: { fn: (...a) => sprintln(a), sig: { params: [], variadic: 'any' } },
  html: { fn: (...a) => htmlEscapeString(evalArgs(a)), sig: { params: [], variadic: 'any' } },
  js: { fn: (...a) => jsEscapeString(evalArgs(a)), sig: { params: [], variadic: 'any' } },
  urlquery: { fn: (...a) => urlQueryEscape(evalArgs(a)), sig: { params: [], variadic: 'any' } },
  call: { fn: call, sig: v(1, 'value') },
  eq: { fn: eq, sig: v(1, 'value') },
  ne: { fn: ne, sig: v(2) },
  lt: { fn: lt, sig: v(2) },
  le: { fn: le, sig: v(2) },
  gt: { fn: gt, sig: v(2) },
  ge: { fn: ge, sig: v(2) },
};

export { formatValue };
