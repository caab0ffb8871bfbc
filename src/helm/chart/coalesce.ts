/**
 * Helm's value coalescing (pkg/chartutil/coalesce.go): user values over chart
 * defaults, parent values over subchart defaults under the subchart's name,
 * `global` copied down, null deleting a default, and the "table vs
 * non-table" warnings. Origins travel with the values they describe.
 */
import { GoInt, copyOrigin, isGoMap, type GoMap, type GoValue } from '../go/value.js';
import type { Chart } from './chart.js';
import { formatV } from '../go/fmt.js';

export type PrintFn = (message: string) => void;

export const GLOBAL_KEY = 'global';

function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

function has(m: GoMap, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, k);
}

/** copystructure.Copy of a values tree, origins included. */
export function deepCopy(v: GoValue): GoValue {
  if (Array.isArray(v)) {
    const out = v.map(deepCopy);
    for (let i = 0; i < v.length; i++) copyOrigin(v, i, out, i);
    return out;
  }
  if (isGoMap(v)) {
    const out = newMap();
    for (const k of Object.keys(v)) {
      out[k] = deepCopy(v[k]);
      copyOrigin(v, k, out, k);
    }
    return out;
  }
  return v;
}

export function deepCopyMap(m: GoMap): GoMap {
  return deepCopy(m) as GoMap;
}

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/** CoalesceValues: a copy of vals coalesced with the chart's defaults and its subcharts'. */
export function coalesceValues(printf: PrintFn, chart: Chart, vals: GoMap | null | undefined, merge = false): GoMap {
  const copy = vals ? deepCopyMap(vals) : newMap();
  return coalesce(printf, chart, copy, '', merge);
}

function coalesce(printf: PrintFn, ch: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  coalesceChartValues(printf, ch, dest, prefix, merge);
  return coalesceDeps(printf, ch, dest, prefix, merge);
}

export class CoalesceError extends Error {}

function coalesceDeps(printf: PrintFn, chart: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  for (const sub of chart.dependencies()) {
    const name = sub.name();
    if (!has(dest, name)) {
      dest[name] = newMap();
    } else if (!isGoMap(dest[name])) {
      // Go's %t of a non-bool: "%!t(string=x)", and "%!t(<nil>)" for nil.
      const v = dest[name];
      throw new CoalesceError(`type mismatch on ${name}: %!t(${v === null || v === undefined ? '<nil>' : `${goTypeForBadVerb(v)}=${formatV(v)}`})`);
    }
    const dvmap = dest[name] as GoMap;
    const subPrefix = concatPrefix(prefix, chart.name());
    coalesceGlobals(printf, dvmap, dest, subPrefix);
    dest[name] = coalesce(printf, sub, dvmap, subPrefix, merge);
  }
  return dest;
}

function goTypeForBadVerb(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int';
  if (v instanceof GoInt) return v.kind;
  if (Array.isArray(v)) return '[]interface {}';
  return 'interface {}';
}

function coalesceGlobals(printf: PrintFn, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  let sg: GoMap;
  if (!has(dest, GLOBAL_KEY)) dg = newMap();
  else if (isGoMap(dest[GLOBAL_KEY])) dg = dest[GLOBAL_KEY] as GoMap;
  else {
    printf(`warning: skipping globals because destination ${GLOBAL_KEY} is not a table.`);
    return;
  }
  if (!has(src, GLOBAL_KEY)) sg = newMap();
  else if (isGoMap(src[GLOBAL_KEY])) sg = src[GLOBAL_KEY] as GoMap;
  else {
    printf(`warning: skipping globals because source ${GLOBAL_KEY} is not a table.`);
    return;
  }
  for (const key of Object.keys(sg)) {
    const val = sg[key];
    if (isGoMap(val)) {
      const vv = newMap();
      for (const k of Object.keys(val)) {
        vv[k] = val[k];
        copyOrigin(val, k, vv, k);
      }
      if (!has(dg, key)) {
        dg[key] = vv;
        copyOrigin(sg, key, dg, key);
      } else if (!isGoMap(dg[key])) {
        printf(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
      } else {
        coalesceTablesFullKey(printf, vv, dg[key] as GoMap, concatPrefix(prefix, key), true);
        dg[key] = vv;
      }
    } else if (has(dg, key) && isGoMap(dg[key])) {
      printf(`key ${key} is table. Skipping`);
    } else {
      dg[key] = val;
      copyOrigin(sg, key, dg, key);
    }
  }
  dest[GLOBAL_KEY] = dg;
}

function coalesceChartValues(printf: PrintFn, c: Chart, v: GoMap, prefix: string, merge: boolean): void {
  const subPrefix = concatPrefix(prefix, c.name());
  const vc = deepCopyMap(c.values ?? newMap());
  for (const key of Object.keys(vc)) {
    const val = vc[key];
    if (has(v, key)) {
      const value = v[key];
      if (value === null && !merge) {
        delete v[key];
      } else if (isGoMap(value)) {
        if (!isGoMap(val)) {
          if (val !== null) printf(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          const childMerge = c.dependencies().some((d) => d.name() === key) ? true : merge;
          coalesceTablesFullKey(printf, value, val, concatPrefix(subPrefix, key), childMerge);
        }
      }
    } else {
      v[key] = val;
      copyOrigin(vc, key, v, key);
    }
  }
}

/** CoalesceTables: dst's values win, src fills the gaps; nulls in dst delete (unless merging). */
export function coalesceTables(dst: GoMap, src: GoMap, printf: PrintFn = () => {}): GoMap {
  return coalesceTablesFullKey(printf, dst, src, '', false);
}

/** MergeTables: like coalesceTables but nulls are kept as values. */
export function mergeTables(dst: GoMap, src: GoMap, printf: PrintFn = () => {}): GoMap {
  return coalesceTablesFullKey(printf, dst, src, '', true);
}

function coalesceTablesFullKey(printf: PrintFn, dst: GoMap | null, src: GoMap | null, prefix: string, merge: boolean): GoMap {
  if (src === null) return dst ?? newMap();
  if (dst === null) return src;
  const srcOriginalNonNil = new Set<string>();
  for (const key of Object.keys(src)) if (src[key] !== null) srcOriginalNonNil.add(key);
  // Helm writes dst's nulls into src (it mutates src), so later merges see them too.
  for (const key of Object.keys(dst)) if (dst[key] === null) src[key] = null;
  for (const key of Object.keys(src)) {
    const val = src[key];
    const fullkey = concatPrefix(prefix, key);
    const ok = has(dst, key);
    const dv = dst[key];
    if (ok && !merge && dv === null && srcOriginalNonNil.has(key)) {
      delete dst[key];
    } else if (!ok) {
      dst[key] = val;
      copyOrigin(src, key, dst, key);
    } else if (isGoMap(val)) {
      if (isGoMap(dv)) coalesceTablesFullKey(printf, dv, val, fullkey, merge);
      else printf(`warning: cannot overwrite table with non table for ${fullkey} (${formatV(val)})`);
    } else if (isGoMap(dv) && val !== null) {
      printf(`warning: destination for ${fullkey} is a table. Ignoring non-table value (${formatV(val)})`);
    }
  }
  return dst;
}

/** Helm's mergeMaps for -f files: b over a, maps merged recursively, everything else replaced. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out = newMap();
  for (const k of Object.keys(a)) {
    out[k] = a[k];
    copyOrigin(a, k, out, k);
  }
  for (const k of Object.keys(b)) {
    const v = b[k];
    if (isGoMap(v) && has(out, k) && isGoMap(out[k])) {
      out[k] = mergeMaps(out[k] as GoMap, v);
      continue;
    }
    out[k] = v;
    copyOrigin(b, k, out, k);
  }
  return out;
}
