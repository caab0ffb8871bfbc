/**
 * Sprig's random functions, from node:crypto. The string ones draw uniformly
 * from the alphabet Masterminds/goutils accepts (its rejection sampling is
 * uniform over the same set); a negative count is an error Sprig swallows,
 * giving "". `shuffle` lives with the string functions (strings.ts).
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { GoFunction, GoValue } from '../go/value.js';
import { fromCodePoints } from '../go/unicode.js';
import { intArg } from './arguments.js';
import { declareSignatures } from './arguments.js';

const range = (from: number, to: number): string => fromCodePoints(Array.from({ length: to - from + 1 }, (_, i) => from + i));

const DIGITS = range(0x30, 0x39);
const LETTERS = range(0x41, 0x5a) + range(0x61, 0x7a);
/** Printable ASCII, space to tilde. */
const ASCII = range(0x20, 0x7e);

function randomString(alphabet: string): GoFunction {
  return (count: GoValue) => {
    const n = intArg(count);
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)];
    return out;
  };
}

function randInt(min: GoValue, max: GoValue): GoValue {
  const lo = intArg(min);
  const span = intArg(max) - lo;
  // math/rand.Intn panics on a non-positive bound.
  if (span <= 0) throw new Error('invalid argument to Intn');
  // randomInt takes spans below 2^48; wider spans combine two draws.
  const r = span < 2 ** 48 ? randomInt(span) : Math.floor((randomInt(2 ** 24) * 2 ** 24 + randomInt(2 ** 24)) / 2 ** 48 * span);
  return BigInt(r + lo);
}

export const randomFuncs: Record<string, GoFunction> = declareSignatures({
  randAlpha: randomString(LETTERS),
  randAlphaNum: randomString(DIGITS + LETTERS),
  randAscii: randomString(ASCII),
  randNumeric: randomString(DIGITS),
  randInt,
  uuidv4: () => randomUUID(),
}, {
  randAlpha: 'int', randAlphaNum: 'int', randAscii: 'int', randNumeric: 'int', randInt: 'int,int', uuidv4: '',
});
