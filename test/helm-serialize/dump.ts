// Helpers shared by the serializer tests: decoding golden inputs into Go
// values, and the typed dump the generator's "dump" template prints.
import { GoObject, goInt64, isGoMap, type GoMap, type GoValue } from '../../src/helm/go/value.js';
import { marshalGoJson } from '../../src/helm/yaml/go-json.js';
import { compareGoStrings } from '../../src/helm/go/utf8.js';
import { formatFloatG } from '../../src/helm/go/float-format.js';

export type Encoded = null | boolean | number | string | Encoded[] | { [k: string]: Encoded };
export type Dump = { map: Record<string, Dump> } | { list: Dump[] } | { t: string; v: unknown; s: string };

/** Inputs: JSON numbers are float64, {"$int": "12"} an int64, {"$float": "NaN"} a special float64. */
export function decodeInput(e: Encoded): GoValue {
  if (e === null || typeof e === 'boolean' || typeof e === 'number' || typeof e === 'string') return e;
  if (Array.isArray(e)) return e.map(decodeInput);
  if ('$int' in e && typeof e.$int === 'string') return goInt64(BigInt(e.$int));
  if ('$float' in e && typeof e.$float === 'string') {
    const f = { NaN: NaN, '+Inf': Infinity, '-Inf': -Infinity, '-0': -0 }[e.$float];
    return f ?? Number(e.$float);
  }
  const m: GoMap = Object.create(null);
  for (const [k, v] of Object.entries(e)) m[k] = decodeInput(v);
  return m;
}

/** fmt's %v of a leaf. */
function formatV(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') {
    const g = formatFloatG(v);
    return g === 'NaN' ? 'NaN' : g;
  }
  if (v instanceof GoObject) return v.formatV();
  return String(v);
}

/** The typed dump the generator's "dump" template prints, computed from our value. */
export function dumpOf(v: GoValue): Dump {
  if (Array.isArray(v)) return { list: v.map(dumpOf) };
  if (isGoMap(v)) {
    const out: Record<string, Dump> = {};
    for (const k of Object.keys(v).sort(compareGoStrings)) out[k] = dumpOf(v[k]);
    return { map: out };
  }
  let t: string;
  if (v === null || v === undefined) t = '<nil>';
  else if (typeof v === 'number') t = 'float64';
  else if (typeof v === 'bigint') t = 'int';
  else if (typeof v === 'string') t = 'string';
  else if (typeof v === 'boolean') t = 'bool';
  else if (v instanceof GoObject) t = v.goType();
  else t = typeof v;
  let json: unknown = null;
  try {
    json = JSON.parse(marshalGoJson(v, { escapeHTML: true }));
  } catch {
    // toJson fails (NaN, ±Inf): the dump prints null.
  }
  return { t, v: json, s: formatV(v) };
}

