/**
 * Stand-ins for functions owned by other Sprig families (strings, reflect),
 * just enough for the golden cases to build their inputs. Not under test.
 */
import { GoInt, goInt64, type GoFunction, type GoValue } from '../../src/helm/go/value.js';
import { compareGoStrings, goKind, goTypeName, strval } from '../../src/helm/sprig/arguments.js';

export const testOnlyFuncs: Record<string, GoFunction> = {
  splitList: (sep, s) => String(s).split(String(sep)),
  sortAlpha: (l) => (Array.isArray(l) ? l.map((x) => strval(x)).sort(compareGoStrings) : [strval(l)]),
  kindOf: (v) => goKind(v ?? null),
  typeOf: (v) => (v === null || v === undefined ? '<nil>' : goTypeName(v)),
  int64: (v) => goInt64(typeof v === 'bigint' ? v : v instanceof GoInt ? v.value : BigInt(Math.trunc(Number(v)))),
  len: (v: GoValue) => BigInt(typeof v === 'string' ? Buffer.byteLength(v) : Array.isArray(v) ? v.length : Object.keys(v as object).length),
  eq: (a, b) => a === b,
  b64enc: (s) => Buffer.from(String(s), 'utf8').toString('base64'),
};
