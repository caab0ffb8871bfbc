/**
 * Sprig's type conversions. int, int64 and float64 go through spf13/cast,
 * which never fails: text that does not parse, maps, lists and structs all
 * become 0. Integer text may carry a base prefix (0x1F, 0o17, 010 is octal)
 * and underscores, and "12.00" counts as 12.
 */
import { goInt64, type GoFunction, type GoValue } from '../go/value.js';
import { formatValue } from '../go/fmt.js';
import { goFunc, sig } from './signatures.js';
import { castToFloat64, castToInt64, goParseInt, strslice, strval } from './cast.js';

/** strconv.Atoi with the error dropped: bad text is 0, out-of-range text is clamped (as Atoi returns it). */
function atoi(s: string): bigint {
  const r = goParseInt(s, 10);
  if (r.ok) return r.value;
  return r.range ? r.value : 0n;
}

/** toDecimal reads the %v text of the value as octal (Unix file modes): "0777" is 511. */
function toDecimal(v: GoValue): bigint {
  const r = goParseInt(formatValue(v), 8);
  return r.ok ? r.value : 0n;
}

export const conversionFuncs: Record<string, GoFunction> = {
  atoi: goFunc('atoi', sig('string'), atoi),
  // `int` is Go's int (a bare bigint), `int64` and toDecimal give int64.
  int: goFunc('int', sig('any'), castToInt64),
  int64: goFunc('int64', sig('any'), (v: GoValue) => goInt64(castToInt64(v))),
  float64: goFunc('float64', sig('any'), castToFloat64),
  toString: goFunc('toString', sig('any'), strval),
  toStrings: goFunc('toStrings', sig('any'), strslice),
  toDecimal: goFunc('toDecimal', sig('any'), (v: GoValue) => goInt64(toDecimal(v))),
};
