/**
 * Sprig's default/empty family. A value is empty when it is the zero value of
 * its type: nil, false, 0 (int or float), "", and a map, list or []byte with
 * no elements. Structs and other typed objects are never empty.
 */
import type { GoFunction, GoValue } from '../go/value.js';
import { GoObject } from '../go/value.js';
import { goFunc, sig, vsig } from './signatures.js';

/** Sprig's empty(). */
export function isEmpty(v: GoValue): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case 'boolean': return !v;
    case 'number': return v === 0;
    case 'bigint': return v === 0n;
    case 'string': return v.length === 0;
    case 'function': return false;
    default:
      // A named integer (int64, time.Duration...) is empty when zero.
      if (v instanceof GoObject && v.intValue() !== undefined) return v.intValue() === 0n;
      if (v instanceof GoObject) {
        // A named slice or map type is empty by length; structs and pointers never are.
        const u = v.underlying();
        return u === undefined ? false : isEmpty(u);
      }
      if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
      for (const _k in v) return false;
      return true;
  }
}

export const defaultsFuncs: Record<string, GoFunction> = {
  default: goFunc('default', vsig('any', 'any'), (d: GoValue, ...given: GoValue[]) =>
    given.length === 0 || isEmpty(given[0]) ? d : given[0],
  ),
  empty: goFunc('empty', sig('any'), isEmpty),
  coalesce: goFunc('coalesce', vsig('any'), (...vs: GoValue[]) => vs.find((v) => !isEmpty(v)) ?? null),
  all: goFunc('all', vsig('any'), (...vs: GoValue[]) => vs.every((v) => !isEmpty(v))),
  any: goFunc('any', vsig('any'), (...vs: GoValue[]) => vs.some((v) => !isEmpty(v))),
  ternary: goFunc('ternary', sig('any', 'any', 'bool'), (vt: GoValue, vf: GoValue, v: boolean) => (v ? vt : vf)),
};
