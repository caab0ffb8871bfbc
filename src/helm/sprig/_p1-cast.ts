/**
 * Go's number parsing (strconv) and the conversions Sprig does with
 * spf13/cast (ToInt64, ToFloat64) and its own strval. Behaviour follows Go on
 * amd64, where Helm runs: int64 arithmetic wraps, and converting a float64
 * that does not fit (or NaN) to int64 gives the minimum int64.
 */
import { GoInt, GoObject, type GoValue } from '../template/value.js';
import { formatValue } from '../template/gofmt.js';
import { decodeUtf8 } from './_p1-utf8.js';
import { tagGoType } from './_p1-gotype.js';

export const MIN_INT64 = -(1n << 63n);
export const MAX_INT64 = (1n << 63n) - 1n;

/** Wraps to int64 as Go's integer arithmetic does. */
export function wrap64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

/** int64(f) in Go on amd64. */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= 9223372036854775808 || f < -9223372036854775808) return MIN_INT64;
  return BigInt(Math.trunc(f));
}

type ParseIntResult = { ok: true; value: bigint } | { ok: false; range: boolean; value: bigint };

const lower = (c: string): string => c.toLowerCase();

/** strconv's underscoreOK: underscores only between digits or after a base prefix. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  const l = code | 0x20;
  if (l >= 97 && l <= 122) return l - 97 + 10;
  return 99;
}

/** strconv.ParseInt(s, base, 64), base 0 meaning "from the prefix" with underscores. */
export function goParseInt(s0: string, base: number): ParseIntResult {
  let s = s0;
  if (s === '') return { ok: false, range: false, value: 0n };
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
    if (s === '') return { ok: false, range: false, value: 0n };
  }
  let base0 = false;
  if (base === 0) {
    base0 = true;
    base = 10;
    if (s[0] === '0') {
      if (s.length >= 3 && lower(s[1]) === 'b') { base = 2; s = s.slice(2); }
      else if (s.length >= 3 && lower(s[1]) === 'o') { base = 8; s = s.slice(2); }
      else if (s.length >= 3 && lower(s[1]) === 'x') { base = 16; s = s.slice(2); }
      else { base = 8; s = s.slice(1); }
    }
  }
  let n = 0n;
  let underscores = false;
  const b = BigInt(base);
  const limit = 1n << 64n;
  let overflow = false;
  for (const c of s) {
    if (c === '_' && base0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return { ok: false, range: false, value: 0n };
    if (!overflow) {
      n = n * b + BigInt(d);
      if (n >= limit) overflow = true;
    }
  }
  if (underscores && !underscoreOK(s0)) return { ok: false, range: false, value: 0n };
  const cutoff = 1n << 63n;
  if (overflow || (!neg && n >= cutoff)) return { ok: false, range: true, value: neg ? MIN_INT64 : MAX_INT64 };
  if (neg && n > cutoff) return { ok: false, range: true, value: MIN_INT64 };
  return { ok: true, value: neg ? -n : n };
}

const decimalFloat = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const hexFloat = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/;

/** strconv.ParseFloat(s, 64); undefined on a syntax or range error. */
export function goParseFloat(s: string): number | undefined {
  const special = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (special) return special[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  let t = s;
  if (t.includes('_')) {
    if (!underscoreOK(t)) return undefined;
    t = t.replace(/_/g, '');
  }
  let v: number;
  const hex = hexFloat.exec(t);
  if (hex) {
    const [, sign, intPart, frac = '', exp] = hex;
    if (intPart === '' && frac === '') return undefined;
    const mant = BigInt('0x' + (intPart + frac || '0'));
    v = Number(mant) * Math.pow(2, Number(exp) - 4 * frac.length);
    if (sign === '-') v = -v;
  } else if (decimalFloat.test(t)) {
    v = Number(t);
  } else {
    return undefined;
  }
  return Number.isFinite(v) ? v : undefined;
}

/** cast's trimZeroDecimal: "12.00" becomes "12" so that it parses as an integer. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') {
      foundZero = true;
    } else {
      return s;
    }
  }
  return s;
}

/** cast.ToInt64 (and cast.ToInt, the same on 64-bit): errors become 0. */
export function castToInt64(v: GoValue): bigint {
  switch (typeof v) {
    case 'bigint': return v;
    case 'object': return v instanceof GoInt ? BigInt.asIntN(64, v.value) : 0n;
    case 'number': return floatToInt64(v);
    case 'boolean': return v ? 1n : 0n;
    case 'string': {
      const r = goParseInt(trimZeroDecimal(v), 0);
      return r.ok ? r.value : 0n;
    }
    default: return 0n;
  }
}

/** cast.ToFloat64: errors become 0. */
export function castToFloat64(v: GoValue): number {
  switch (typeof v) {
    case 'bigint': return Number(v);
    case 'object': return v instanceof GoInt ? Number(v.value) : 0;
    case 'number': return v;
    case 'boolean': return v ? 1 : 0;
    case 'string': return goParseFloat(v) ?? 0;
    default: return 0;
  }
}

/** Sprig's strval: strings and []byte as text, Stringers via String(), the rest with %v. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return decodeUtf8(v);
  if (v instanceof GoObject) return v.formatV();
  return formatValue(v);
}

/**
 * Sprig's strslice (toStrings, join, sortAlpha): a list becomes its non-nil
 * elements as text; []byte gives its byte values; nil gives an empty list;
 * anything else is a one-element list.
 */
export function strslice(v: GoValue): string[] {
  let out: string[];
  v = underlyingOrSelf(v);
  if (Array.isArray(v)) {
    out = [];
    for (const e of v) if (e !== null && e !== undefined) out.push(strval(e));
  } else if (v instanceof Uint8Array) {
    out = Array.from(v, (b) => String(b));
  } else if (v === null || v === undefined) {
    out = [];
  } else {
    out = [strval(v)];
  }
  return tagGoType(out, '[]string');
}

/**
 * The slice or map behind a named Go collection type (chartutil.VersionSet
 * is a []string, the Files object a map), which reflection-based Sprig code
 * sees through; other values unchanged.
 */
export function underlyingOrSelf(v: GoValue): GoValue {
  if (v instanceof GoObject) return v.underlying() ?? v;
  return v;
}
