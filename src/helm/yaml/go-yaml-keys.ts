/**
 * The order in which go-yaml (v2 and v3) writes the keys of a string-keyed
 * map: its keyList.Less, which is neither bytewise nor natural sort. At the
 * first differing rune: two letters compare as runes; a letter sorts after
 * a non-letter; otherwise the runs of digits starting there compare as
 * numbers (so "b2" < "b10" and "9" < "010"), then by run length, then as runes.
 */

import { codePoints } from './go-yaml-emit.js';

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}
function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39 ? true : cp < 0x80 ? false : DIGIT.test(String.fromCodePoint(cp));
}

/** Go's int64 arithmetic wraps; digit runs longer than 18 digits overflow the same way. */
function wrap64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/**
 * keyList.Less(a, b) for two string keys. yaml.v3 differs in one point: right
 * after a digit, a letter sorts before a non-letter ("a1b" < "a1-").
 */
export function yamlKeyLess(a: string, b: string, v3 = false): boolean {
  return keyLess(codePoints(a), codePoints(b), v3);
}

function keyLess(ar: number[], br: number[], v3: boolean): boolean {
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return v3 && digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 0x30 || br[i] === 0x30) {
      // A zero inside a number ("10" vs "1a"): the run started earlier, so
      // the digits compare by value from a non-zero base.
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = wrap64(an * 10n + BigInt(ar[ai] - 0x30));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = wrap64(bn * 10n + BigInt(br[bi] - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/** Keys in go-yaml's output order (yaml.v2's unless `v3`). */
export function sortYamlKeys(keys: string[], v3 = false): string[] {
  if (keys.length < 2) return [...keys];
  const cps = new Map(keys.map((k) => [k, codePoints(k)]));
  return [...keys].sort((x, y) => {
    const xa = cps.get(x) as number[];
    const ya = cps.get(y) as number[];
    return keyLess(xa, ya, v3) ? -1 : keyLess(ya, xa, v3) ? 1 : 0;
  });
}
