/**
 * Go's math.Pow for an integer exponent (the only case Sprig's `round`
 * needs), computed the way Go does it (repeated squaring of the Frexp
 * mantissa), so that the last bit agrees with Go where V8's pow may not.
 */

function frexp(f: number): [number, number] {
  if (f === 0 || !Number.isFinite(f)) return [f, 0];
  let exp = Math.max(-1073, Math.floor(Math.log2(Math.abs(f))) + 1);
  let frac = f * Math.pow(2, -exp);
  // Correct the estimate so that 0.5 <= |frac| < 1.
  while (Math.abs(frac) < 0.5) {
    frac *= 2;
    exp--;
  }
  while (Math.abs(frac) >= 1) {
    frac /= 2;
    exp++;
  }
  return [frac, exp];
}

function ldexp(frac: number, exp: number): number {
  // Two steps keep 2^exp itself representable for large |exp|.
  const half = Math.trunc(exp / 2);
  return frac * Math.pow(2, half) * Math.pow(2, exp - half);
}

/** math.Pow(x, y) for integral y. */
export function goPowInt(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return Math.pow(x, y);
  const yi = Math.abs(y);
  if (yi >= 2 ** 63) {
    if (x === -1) return 1;
    return (Math.abs(x) < 1) === (y > 0) ? 0 : Infinity;
  }
  let a1 = 1;
  let ae = 0;
  let [x1, xe] = frexp(x);
  for (let i = BigInt(yi); i !== 0n; i >>= 1n) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if ((i & 1n) === 1n) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe *= 2;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}
