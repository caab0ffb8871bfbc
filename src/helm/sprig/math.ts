/**
 * Sprig's arithmetic. The integer functions convert every argument with
 * cast.ToInt64 (floats truncate, numeric text parses, anything else is 0) and
 * return int64, wrapping on overflow as Go does; division by zero is Go's
 * runtime panic. The f-variants go through shopspring/decimal (see
 * ../go/decimal.ts); maxf/minf/floor/ceil/round use float64 directly.
 */
import { goInt64, type GoFunction, type GoInt, type GoValue } from '../go/value.js';
import { goFunc, sig, vsig, runtimeError } from './signatures.js';
import { castToFloat64, castToInt64, wrap64 } from './cast.js';
import { tagGoType } from '../go/reflect.js';
import { decimalAdd, decimalDiv, decimalFromFloat, decimalMul, decimalSub, decimalToFloat, type Decimal } from '../go/decimal.js';
import { goPowInt } from '../go/math.js';

const i64 = castToInt64;
const f64 = castToFloat64;

function intDiv(a: GoValue, b: GoValue): bigint {
  const y = i64(b);
  if (y === 0n) throw runtimeError('integer divide by zero');
  return wrap64(i64(a) / y);
}

function intMod(a: GoValue, b: GoValue): bigint {
  const y = i64(b);
  if (y === 0n) throw runtimeError('integer divide by zero');
  return i64(a) % y;
}

/** Sprig's execDecimalOp: folds the operation over decimals made from float64 values. */
function decimalOp(first: GoValue, rest: GoValue[], op: (a: Decimal, b: Decimal) => Decimal): number {
  let acc = decimalFromFloat(f64(first));
  for (const x of rest) acc = op(acc, decimalFromFloat(f64(x)));
  return decimalToFloat(acc);
}

/**
 * Go would try to build any list it is asked for and die out of memory;
 * a linter should report an error instead, so lists stop at this size.
 */
const MAX_LIST = 10_000_000n;

function checkListSize(start: bigint, stop: bigint, step: bigint): void {
  if (step === 0n) return;
  const n = (stop - start) / step;
  if (n > MAX_LIST) throw new Error(`a list of ${n} integers is too large to build (limit ${MAX_LIST})`);
}

/** untilStep: the ints from start towards stop (exclusive) by step; [] when step points away. */
function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  checkListSize(start, stop, step);
  if (stop < start) {
    if (step >= 0n) return out;
    for (let i = start; i > stop; i += step) out.push(i);
    return out;
  }
  if (step <= 0n) return out;
  for (let i = start; i < stop; i += step) out.push(i);
  return out;
}

const intList = (xs: bigint[]): bigint[] => tagGoType(xs, '[]int');

function seq(...params: bigint[]): string {
  let inc = 1n;
  let list: bigint[];
  switch (params.length) {
    case 1: {
      const end = params[0];
      if (end < 1n) inc = -1n;
      list = untilStep(1n, end + inc, inc);
      break;
    }
    case 2: {
      const [start, end] = params;
      const step = end < start ? -1n : 1n;
      list = untilStep(start, end + step, step);
      break;
    }
    case 3: {
      const [start, step, end] = params;
      if (end < start) {
        inc = -1n;
        if (step > 0n) return '';
      }
      list = untilStep(start, end + inc, step);
      break;
    }
    default:
      return '';
  }
  return list.join(' ');
}

function round(a: GoValue, p: bigint, ...rOpt: number[]): number {
  const roundOn = rOpt.length > 0 ? rOpt[0] : 0.5;
  const val = f64(a);
  const pow = goPowInt(10, Number(p));
  const digit = pow * val;
  // math.Modf's fractional part keeps the sign of digit; Inf gives NaN.
  const frac = Number.isFinite(digit) ? digit - Math.trunc(digit) : NaN;
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

function maxInt(a: GoValue, ...rest: GoValue[]): bigint {
  let m = i64(a);
  for (const b of rest) {
    const x = i64(b);
    if (x > m) m = x;
  }
  return m;
}

function minInt(a: GoValue, ...rest: GoValue[]): bigint {
  let m = i64(a);
  for (const b of rest) {
    const x = i64(b);
    if (x < m) m = x;
  }
  return m;
}

export const mathFuncs: Record<string, GoFunction> = {
  // The integer functions return Go int64 (a GoInt), not int.
  add1: goFunc('add1', sig('any'), (i: GoValue) => goInt64(i64(i) + 1n)),
  add: goFunc('add', vsig('any'), (...xs: GoValue[]) => goInt64(xs.reduce<bigint>((acc, x) => wrap64(acc + i64(x)), 0n))),
  sub: goFunc('sub', sig('any', 'any'), (a: GoValue, b: GoValue) => goInt64(i64(a) - i64(b))),
  div: goFunc('div', sig('any', 'any'), (a: GoValue, b: GoValue) => goInt64(intDiv(a, b))),
  mod: goFunc('mod', sig('any', 'any'), (a: GoValue, b: GoValue) => goInt64(intMod(a, b))),
  mul: goFunc('mul', vsig('any', 'any'), (a: GoValue, ...rest: GoValue[]): GoInt =>
    goInt64(rest.reduce<bigint>((acc, x) => wrap64(acc * i64(x)), i64(a))),
  ),
  add1f: goFunc('add1f', sig('any'), (i: GoValue) => decimalOp(i, [1n], decimalAdd)),
  addf: goFunc('addf', vsig('any'), (...xs: GoValue[]) => decimalOp(0, xs, decimalAdd)),
  subf: goFunc('subf', vsig('any', 'any'), (a: GoValue, ...rest: GoValue[]) => decimalOp(a, rest, decimalSub)),
  divf: goFunc('divf', vsig('any', 'any'), (a: GoValue, ...rest: GoValue[]) => decimalOp(a, rest, decimalDiv)),
  mulf: goFunc('mulf', vsig('any', 'any'), (a: GoValue, ...rest: GoValue[]) => decimalOp(a, rest, decimalMul)),
  biggest: goFunc('biggest', vsig('any', 'any'), (a: GoValue, ...rest: GoValue[]) => goInt64(maxInt(a, ...rest))),
  max: goFunc('max', vsig('any', 'any'), (a: GoValue, ...rest: GoValue[]) => goInt64(maxInt(a, ...rest))),
  min: goFunc('min', vsig('any', 'any'), (a: GoValue, ...rest: GoValue[]) => goInt64(minInt(a, ...rest))),
  maxf: goFunc('maxf', vsig('any', 'any'), (a: GoValue, ...rest: GoValue[]) =>
    rest.reduce<number>((acc, x) => Math.max(acc, f64(x)), f64(a)),
  ),
  minf: goFunc('minf', vsig('any', 'any'), (a: GoValue, ...rest: GoValue[]) =>
    rest.reduce<number>((acc, x) => Math.min(acc, f64(x)), f64(a)),
  ),
  floor: goFunc('floor', sig('any'), (a: GoValue) => Math.floor(f64(a))),
  ceil: goFunc('ceil', sig('any'), (a: GoValue) => Math.ceil(f64(a))),
  round: goFunc('round', vsig('float64', 'any', 'int'), round),
  seq: goFunc('seq', vsig('int'), seq),
  until: goFunc('until', sig('int'), (count: bigint) => intList(untilStep(0n, count, count < 0n ? -1n : 1n))),
  untilStep: goFunc('untilStep', sig('int', 'int', 'int'), (a: bigint, b: bigint, c: bigint) => intList(untilStep(a, b, c))),
};
