/**
 * Go's strconv number parsing, one copy for the whole engine: the template
 * parser reads number constants with it, Sprig's conversions (spf13/cast) and
 * the YAML resolver (go-yaml's plain scalars) read strings with it.
 * ParseInt/ParseUint with base prefixes and underscores as Go allows them,
 * ParseFloat with hexadecimal floats, inf and nan.
 */

export const MIN_INT64 = -(1n << 63n);
export const MAX_INT64 = (1n << 63n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;

export type ParseIntResult = { ok: true; value: bigint } | { ok: false; range: boolean; value: bigint };

const lower = (c: string): string => c.toLowerCase();

/** strconv's underscoreOK: underscores only between digits or after a base prefix. */
export function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  const l = code | 0x20;
  if (l >= 97 && l <= 122) return l - 97 + 10;
  return 99;
}

/**
 * strconv.ParseInt(s, base, 64), base 0 meaning "from the prefix" with underscores;
 * with `signed` false, strconv.ParseUint(s, base, 64) (no sign, up to 2^64-1).
 */
export function goParseInt(s0: string, base: number, signed = true): ParseIntResult {
  let s = s0;
  if (s === '') return { ok: false, range: false, value: 0n };
  let neg = false;
  if (signed && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    s = s.slice(1);
    if (s === '') return { ok: false, range: false, value: 0n };
  }
  let base0 = false;
  if (base === 0) {
    base0 = true;
    base = 10;
    if (s[0] === '0') {
      if (s.length >= 3 && lower(s[1]) === 'b') { base = 2; s = s.slice(2); }
      else if (s.length >= 3 && lower(s[1]) === 'o') { base = 8; s = s.slice(2); }
      else if (s.length >= 3 && lower(s[1]) === 'x') { base = 16; s = s.slice(2); }
      else { base = 8; s = s.slice(1); }
    }
  }
  let n = 0n;
  let underscores = false;
  const b = BigInt(base);
  const limit = 1n << 64n;
  let overflow = false;
  for (const c of s) {
    if (c === '_' && base0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return { ok: false, range: false, value: 0n };
    if (!overflow) {
      n = n * b + BigInt(d);
      if (n >= limit) overflow = true;
    }
  }
  if (underscores && !underscoreOK(s0)) return { ok: false, range: false, value: 0n };
  if (!signed) return overflow ? { ok: false, range: true, value: MAX_UINT64 } : { ok: true, value: n };
  const cutoff = 1n << 63n;
  if (overflow || (!neg && n >= cutoff)) return { ok: false, range: true, value: neg ? MIN_INT64 : MAX_INT64 };
  if (neg && n > cutoff) return { ok: false, range: true, value: MIN_INT64 };
  return { ok: true, value: neg ? -n : n };
}

const decimalFloat = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const hexFloat = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/;

/** strconv.ParseFloat(s, 64); undefined on a syntax or range error. */
export function goParseFloat(s: string): number | undefined {
  const special = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (special) return special[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  let t = s;
  if (t.includes('_')) {
    if (!underscoreOK(t)) return undefined;
    t = t.replace(/_/g, '');
  }
  let v: number;
  const hex = hexFloat.exec(t);
  if (hex) {
    const [, sign, intPart, frac = '', exp] = hex;
    if (intPart === '' && frac === '') return undefined;
    const mant = BigInt('0x' + (intPart + frac || '0'));
    v = Number(mant) * Math.pow(2, Number(exp) - 4 * frac.length);
    if (sign === '-') v = -v;
  } else if (decimalFloat.test(t)) {
    v = Number(t);
  } else {
    return undefined;
  }
  return Number.isFinite(v) ? v : undefined;
}
