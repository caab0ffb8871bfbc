/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource):
 * the grammar, for the schema check, and exact values, for the rules and
 * the capacity arithmetic. Values are exact rationals: value = mantissa *
 * 10^exp10 * 2^exp2 as bigint arithmetic, so `100m` < `0.1001` and `1Gi` vs
 * `1G` compare exactly and never through floating point.
 *
 * Grammar (from the Kubernetes docs):
 *   quantity  ::= <signedNumber><suffix>
 *   suffix    ::= <binarySI> | <decimalExponent> | <decimalSI>
 *   binarySI  ::= Ki | Mi | Gi | Ti | Pi | Ei
 *   decimalSI ::= n | u | m | "" | k | M | G | T | P | E
 *   decimalExponent ::= "e" <signedNumber> | "E" <signedNumber>
 * No spaces, no `+` inside, no empty number.
 */

/** An exact non-negative or negative rational: num / den, den > 0. */
export interface Quantity {
  readonly num: bigint;
  readonly den: bigint;
  /** The text it was parsed from, for messages. */
  readonly text: string;
}

const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** The quantity grammar: sign, number, suffix (as groups 1 to 3). */
export const QUANTITY_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE]?)$/;

/** True when the string, as written (no trimming), follows the quantity grammar. */
export function isQuantityString(s: string): boolean {
  return QUANTITY_RE.test(s);
}

// Manifests repeat the same few quantities ("100m", "128Mi") thousands of times, and a parse
// costs about a microsecond (measured: ~25 ms of the 10,000-resource bench without a memo).
// A Quantity is immutable and a pure function of its text, so the memo cannot go stale; it keeps
// only short texts, and at most MEMO_SIZE of them (it is emptied when full), so what it holds
// between lint() calls stays small whatever the input.
const MEMO_SIZE = 1024;
const MEMO_KEY_LENGTH = 32;
const memo = new Map<string, Quantity | undefined>();

/** Parses a quantity string or number; undefined when it is not a valid quantity. */
export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input !== 'string' || input.length > MEMO_KEY_LENGTH) return parse(input);
  let q = memo.get(input);
  if (q === undefined && !memo.has(input)) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(input, (q = parse(input)));
  }
  return q;
}

function parse(input: unknown): Quantity | undefined {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    text = numberToPlain(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return undefined;
  }
  const m = QUANTITY_RE.exec(text);
  if (!m) return undefined;
  const [, sign, digits, suffix] = m;
  const [intPart, fracPart = ''] = digits.split('.');
  let num = BigInt((intPart || '0') + fracPart);
  let den = 10n ** BigInt(fracPart.length);
  if (sign === '-') num = -num;
  if (suffix in BINARY) {
    num *= BINARY[suffix];
  } else {
    let exp: number;
    if (/^[eE][+-]?\d+$/.test(suffix)) {
      exp = Number(suffix.slice(1));
      if (Math.abs(exp) > 1000) return undefined; // absurd exponents are not quantities anyone means
    } else {
      exp = DECIMAL[suffix];
    }
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  return normalise(num, den, typeof input === 'string' ? input : text);
}

function numberToPlain(n: number): string {
  // YAML numbers such as 0.5 or 2 arrive as JS numbers; their shortest decimal text is exact enough
  // because it is what the user wrote (within double precision).
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function normalise(num: bigint, den: bigint, text: string): Quantity {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g, text };
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  // Most comparisons share a denominator (whole numbers, millicores): no products to allocate.
  if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  // Sums of many containers' quantities: most share a denominator (or one side is zero), and
  // memory's is 1 (whole bytes), which is already in lowest terms.
  if (a.den === b.den) return a.den === 1n ? { num: a.num + b.num, den: 1n, text: '' } : normalise(a.num + b.num, a.den, '');
  return normalise(a.num * b.den + b.num * a.den, a.den * b.den, '');
}

export function multiplyQuantity(a: Quantity, factor: bigint): Quantity {
  if (a.den === 1n) return { num: a.num * factor, den: 1n, text: '' };
  return normalise(a.num * factor, a.den, '');
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return compareQuantities(a, b) >= 0 ? a : b;
}

export const ZERO: Quantity = { num: 0n, den: 1n, text: '0' };

/** The ratio a / b as a number (for percentages in messages only, never for decisions). */
export function ratio(a: Quantity, b: Quantity): number {
  if (b.num === 0n) return Infinity;
  // Scale to keep 6 significant decimals exactly before converting.
  const scaled = (a.num * b.den * 1_000_000n) / (a.den * b.num);
  return Number(scaled) / 1_000_000;
}

/** Formats CPU as cores or millicores, the way people write them: "3.5" / "750m". */
export function formatCpu(q: Quantity): string {
  const milli = (q.num * 1000n) / q.den;
  const exactMilli = (q.num * 1000n) % q.den === 0n;
  if (milli % 1000n === 0n && exactMilli) return String(milli / 1000n);
  if (exactMilli) return `${milli}m`;
  return `${trimDecimal(Number(q.num) / Number(q.den))}`;
}

/** Formats memory in the largest binary unit that keeps it readable: "6Gi", "1536Mi", "1.5Gi". */
export function formatMemory(q: Quantity): string {
  const units: Array<[string, bigint]> = [['Ei', 1n << 60n], ['Pi', 1n << 50n], ['Ti', 1n << 40n], ['Gi', 1n << 30n], ['Mi', 1n << 20n], ['Ki', 1n << 10n]];
  for (const [unit, size] of units) {
    const whole = q.num / q.den;
    if (whole >= size) {
      if (q.num % (q.den * size) === 0n) return `${q.num / (q.den * size)}${unit}`;
      const value = Number((q.num * 100n) / (q.den * size)) / 100;
      return `${trimDecimal(value)}${unit}`;
    }
  }
  if (q.num % q.den === 0n) return String(q.num / q.den);
  return trimDecimal(Number(q.num) / Number(q.den));
}

function trimDecimal(n: number): string {
  return String(Math.round(n * 100) / 100);
}
