/**
 * Go's float formatting, one copy for the engine: strconv.FormatFloat (fmt's
 * %e %f %g %b %x and `{{ . }}` of a float64, the YAML and TOML serializers) and
 * encoding/json's float text. Shortest digits come from V8, which finds the
 * same shortest round-tripping digits as Go; exact digits from the float's bits.
 */
import { lowerhex, upperhex } from './quote.js';


interface Digits {
  /** Significant decimal digits, no leading or trailing zeros ('' for zero). */
  d: string;
  /** Position of the decimal point: value = 0.d × 10^dp. */
  dp: number;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function floatBits(f: number): bigint {
  f64[0] = f;
  return u64[0];
}

/** Shortest decimal digits that read back as f (f finite, positive). */
function shortestDigits(f: number, bits: 32 | 64): Digits {
  if (bits === 32) return shortestDigits32(f);
  if (f === 0) return { d: '', dp: 0 };
  const s = f.toExponential();
  const e = s.indexOf('e');
  const mant = s.slice(0, e).replace('.', '');
  const exp = Number(s.slice(e + 1));
  let d = mant;
  let end = d.length;
  while (end > 0 && d.charCodeAt(end - 1) === 0x30) end--;
  d = d.slice(0, end);
  return { d, dp: exp + 1 };
}

/** Shortest decimal digits that read back as float32(f) (f finite, positive). */
function shortestDigits32(target: number): Digits {
  for (let p = 1; p <= 9; p++) {
    const s = target.toPrecision(p);
    if (Math.fround(Number(s)) === target) return shortestDigits(Number(s), 64);
  }
  return shortestDigits(target, 64);
}

/** The exact decimal expansion of a finite positive float. */
function exactDigits(f: number): Digits {
  if (f === 0) return { d: '', dp: 0 };
  const bits = floatBits(f);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp = 1;
  else mant |= 1n << 52n;
  exp -= 1075;
  let d: string;
  let dp: number;
  if (exp >= 0) {
    d = (mant << BigInt(exp)).toString();
    dp = d.length;
  } else {
    d = (mant * 5n ** BigInt(-exp)).toString();
    dp = d.length + exp;
  }
  let end = d.length;
  while (end > 0 && d.charCodeAt(end - 1) === 0x30) end--;
  return { d: d.slice(0, end), dp };
}

/** decimal.Round(nd) with round-half-even on the exact value. */
function roundDigits(a: Digits, nd: number): Digits {
  if (nd < 0 || nd >= a.d.length) return a;
  const c = a.d.charCodeAt(nd);
  let up: boolean;
  if (c === 0x35 && nd + 1 === a.d.length) {
    up = nd > 0 && (a.d.charCodeAt(nd - 1) - 0x30) % 2 === 1;
  } else {
    up = c >= 0x35;
  }
  if (up) {
    for (let i = nd - 1; i >= 0; i--) {
      const ch = a.d.charCodeAt(i);
      if (ch < 0x39) {
        return { d: a.d.slice(0, i) + String.fromCharCode(ch + 1), dp: a.dp };
      }
    }
    return { d: '1', dp: a.dp + 1 };
  }
  let end = nd;
  while (end > 0 && a.d.charCodeAt(end - 1) === 0x30) end--;
  if (end === 0) return { d: '', dp: 0 };
  return { d: a.d.slice(0, end), dp: a.dp };
}

/** An exponent as strconv writes it: a sign and at least two digits. */
function exponent(exp: number): string {
  const a = Math.abs(exp);
  return (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
}

function fmtE(neg: boolean, d: Digits, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  out += d.d.length ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(d.d.length, prec + 1);
    if (i < m) {
      out += d.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  return out + fmt + exponent(d.d.length === 0 ? 0 : d.dp - 1);
}

function fmtF(neg: boolean, d: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    out += d.d.slice(0, m);
    if (m < d.dp) out += '0'.repeat(d.dp - m);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 && j < d.d.length ? d.d[j] : '0';
    }
  }
  return out;
}

function fmtB(neg: boolean, mant: bigint, exp: number): string {
  exp -= 52;
  return (neg ? '-' : '') + mant.toString() + 'p' + (exp >= 0 ? '+' : '') + exp;
}

function fmtX(prec: number, fmt: string, neg: boolean, mant: bigint, exp: number): string {
  const M60 = 1n << 60n;
  const MASK64 = (1n << 64n) - 1n;
  if (mant === 0n) exp = 0;
  mant <<= 8n; // 60 - mantbits(52)
  while (mant !== 0n && (mant & M60) === 0n) {
    mant = (mant << 1n) & MASK64;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (M60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant = (mant << (60n - shift)) & MASK64;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digits = fmt === 'X' ? upperhex : lowerhex;
  let out = neg ? '-' : '';
  out += '0' + fmt + String(Number((mant >> 60n) & 1n));
  mant = (mant << 4n) & MASK64;
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += digits[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += digits[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  return out + (fmt === 'X' ? 'P' : 'p') + exponent(exp);
}

/**
 * strconv.FormatFloat(f, fmt, prec, bits) for fmt in 'e','E','f','g','G','b','x','X'.
 * prec -1 means the shortest representation that reads back exactly (as a
 * float32 when bits is 32: the only use of 32 bits, by TOML and YAML floats).
 */
export function formatFloat(f: number, fmt: string, prec: number, bits: 32 | 64 = 64): string {
  // Go rounds to float32 first: a float64 beyond float32's range is ±Inf there.
  if (bits === 32) f = Math.fround(f);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  if (fmt === 'b' || fmt === 'x' || fmt === 'X') {
    const bits = floatBits(a);
    let exp = Number((bits >> 52n) & 0x7ffn);
    let mant = bits & ((1n << 52n) - 1n);
    if (exp === 0) exp++;
    else mant |= 1n << 52n;
    exp -= 1023;
    return fmt === 'b' ? fmtB(neg, mant, exp) : fmtX(prec, fmt, neg, mant, exp);
  }
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(a, bits);
    switch (fmt) {
      case 'e': case 'E': prec = Math.max(digs.d.length - 1, 0); break;
      case 'f': prec = Math.max(digs.d.length - digs.dp, 0); break;
      default: prec = digs.d.length;
    }
  } else {
    digs = exactDigits(a);
    switch (fmt) {
      case 'e': case 'E': digs = roundDigits(digs, prec + 1); break;
      case 'f': digs = roundDigits(digs, digs.dp + prec); break;
      default:
        if (prec === 0) prec = 1;
        digs = roundDigits(digs, prec);
    }
  }
  switch (fmt) {
    case 'e': case 'E':
      return fmtE(neg, digs, prec, fmt);
    case 'f': case 'F':
      return fmtF(neg, digs, prec);
    default: {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE(neg, digs, prec - 1, fmt === 'G' ? 'E' : 'e');
      }
      if (prec > digs.dp) prec = digs.d.length;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
}

/** strconv.FormatFloat(f, 'g', -1, bits): %e when the exponent is < -4 or >= 6 (Go's rule for shortest). */
export function formatFloatG(f: number, bits: 32 | 64 = 64): string {
  return formatFloat(f, 'g', -1, bits);
}

/** strconv.FormatFloat(f, 'e', -1, 64), e.g. "1e+06". */
export function formatFloatE(f: number): string {
  return formatFloat(f, 'e', -1);
}

/**
 * encoding/json's float64 text: %f, or %e (exponent without a leading zero)
 * below 1e-6 and from 1e21 on. NaN and ±Inf are errors there; callers check.
 */
export function formatJsonFloat(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const a = Math.abs(f);
  if (a < 1e-6 || a >= 1e21) return formatFloat(f, 'e', -1).replace(/e([-+])0(\d)$/, 'e$1$2');
  return formatFloat(f, 'f', -1);
}
