/**
 * Sprig's list and dict functions. A list function accepts any slice or array
 * (also []string from splitList, or []byte) and fails on other kinds with
 * Sprig's own message; the non-`must` forms panic with the same text, which
 * text/template reports the same way, so both throw here.
 *
 * Go returns `keys` and `values` in random map order; here they come sorted
 * (by key) so that output is deterministic. Charts sort `keys` anyway.
 */
import { goNil, goTypeTag, isGoMap, type GoFunction, type GoMap, type GoValue } from '../go/value.js';
import {
  castToInt,
  deepEqual,
  intArg,
  isEmpty,
  kindOrPanic,
  listItems,
  mapArg,
  newMap,
  strArg,
  strval,
} from './arguments.js';
import { goInterfaceTypeName } from '../go/reflect.js';
import { declareSignatures } from './arguments.js';
import { deepCopyValue, mergeInto } from './mergo.js';
import { sortedKeys } from '../go/fmt.js';

/** Items of a list argument, or Sprig's error naming the operation and the kind. */
function itemsOr(v: GoValue, message: (kind: string) => string): GoValue[] {
  const kind = kindOrPanic(v);
  const items = listItems(v);
  if (!items) throw new Error(message(kind));
  return items;
}

function push(list: GoValue, v: GoValue): GoValue {
  return [...itemsOr(list, (k) => `Cannot push on type ${k}`), v];
}

function prepend(list: GoValue, v: GoValue): GoValue {
  return [v, ...itemsOr(list, (k) => `Cannot prepend on type ${k}`)];
}

function chunk(size: GoValue, list: GoValue): GoValue {
  const items = itemsOr(list, (k) => `Cannot chunk type ${k}`);
  const n = intArg(size);
  const l = items.length;
  // Sprig's float arithmetic, kept so that zero and negative sizes fail (or
  // not) as in Go: a NaN or infinite chunk count converts to MinInt64.
  const q = Math.floor((l - 1) / n);
  const count = Number.isFinite(q) ? q + 1 : -1;
  const badLen = new Error('runtime error: makeslice: len out of range');
  if (count < 0) throw badLen;
  const out: GoValue[] = [];
  for (let i = 0; i < count; i++) {
    let clen = n;
    if (i === count - 1) {
      clen = Math.floor(l % n);
      if (clen === 0) clen = n;
    }
    if (clen < 0) throw badLen;
    const part: GoValue[] = [];
    for (let j = 0; j < clen; j++) {
      const ix = i * n + j;
      if (ix < 0 || ix >= l) throw new Error(`runtime error: index out of range [${ix}] with length ${l}`);
      part.push(items[ix]);
    }
    out.push(part);
  }
  return out;
}

function first(list: GoValue): GoValue {
  const items = itemsOr(list, (k) => `Cannot find first on type ${k}`);
  return items.length === 0 ? null : items[0];
}

function last(list: GoValue): GoValue {
  const items = itemsOr(list, (k) => `Cannot find last on type ${k}`);
  return items.length === 0 ? null : items[items.length - 1];
}

// Sprig's mustRest/mustInitial return a nil slice for an empty list (toJson
// prints null) and a fresh, possibly empty, slice otherwise.
function rest(list: GoValue): GoValue {
  const items = itemsOr(list, (k) => `Cannot find rest on type ${k}`);
  return items.length === 0 ? goNil([]) : items.slice(1);
}

function initial(list: GoValue): GoValue {
  const items = itemsOr(list, (k) => `Cannot find initial on type ${k}`);
  return items.length === 0 ? goNil([]) : items.slice(0, items.length - 1);
}

function reverse(list: GoValue): GoValue {
  return [...itemsOr(list, (k) => `Cannot find reverse on type ${k}`)].reverse();
}

function compact(list: GoValue): GoValue {
  return itemsOr(list, (k) => `Cannot compact on type ${k}`).filter((x) => !isEmpty(x));
}

function uniq(list: GoValue): GoValue {
  const out: GoValue[] = [];
  for (const x of itemsOr(list, (k) => `Cannot find uniq on type ${k}`)) {
    if (!out.some((y) => deepEqual(x, y))) out.push(x);
  }
  return out;
}

function without(list: GoValue, ...omit: GoValue[]): GoValue {
  return itemsOr(list, (k) => `Cannot find without on type ${k}`).filter((x) => !omit.some((o) => deepEqual(x, o)));
}

function has(needle: GoValue, haystack: GoValue): GoValue {
  if (haystack === null || haystack === undefined) return false;
  return itemsOr(haystack, (k) => `Cannot find has on type ${k}`).some((x) => deepEqual(needle, x));
}

function slice(list: GoValue, ...indices: GoValue[]): GoValue {
  const items = itemsOr(list, (k) => `list should be type of slice or array but ${k}`);
  if (items.length === 0) return null;
  const start = indices.length > 0 ? castToInt(indices[0]) : 0;
  const end = indices.length > 1 ? castToInt(indices[1]) : items.length;
  if (start < 0 || end < start || end > items.length) {
    throw new Error('reflect.Value.Slice: slice index out of bounds');
  }
  const out = items.slice(start, end);
  return list instanceof Uint8Array ? new Uint8Array(list.subarray(start, end)) : out;
}

function concat(...lists: GoValue[]): GoValue {
  const out: GoValue[] = [];
  for (const l of lists) for (const v of itemsOr(l, (k) => `Cannot concat type ${k} as list`)) out.push(v);
  return out;
}

/** Go's map read of a nil map is fine; a write panics. */
function writableMap(v: GoValue): GoMap {
  const m = mapArg(v);
  if (!m) throw new Error('assignment to entry in nil map');
  return m;
}

function has1(m: GoMap | null, key: string): boolean {
  return m !== null && Object.prototype.hasOwnProperty.call(m, key);
}

/** The keys of a map in Go's order; none for a nil map. */
function keysOf(m: GoMap | null): string[] {
  return m ? sortedKeys(m) : [];
}

function dict(...kv: GoValue[]): GoValue {
  const out = newMap();
  for (let i = 0; i < kv.length; i += 2) {
    out[strval(kv[i] ?? null)] = i + 1 < kv.length ? kv[i + 1] : '';
  }
  return out;
}

/** A Go type assertion v.(map[string]interface{}), with the panic text it gives. */
/**
 * Go's `v.(map[string]interface{})` in Sprig's dig: only that exact type
 * passes, so Helm's `.Values` (a chartutil.Values) panics there, and the
 * panic names the dynamic type ("nil" for a nil interface).
 */
function assertMap(v: GoValue): GoMap {
  if (v !== undefined && v !== null && isGoMap(v) && goTypeTag(v) === undefined) return v;
  throw new Error(`interface conversion: interface {} is ${goInterfaceTypeName(v ?? null)}, not map[string]interface {}`);
}

function dig(...ps: GoValue[]): GoValue {
  if (ps.length < 3) throw new Error('dig needs at least three arguments');
  let cur = assertMap(ps[ps.length - 1]);
  const def = ps[ps.length - 2];
  const keys = ps.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw new Error(`interface conversion: interface {} is ${goInterfaceTypeName(k ?? null)}, not string`);
    return k;
  });
  for (let i = 0; ; i++) {
    if (!has1(cur, keys[i])) return def;
    const step = cur[keys[i]];
    if (i === keys.length - 1) return step;
    cur = assertMap(step);
  }
}

function mergeAll(overwrite: boolean, dst: GoValue, srcs: GoValue[]): GoValue {
  // A nil dst map becomes a fresh map, as mergo allocates one.
  const d = mapArg(dst) ?? newMap();
  for (const s of srcs) {
    const m = mapArg(s);
    if (m) mergeInto(d, m, overwrite);
  }
  return d;
}

export const collectionFuncs: Record<string, GoFunction> = declareSignatures({
  list: (...v) => [...v],
  tuple: (...v) => [...v],
  append: push,
  push,
  mustAppend: push,
  mustPush: push,
  prepend,
  mustPrepend: prepend,
  first,
  mustFirst: first,
  rest,
  mustRest: rest,
  last,
  mustLast: last,
  initial,
  mustInitial: initial,
  reverse,
  mustReverse: reverse,
  uniq,
  mustUniq: uniq,
  without,
  mustWithout: without,
  has,
  mustHas: has,
  compact,
  mustCompact: compact,
  slice,
  mustSlice: slice,
  concat,
  chunk,
  mustChunk: chunk,

  dict,
  get: (d, key) => {
    const m = mapArg(d);
    const k = strArg(key);
    return has1(m, k) ? (m as GoMap)[k] : '';
  },
  set: (d, key, value) => {
    const m = writableMap(d);
    m[strArg(key)] = value;
    return m;
  },
  unset: (d, key) => {
    const m = mapArg(d);
    if (m) delete m[strArg(key)];
    return m;
  },
  hasKey: (d, key) => has1(mapArg(d), strArg(key)),
  pluck: (key, ...ds) => {
    const k = strArg(key);
    const out: GoValue[] = [];
    for (const d of ds) {
      const m = mapArg(d);
      if (has1(m, k)) out.push((m as GoMap)[k]);
    }
    return out;
  },
  keys: (...ds) => ds.flatMap((d) => keysOf(mapArg(d))),
  values: (d) => {
    const m = mapArg(d);
    return keysOf(m).map((k) => (m as GoMap)[k]);
  },
  pick: (d, ...ks) => {
    const m = mapArg(d);
    const out = newMap();
    for (const k of ks.map(strArg)) if (has1(m, k)) out[k] = (m as GoMap)[k];
    return out;
  },
  omit: (d, ...ks) => {
    const m = mapArg(d);
    const drop = new Set(ks.map(strArg));
    const out = newMap();
    for (const k of keysOf(m)) if (!drop.has(k)) out[k] = (m as GoMap)[k];
    return out;
  },
  dig,
  merge: (dst, ...srcs) => mergeAll(false, dst, srcs),
  mustMerge: (dst, ...srcs) => mergeAll(false, dst, srcs),
  mergeOverwrite: (dst, ...srcs) => mergeAll(true, dst, srcs),
  mustMergeOverwrite: (dst, ...srcs) => mergeAll(true, dst, srcs),
  deepCopy: (v) => deepCopyValue(v ?? null),
  mustDeepCopy: (v) => deepCopyValue(v ?? null),
}, {
  list: '...any', tuple: '...any', append: 'any,any', push: 'any,any', mustAppend: 'any,any', mustPush: 'any,any',
  prepend: 'any,any', mustPrepend: 'any,any', first: 'any', mustFirst: 'any', rest: 'any', mustRest: 'any',
  last: 'any', mustLast: 'any', initial: 'any', mustInitial: 'any', reverse: 'any', mustReverse: 'any',
  uniq: 'any', mustUniq: 'any', without: 'any,...any', mustWithout: 'any,...any', has: 'any,any', mustHas: 'any,any',
  compact: 'any', mustCompact: 'any', slice: 'any,...any', mustSlice: 'any,...any', concat: '...any',
  chunk: 'int,any', mustChunk: 'int,any',
  dict: '...any', get: 'map,string', set: 'map,string,any', unset: 'map,string', hasKey: 'map,string',
  pluck: 'string,...map', keys: '...map', values: 'map', pick: 'map,...string', omit: 'map,...string', dig: '...any',
  merge: 'map,...map', mustMerge: 'map,...map', mergeOverwrite: 'map,...map', mustMergeOverwrite: 'map,...map',
  deepCopy: 'any', mustDeepCopy: 'any',
});
