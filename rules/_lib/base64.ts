/**
 * Validation of Secret `data` values the way the API server decodes them:
 * JSON []byte fields go through Go's base64.StdEncoding (standard alphabet,
 * `=` padding required, carriage returns and newlines skipped, any other
 * character, spaces included, rejected; padding bits are not checked).
 */

const ALPHABET = /[A-Za-z0-9+/]/;

/** Why a value is not valid standard base64 (never quoting the value), or undefined when it is. */
export function base64Problem(value: string): string | undefined {
  // Position counting mirrors Go's error: the offset in the input where decoding failed.
  let quantum = 0; // characters (incl. padding) in the current 4-character group
  let padding = 0;
  let lastContent = -1;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\n' || ch === '\r') continue;
    if (ch === ' ' || ch === '\t') return `whitespace at offset ${i}`;
    if (padding > 0) {
      if (ch === '=' && quantum === 3) { quantum = 0; padding++; lastContent = i; continue; }
      return `unexpected character after the padding at offset ${i}`;
    }
    if (ch === '=') {
      if (quantum < 2) return `misplaced padding "=" at offset ${i}`;
      padding = 1;
      lastContent = i;
      if (quantum === 3) quantum = 0;
      else quantum = 3;
      continue;
    }
    if (!ALPHABET.test(ch)) {
      // Which character is not said: it is one character of the secret.
      const what = ch === '-' || ch === '_' ? 'a URL-safe base64 character ("-" or "_", not standard base64)' : 'a character outside the base64 alphabet';
      return `${what} at offset ${i}`;
    }
    lastContent = i;
    quantum = (quantum + 1) % 4;
  }
  if (quantum !== 0) return `length is not a multiple of 4 (missing "=" padding?) at offset ${lastContent + 1}`;
  return undefined;
}
