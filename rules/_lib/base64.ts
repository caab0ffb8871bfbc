/**
 * Validation of Secret `data` values the way the API server decodes them:
 * JSON []byte fields go through Go's base64.StdEncoding (standard alphabet,
 * `=` padding required, carriage returns and newlines skipped, any other
 * character, spaces included, rejected; padding bits are not checked).
 */

/** Whether a UTF-16 code unit is in the standard base64 alphabet (A-Z, a-z, 0-9, `+`, `/`). */
function inAlphabet(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}

/** Why a value is not valid standard base64 (never quoting the value), or undefined when it is. */
export function base64Problem(value: string): string | undefined {
  // Position counting mirrors Go's error: the offset in the input where decoding failed.
  let quantum = 0; // characters (incl. padding) in the current 4-character group
  let padding = 0;
  let lastContent = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) continue;
    if (c === 0x20 || c === 0x09) return `whitespace at offset ${i}`;
    if (padding > 0) {
      if (c === 0x3d && quantum === 3) { quantum = 0; padding++; lastContent = i; continue; }
      return `unexpected character after the padding at offset ${i}`;
    }
    if (c === 0x3d /* = */) {
      if (quantum < 2) return `misplaced padding "=" at offset ${i}`;
      padding = 1;
      lastContent = i;
      if (quantum === 3) quantum = 0;
      else quantum = 3;
      continue;
    }
    if (!inAlphabet(c)) {
      // Which character is not said: it is one character of the secret.
      const what = c === 0x2d || c === 0x5f ? 'a URL-safe base64 character ("-" or "_", not standard base64)' : 'a character outside the base64 alphabet';
      return `${what} at offset ${i}`;
    }
    lastContent = i;
    quantum = (quantum + 1) % 4;
  }
  if (quantum !== 0) return `length is not a multiple of 4 (missing "=" padding?) at offset ${lastContent + 1}`;
  return undefined;
}
