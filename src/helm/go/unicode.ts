/**
 * Go's unicode package predicates and simple case mappings, on code points.
 * Go maps one rune to one rune (UnicodeData's simple mappings); JavaScript's
 * toUpperCase uses the full mappings (ß becomes SS), so a mapping that yields
 * more than one code point leaves the rune unchanged, as Go does.
 */

const reUpper = /^\p{Lu}$/u;
const reLower = /^\p{Ll}$/u;
const reTitle = /^\p{Lt}$/u;
const reLetter = /^\p{L}$/u;
const reDigit = /^\p{Nd}$/u;
const reNumber = /^\p{N}$/u;
const rePunct = /^\p{P}$/u;

const str = (r: number): string => String.fromCodePoint(r);

/** unicode.IsSpace. Every space is in the BMP, so a UTF-16 unit can be tested too (a surrogate is never a space). */
export function isSpace(r: number): boolean {
  if (r <= 0x20) return r === 0x20 || (r >= 0x09 && r <= 0x0d);
  if (r < 0x85) return false;
  return r === 0x85 || r === 0xa0 || r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}
export const isUpper = (r: number): boolean => reUpper.test(str(r));
export const isLower = (r: number): boolean => reLower.test(str(r));
export const isTitle = (r: number): boolean => reTitle.test(str(r));
export const isLetter = (r: number): boolean => reLetter.test(str(r));
export const isDigit = (r: number): boolean => reDigit.test(str(r));
export const isNumber = (r: number): boolean => reNumber.test(str(r));
export const isPunct = (r: number): boolean => rePunct.test(str(r));

function single(mapped: string, r: number): number {
  const cp = mapped.codePointAt(0) as number;
  return mapped.length === (cp > 0xffff ? 2 : 1) ? cp : r;
}

/**
 * Greek letters with ypogegrammeni: their full upper case is two letters
 * (ᾀ → ἈΙ), but UnicodeData's simple mapping, which Go uses, is the
 * titlecase form (ᾀ → ᾈ).
 */
function greekIotaSubscriptUpper(r: number): number | undefined {
  if ((r >= 0x1f80 && r <= 0x1f87) || (r >= 0x1f90 && r <= 0x1f97) || (r >= 0x1fa0 && r <= 0x1fa7)) return r + 8;
  if (r === 0x1fb3 || r === 0x1fc3 || r === 0x1ff3) return r + 9;
  return undefined;
}

export function toUpper(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  return greekIotaSubscriptUpper(r) ?? single(str(r).toUpperCase(), r);
}

export function toLower(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  if (r === 0x130) return 0x69; // İ: simple lowercase mapping is plain i
  return single(str(r).toLowerCase(), r);
}

/** Title case differs from upper case only for the Latin digraphs DŽ, LJ, NJ, DZ. */
const titleDigraphs = new Map<number, number>([
  [0x1c4, 0x1c5], [0x1c5, 0x1c5], [0x1c6, 0x1c5],
  [0x1c7, 0x1c8], [0x1c8, 0x1c8], [0x1c9, 0x1c8],
  [0x1ca, 0x1cb], [0x1cb, 0x1cb], [0x1cc, 0x1cb],
  [0x1f1, 0x1f2], [0x1f2, 0x1f2], [0x1f3, 0x1f2],
]);

export function toTitle(r: number): number {
  // Georgian Mkhedruli letters have upper-case (Mtavruli) forms but are their own title case.
  if ((r >= 0x10d0 && r <= 0x10fa) || (r >= 0x10fd && r <= 0x10ff)) return r;
  return titleDigraphs.get(r) ?? toUpper(r);
}

/** strings.Map with a rune mapping. */
export function mapRunes(s: string, f: (r: number) => number): string {
  let out = '';
  for (const ch of s) out += String.fromCodePoint(f(ch.codePointAt(0) as number));
  return out;
}

const asciiOnly = /^[\x00-\x7f]*$/;

/** strings.ToUpper. */
export function goToUpper(s: string): string {
  // For ASCII text JavaScript's mapping is Go's, and much faster.
  return asciiOnly.test(s) ? s.toUpperCase() : mapRunes(s, toUpper);
}

/** strings.ToLower. */
export function goToLower(s: string): string {
  return asciiOnly.test(s) ? s.toLowerCase() : mapRunes(s, toLower);
}

/** How many leading UTF-16 units strings.TrimSpace would remove. */
export function goLeadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/**
 * strings.TrimSpace: trims unicode.IsSpace runes at both ends. Every space
 * character is in the BMP, so UTF-16 units can be tested one by one (a
 * surrogate is never a space). A loop, not a regular expression: `\s+$` is
 * quadratic on long indented documents.
 */
export function goTrimSpace(s: string): string {
  const i = goLeadingSpace(s);
  let j = s.length;
  while (j > i && isSpace(s.charCodeAt(j - 1))) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

/** String.fromCodePoint for long arrays (spreading a huge array overflows the stack). */
export function fromCodePoints(cps: number[]): string {
  let out = '';
  // eslint-disable-next-line no-restricted-syntax -- chunks of 4096: the stack holds that
  for (let i = 0; i < cps.length; i += 4096) out += String.fromCodePoint(...cps.slice(i, i + 4096));
  return out;
}
