/**
 * Strings that hold nothing else alive. V8 makes a substring of 13 characters or more
 * (js-yaml's scalars, a regexp's match, a split line) a view of its parent: keeping the
 * substring keeps the whole text it was cut from, a 32 MB file for a 20-character name.
 * A large input's stream keeps names, labels and messages long after their text is gone
 * (src/lint-units.ts), so what it keeps is copied first.
 */

/** Shorter substrings are copies already (V8's SlicedString::kMinLength). */
const SLICE_FROM = 13;

/**
 * `s` as a string of its own (flat, no view of another): a JSON round trip builds one
 * sequential string, character for character, lone surrogates included; a concatenation
 * would build a view of a joined string instead, holding one object more.
 */
export function ownString(s: string): string {
  return s.length < SLICE_FROM ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Longest string a pool shares: longer ones (a certificate, a script) are rarely repeated and are copied alone. */
const POOL_UP_TO = 256;

/**
 * Strings kept once: the same label, namespace or image in a thousand resources is one
 * string, of its own (ownString). A long string is copied without being pooled.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  get(s: string): string {
    if (s.length > POOL_UP_TO) return ownString(s);
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    const own = ownString(s);
    this.strings.set(own, own);
    return own;
  }
}
