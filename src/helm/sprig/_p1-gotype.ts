/**
 * Go type names for values that JavaScript cannot tell apart.
 *
 * The value model (../template/value.ts) maps every Go slice to a JS array and
 * every string-keyed map to a plain object. Sprig returns []string, []int and
 * map[string]string in places, and `typeOf`, `kindOf` and `deepEqual` can see
 * the difference, so functions that build such values tag them here.
 */
import { GoObject, goTypeTag, tagGoType, type GoValue } from '../template/value.js';
import { goTypeName } from '../template/gofmt.js';

// The tags live in the value model, where the executor's %T sees them too.
export { goTypeTag, tagGoType };

/** What Go's `%T` prints for the value (fmt.Sprintf("%T", v)): the executor's own answer. */
export { goTypeName };

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
