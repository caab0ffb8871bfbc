/**
 * The conversions Sprig does with spf13/cast (ToInt64, ToFloat64) and its own
 * strval and strslice, with Go's number parsing (../go/strconv.ts) re-exported
 * for the families that convert text. Behaviour follows Go on
 * amd64, where Helm runs: int64 arithmetic wraps, and converting a float64
 * that does not fit (or NaN) to int64 gives the minimum int64.
 */
import { GoInt, GoObject, type GoValue } from '../go/value.js';
import { formatValue } from '../go/fmt.js';
import { MIN_INT64, goParseFloat, goParseInt } from '../go/strconv.js';
import { decodeUtf8 } from '../go/utf8.js';
import { tagGoType } from '../go/reflect.js';

export { MAX_INT64, MIN_INT64, goParseFloat, goParseInt } from '../go/strconv.js';

/** Wraps to int64 as Go's integer arithmetic does. */
export function wrap64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

/** int64(f) in Go on amd64. */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= 9223372036854775808 || f < -9223372036854775808) return MIN_INT64;
  return BigInt(Math.trunc(f));
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
