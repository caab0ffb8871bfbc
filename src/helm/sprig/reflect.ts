/**
 * Sprig's reflection functions. Type names are Go's (%T): string, float64,
 * int, int64 (and the other sized integers, see GoInt), bool,
 * []interface {}, map[string]interface {}, <nil>, and the tagged
 * []string / []int / map[string]string that some functions return.
 */
import type { GoFunction, GoValue } from '../go/value.js';
import { GoObject } from '../go/value.js';
import { goFunc, sig } from './signatures.js';
import { goKindName, goTypeName } from '../go/reflect.js';

/** reflect.DeepEqual on the value model: same Go type, then the same contents. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  const aNil = a === null || a === undefined;
  const bNil = b === null || b === undefined;
  if (aNil || bNil) return aNil && bNil;
  if (goTypeName(a) !== goTypeName(b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object') {
    // Functions are never deeply equal unless both are nil.
    if (typeof a === 'function') return false;
    return a === b;
  }
  if (a instanceof GoObject || b instanceof GoObject) {
    return a === b || (a instanceof GoObject && b instanceof GoObject && a.formatV() === b.formatV());
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false;
    return a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}

export const reflectFuncs: Record<string, GoFunction> = {
  typeOf: goFunc('typeOf', sig('any'), goTypeName),
  typeIs: goFunc('typeIs', sig('string', 'any'), (target: string, v: GoValue) => target === goTypeName(v)),
  typeIsLike: goFunc('typeIsLike', sig('string', 'any'), (target: string, v: GoValue) => {
    const t = goTypeName(v);
    return t === target || t === '*' + target;
  }),
  kindOf: goFunc('kindOf', sig('any'), goKindName),
  kindIs: goFunc('kindIs', sig('string', 'any'), (target: string, v: GoValue) => target === goKindName(v)),
  deepEqual: goFunc('deepEqual', sig('any', 'any'), deepEqual),
};
