/**
 * The few shopspring/decimal operations Sprig's float functions (addf, subf,
 * mulf, divf, add1f) use: each float64 argument becomes the shortest decimal
 * that reads back as it, the arithmetic is exact (division rounds half away
 * from zero at 16 decimal places), and the result is converted back to the
 * nearest float64. So `addf 0.1 0.2` is 0.3, not 0.30000000000000004.
 */

export interface Decimal {
  /** value = coef * 10^exp */
  coef: bigint;
  exp: number;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** decimal.NewFromFloat, with its panic for NaN and infinities. */
export function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) {
    const text = Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
    throw new Error(`Cannot create a Decimal from ${text}`);
  }
  if (f === 0) return { coef: 0n, exp: 0 };
  // toExponential() without digits gives the shortest round-tripping digits.
  const [mant, e] = f.toExponential().split('e');
  const [intPart, frac = ''] = mant.split('.');
  return { coef: BigInt(intPart + frac), exp: Number(e) - frac.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * pow10(a.exp - exp), b.coef * pow10(b.exp - exp), exp];
}

export function decimalAdd(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x + y, exp };
}

export function decimalSub(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x - y, exp };
}

export function decimalMul(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

const DIVISION_PRECISION = 16;

/** Decimal.Div: quotient rounded half away from zero to 16 places. */
export function decimalDiv(a: Decimal, b: Decimal): Decimal {
  if (b.coef === 0n) throw new Error('decimal division by 0');
  // a/b * 10^16 = (a.coef * 10^(a.exp - b.exp + 16)) / b.coef
  const shift = a.exp - b.exp + DIVISION_PRECISION;
  let num = a.coef;
  let den = b.coef;
  if (shift >= 0) num *= pow10(shift);
  else den *= pow10(-shift);
  let q = num / den;
  const r = num - q * den;
  const absR = r < 0n ? -r : r;
  const absDen = den < 0n ? -den : den;
  if (2n * absR >= absDen) q += (num < 0n) !== (den < 0n) ? -1n : 1n;
  return { coef: q, exp: -DIVISION_PRECISION };
}

/** Decimal.Float64: the nearest float64 (the string parse is correctly rounded). */
export function decimalToFloat(d: Decimal): number {
  return Number(`${d.coef}e${d.exp}`);
}
