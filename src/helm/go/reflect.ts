/**
 * Go's reflect, as far as templates see it: type names (`%T`, typeOf), kinds
 * (kindOf), reflect.DeepEqual, and the names of values JavaScript cannot tell
 * apart.
 *
 * The value model (value.ts) maps every Go slice to a JS array and
 * every string-keyed map to a plain object. Sprig returns []string, []int and
 * map[string]string in places, and `typeOf`, `kindOf` and `deepEqual` can see
 * the difference, so functions that build such values tag them here.
 */
import { GoObject, goTypeTag, isGoMap, tagGoType, type GoMap, type GoValue } from './value.js';

// The tags live in the value model, where the executor's %T sees them too.
export { goTypeTag, tagGoType };

/** The Go type name `%T` prints for a value of the model. */
export function goTypeName(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'number': return 'float64';
    case 'bigint': return 'int';
    case 'string': return 'string';
    case 'function': return 'func(...interface {}) interface {}';
    default:
      if (Array.isArray(v)) return goTypeTag(v) ?? '[]interface {}';
      if (v instanceof Uint8Array) return '[]uint8';
      if (v instanceof GoObject) return v.goType();
      return goTypeTag(v) ?? 'map[string]interface {}';
  }
}

/**
 * The dynamic type of an interface value as Go's runtime panics and "wrong
 * type" errors print it: a nil interface is "nil" there (where `%T` says "<nil>").
 */
export function goInterfaceTypeName(v: GoValue): string {
  return v === undefined || v === null ? 'nil' : goTypeName(v);
}

/** reflect.Kind's name for the value, as `kindOf` prints it. */
export function goKindName(v: GoValue): string {
  if (v === undefined || v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'number': return 'float64';
    case 'bigint': return 'int';
    case 'string': return 'string';
    case 'function': return 'func';
    default:
      if (v instanceof GoObject) return v.goKind();
      if (v instanceof Uint8Array || Array.isArray(v)) return 'slice';
      return 'map';
  }
}

/**
 * The static type text/template reports for an argument that does not fit a
 * parameter: a nil or missing value is an empty interface{} there.
 */
export function goArgTypeName(v: GoValue): string {
  if (v === undefined || v === null) return 'interface {}';
  return goTypeName(v);
}

/** reflect.DeepEqual on two interface values: types must match, then contents. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null) return a === b;
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object') {
    // NaN != NaN in Go too.
    return a === b;
  }
  const bo = b as object;
  if (Array.isArray(a)) {
    if (!Array.isArray(bo) || a.length !== bo.length) return false;
    return a.every((x, i) => deepEqual(x, (bo as GoValue[])[i]));
  }
  if (a instanceof Uint8Array) {
    if (!(bo instanceof Uint8Array) || a.length !== bo.length) return false;
    return a.every((x, i) => x === bo[i]);
  }
  if (a instanceof GoObject) {
    return bo instanceof GoObject && a.goType() === bo.goType() && a.formatV() === bo.formatV();
  }
  if (!isGoMap(b)) return false;
  const am = a as GoMap;
  const ak = Object.keys(am);
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(am[k], b[k]));
}
