/**
 * Go strings are UTF-8 byte strings; JavaScript strings are UTF-16. Functions
 * that index or cut strings (substr, trunc, abbrev, wrap...) work on bytes in
 * Go, so they go through these helpers. A cut inside a multi-byte character
 * leaves invalid UTF-8 in Go; we decode it the way Go prints it afterwards
 * (each invalid byte becomes U+FFFD, as utf8.DecodeRune and encoding/json do).
 */

const asciiOnly = /^[\x00-\x7f]*$/;

export function isAscii(s: string): boolean {
  return asciiOnly.test(s);
}

export function utf8Bytes(s: string): Uint8Array {
  return Buffer.from(s, 'utf8');
}

/** len(s) in Go. */
export function byteLength(s: string): number {
  return isAscii(s) ? s.length : Buffer.byteLength(s, 'utf8');
}

/** Length of the valid UTF-8 sequence starting at b[i], or 0 if it is not one. */
function validSeqLen(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number): boolean => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1];
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 > 0x9f) return 0; // surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1];
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 > 0x8f) return 0;
    return 4;
  }
  return 0;
}

/** Decodes bytes as Go would print them: every invalid byte becomes U+FFFD. */
export function decodeUtf8(b: Uint8Array): string {
  let allAscii = true;
  for (let i = 0; i < b.length; i++) {
    if (b[i] >= 0x80) {
      allAscii = false;
      break;
    }
  }
  if (allAscii) return Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
  let out = '';
  let start = 0;
  let i = 0;
  while (i < b.length) {
    const n = validSeqLen(b, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += Buffer.from(b.subarray(start, i)).toString('utf8') + '\ufffd';
    i++;
    start = i;
  }
  return out + Buffer.from(b.subarray(start, i)).toString('utf8');
}

/** s[start:end] on bytes; bounds must already be valid. */
export function sliceBytes(s: string, start: number, end?: number): string {
  if (isAscii(s)) return s.slice(start, end);
  const b = utf8Bytes(s);
  return decodeUtf8(b.subarray(start, end ?? b.length));
}

/**
 * Go's `rune(str[i])` on each byte, written back with WriteRune: the Latin-1
 * reading of the bytes. goutils' byte-wise functions (nospace, initials) do it.
 */
export function byteToRuneString(byte: number): string {
  return String.fromCharCode(byte);
}

/** The code points of s, as Go's `for _, r := range s` sees them. */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

/** Compares two strings the way Go does: bytewise on UTF-8. */
export function compareGoStrings(a: string, b: string): number {
  if (isAscii(a) && isAscii(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
