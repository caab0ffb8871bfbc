/**
 * Argument helpers of the Sprig families whose Go signatures are declared
 * with declareSignatures (lists, dicts, semver, dates, crypto, random):
 * readers of int, string, map and slice arguments with Go's "wrong type"
 * errors, spf13/cast's ToInt, Sprig's strval, and the reflect helpers these
 * families share (from ../go/reflect.ts and ../go/fmt.ts).
 */
import { GoInt, GoObject, isGoMap, withGoSignature, type GoFunction, type GoMap, type GoParamType, type GoValue } from '../go/value.js';
import { formatV } from '../go/fmt.js';
import { compareGoStrings } from '../go/utf8.js';
import { deepEqual, goInterfaceTypeName as goTypeName, goKindName as goKind } from '../go/reflect.js';

// goKind: reflect.Kind's name as Sprig's error texts print it (kindOf's answer).
export { compareGoStrings, deepEqual, formatV, goKind, goTypeName };

/** A Go runtime panic (nil receiver) that text/template turns into an error. */
export const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';

/**
 * The items of a slice or array value, or undefined for any other kind.
 * A []byte yields its bytes as integers, which is what indexing it gives in Go.
 */
export function listItems(v: GoValue): GoValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => new GoInt(BigInt(b), 'uint8'));
  // Named slice types (chartutil.VersionSet for .Capabilities.APIVersions) are slices to reflect.
  if (v instanceof GoObject) {
    const u = v.underlying();
    if (Array.isArray(u)) return u;
  }
  return undefined;
}

/**
 * reflect.TypeOf(v).Kind() for a list argument: Go panics on an untyped nil,
 * which text/template reports as a nil pointer dereference.
 */
export function kindOrPanic(v: GoValue): string {
  if (v === undefined || v === null) throw new Error(NIL_DEREF);
  return goKind(v);
}


/** Sprig's `empty` (mergo's "empty value" agrees for the values templates hold). */
export { isEmpty } from './defaults.js';

/** spf13/cast ToInt: numbers truncate, strings parse with Go's base prefixes, anything else is 0. */
export function castToInt(v: GoValue): number {
  switch (typeof v) {
    case 'bigint': return Number(BigInt.asIntN(64, v));
    case 'number': return Number.isFinite(v) ? Math.trunc(v) : 0;
    case 'boolean': return v ? 1 : 0;
    case 'object':
      return v instanceof GoInt ? Number(BigInt.asIntN(64, v.value)) : 0;
    case 'string': {
      // cast trims a trailing ".0..." before parsing with base 0.
      const s = v.replace(/\.0*$/, '');
      const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*)$/.exec(s);
      if (!m) return 0;
      let body = m[2].replace(/_/g, '');
      let n: number;
      if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
      else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2);
      else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8);
      else if (body.length > 1 && body.startsWith('0')) { body = body.slice(1); n = parseInt(body, 8); }
      else n = parseInt(body, 10);
      if (!Number.isFinite(n)) return 0;
      return m[1] === '-' ? -n : n;
    }
    default: return 0;
  }
}

/** An integer argument (Go `int` parameter): template constants arrive as bigint, values as float64. */
export function intArg(v: GoValue): number {
  if (typeof v === 'bigint') return Number(BigInt.asIntN(64, v));
  if (typeof v === 'number') return Math.trunc(v);
  if (v === undefined || v === null) return 0;
  throw new Error(`wrong type for value; expected int; got ${goTypeName(v)}`);
}

/** A string argument (Go `string` parameter); nil converts to "". */
export function strArg(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  throw new Error(`wrong type for value; expected string; got ${goTypeName(v)}`);
}

/** A map[string]interface{} argument; nil converts to a nil map (read as empty). */
export function mapArg(v: GoValue): GoMap | null {
  if (v === undefined || v === null) return null;
  if (isGoMap(v)) return v;
  throw new Error(`wrong type for value; expected map[string]interface {}; got ${goTypeName(v)}`);
}

/** A []interface{} argument; nil converts to a nil slice. */
export function sliceArg(v: GoValue): GoValue[] | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v;
  throw new Error(`wrong type for value; expected []interface {}; got ${goTypeName(v)}`);
}

/** Sprig's strval: strings as-is, []byte as text, anything else with `%v`. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  return formatV(v);
}

/** A fresh map with a null prototype, as the value model prefers. */
export function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

/**
 * Declares Go signatures (see GoParamType in ../go/value.ts) for a family's
 * functions, so that the executor converts and checks arguments as
 * text/template does. `spec` maps a name to comma-separated parameter types;
 * a trailing `...T` is variadic; "" means no parameters.
 */
export function declareSignatures(fns: Record<string, GoFunction>, spec: Record<string, string>): Record<string, GoFunction> {
  for (const [name, text] of Object.entries(spec)) {
    const fn = fns[name];
    if (!fn) throw new Error(`no function ${name} to declare`);
    const parts = text === '' ? [] : text.split(',');
    const last = parts[parts.length - 1];
    const variadic = last?.startsWith('...') ? (last.slice(3) as GoParamType) : undefined;
    const params = (variadic ? parts.slice(0, -1) : parts) as GoParamType[];
    withGoSignature(fn, variadic ? { params, variadic } : { params });
  }
  return fns;
}
