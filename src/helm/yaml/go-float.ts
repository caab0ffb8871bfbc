/**
 * Go's float formatting (strconv.FormatFloat and encoding/json), which the
 * serializers must reproduce digit for digit. JavaScript already finds the
 * shortest round-tripping digits for float64; only the layout differs.
 */

/** Shortest decimal digits and decimal-point position of |f| (f finite, non-zero): f = 0.DIGITS × 10^dp. */
interface Digits {
  digits: string;
  dp: number;
}

function shortestDigits64(f: number): Digits {
  // toExponential() without an argument gives the shortest round-tripping digits.
  const [mant, exp] = Math.abs(f).toExponential().split('e');
  return { digits: mant.replace('.', ''), dp: Number(exp) + 1 };
}

function shortestDigits32(f: number): Digits {
  const target = Math.fround(Math.abs(f));
  for (let p = 1; p <= 9; p++) {
    const s = target.toPrecision(p);
    if (Math.fround(Number(s)) === target) {
      const [mant, exp] = Number(s).toExponential().split('e');
      return { digits: mant.replace('.', ''), dp: Number(exp) + 1 };
    }
  }
  return shortestDigits64(target);
}

function fmtE(neg: boolean, d: Digits): string {
  let s = neg ? '-' : '';
  s += d.digits[0];
  if (d.digits.length > 1) s += '.' + d.digits.slice(1);
  const exp = d.dp - 1;
  const a = Math.abs(exp);
  s += 'e' + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
  return s;
}

function fmtF(neg: boolean, d: Digits): string {
  const { digits, dp } = d;
  let intPart: string;
  let frac: string;
  if (dp <= 0) {
    intPart = '0';
    frac = '0'.repeat(-dp) + digits;
  } else if (dp >= digits.length) {
    intPart = digits + '0'.repeat(dp - digits.length);
    frac = '';
  } else {
    intPart = digits.slice(0, dp);
    frac = digits.slice(dp);
  }
  return (neg ? '-' : '') + intPart + (frac ? '.' + frac : '');
}

function special(f: number): string | undefined {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  return undefined;
}

/** strconv.FormatFloat(f, 'g', -1, bits): %e when the exponent is < -4 or >= 6 (Go's rule for shortest). */
export function formatFloatG(f: number, bits: 32 | 64 = 64): string {
  const sp = special(f);
  if (sp !== undefined) return sp;
  const d = bits === 32 ? shortestDigits32(f) : shortestDigits64(f);
  const exp = d.dp - 1;
  return exp < -4 || exp >= 6 ? fmtE(f < 0, d) : fmtF(f < 0, d);
}

/** strconv.FormatFloat(f, 'e', -1, 64), e.g. "1e+06". */
export function formatFloatE(f: number): string {
  const sp = special(f);
  if (sp !== undefined) return sp === '0' || sp === '-0' ? sp + 'e+00' : sp;
  return fmtE(f < 0, shortestDigits64(f));
}

/**
 * encoding/json's float64 text: %f, or %e (exponent without a leading zero)
 * below 1e-6 and from 1e21 on. NaN and ±Inf are errors there; callers check.
 */
export function formatJsonFloat(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const a = Math.abs(f);
  const d = shortestDigits64(f);
  if (a < 1e-6 || a >= 1e21) {
    return fmtE(f < 0, d).replace(/e([-+])0(\d)$/, 'e$1$2');
  }
  return fmtF(f < 0, d);
}
