/**
 * Small helpers that print values the way Go's fmt does in the messages Helm
 * writes (`%q`, `%v`, `%T`), so our errors and warnings read like Helm's.
 */
import { GoObject, isGoMap, type GoValue } from '../template/value.js';

/** Go's strconv.Quote: double quotes, escapes for control and non-printable characters. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\t': out += '\\t'; continue;
      case '\r': out += '\\r'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** The dynamic type name Go prints in interface-conversion panics and `%T`. */
export function goTypeName(v: GoValue): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Uint8Array) return '[]uint8';
  if (v instanceof GoObject) return v.goType();
  if (typeof v === 'function') return 'func';
  return 'map[string]interface {}';
}

/** Go's `%v` of a float64 ('g' format with the shortest representation, exponent when < 1e-4 or >= 1e21). */
export function goFloatV(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const abs = Math.abs(n);
  if (abs < 1e-4 || abs >= 1e21) {
    const [mant, exp] = n.toExponential().split('e');
    const e = Number(exp);
    const sign = e < 0 ? '-' : '+';
    const digits = String(Math.abs(e)).padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(n);
}

/** Go's `%v` for the values that appear in Helm's coalescing warnings. */
export function goFormatV(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return goFloatV(v);
  if (Array.isArray(v)) return `[${v.map(goFormatV).join(' ')}]`;
  if (v instanceof Uint8Array) return `[${Array.from(v).join(' ')}]`;
  if (v instanceof GoObject) return v.formatV();
  if (typeof v === 'function') return '<func>';
  if (isGoMap(v)) {
    const keys = Object.keys(v).sort(goStringCompare);
    return `map[${keys.map((k) => `${k}:${goFormatV(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

const utf8 = new TextEncoder();

/** Go's string comparison: bytewise over UTF-8, not UTF-16 code units. */
export function goStringCompare(a: string, b: string): number {
  if (a === b) return 0;
  // Fast path: when neither string has surrogates, UTF-16 order equals UTF-8 order.
  if (!/[\ud800-\udfff]/.test(a) && !/[\ud800-\udfff]/.test(b)) return a < b ? -1 : 1;
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Go's unicode.IsSpace. */
export function isGoSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}

/** Go's unicode.IsSpace for one UTF-16 code unit (every Go space is in the BMP). */
export function isGoSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** How many leading characters strings.TrimSpace would remove. */
export function goLeadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isGoSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/**
 * Go's strings.TrimSpace (Unicode white space per unicode.IsSpace). A loop,
 * not a regular expression: `\s+$` is quadratic on long indented documents.
 */
export function goTrimSpace(s: string): string {
  const start = goLeadingSpace(s);
  let end = s.length;
  while (end > start && isGoSpaceCode(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
