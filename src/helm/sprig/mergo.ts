/**
 * The merge semantics Sprig's merge/mergeOverwrite get from mergo
 * (Merge / MergeWithOverwrite of two map[string]interface{}), written for the
 * value model. Helm 3.21 ships Sprig 3.3.0 with dario.cat/mergo v1.0.x; the one
 * behaviour in which it differs from mergo v0.3.x is noted below.
 *
 * For each key of src (dst is changed in place):
 * - a nil src value replaces dst's only when overwriting;
 * - a map src value is merged recursively into a dst map in that key (which is
 *   changed in place, as Go's maps are references);
 * - a slice src value replaces dst's when overwriting or when the whole dst
 *   map is empty, and a missing key gets an empty slice first;
 * - then dst's value is kept when it is not empty and src's is a slice, or
 *   src's is a map and dst's is a map too (mergo v1; v0.3, which `mergoV03`
 *   selects for comparisons with the reference renderer, also kept a
 *   non-empty non-map dst under a src map even when overwriting);
 * - otherwise src's value is stored when overwriting, or when dst's is missing
 *   or empty (nil, "", 0, false, empty list or map).
 */
import { GoObject, isGoMap, type GoMap, type GoValue } from '../go/value.js';
import { isEmpty } from './arguments.js';

export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean, mergoV03 = false): void {
  for (const key of Object.keys(src)) {
    const sv = src[key];
    const hasDst = Object.prototype.hasOwnProperty.call(dst, key);
    const dv = hasDst ? dst[key] : undefined;
    if (sv === null || sv === undefined) {
      if (overwrite) dst[key] = null;
      continue;
    }
    const srcIsMap = isGoMap(sv);
    const srcIsSlice = Array.isArray(sv) || sv instanceof Uint8Array;
    if (srcIsMap) {
      // Recursion only changes a dst that is itself a map.
      if (dv !== undefined && dv !== null && isGoMap(dv)) mergeInto(dv, sv, overwrite, mergoV03);
    } else if (srcIsSlice) {
      let slice: GoValue = hasDst && dv !== null ? dv : [];
      // isEmptyValue(dst) here looks at the whole dst map, as mergo does.
      if (overwrite || Object.keys(dst).length === 0) slice = sv;
      dst[key] = slice;
    }
    const dstNonEmpty = hasDst && !isEmpty(dv);
    if (dstNonEmpty && (srcIsSlice || (srcIsMap && (mergoV03 || isGoMap(dv as GoValue))))) continue;
    if (overwrite || !hasDst || isEmpty(dv)) dst[key] = sv;
  }
}

/** Deep copy as copystructure does for maps, slices and []byte; other values are immutable here. */
export function deepCopyValue(v: GoValue): GoValue {
  if (Array.isArray(v)) return v.map(deepCopyValue);
  if (v instanceof Uint8Array) return new Uint8Array(v);
  if (v instanceof GoObject || v === null || typeof v !== 'object') return v;
  const out = Object.create(null) as GoMap;
  for (const k of Object.keys(v)) out[k] = deepCopyValue(v[k]);
  return out;
}
