/**
 * Go's unicode/utf8 over JavaScript strings. Go strings are UTF-8 byte
 * strings; JavaScript strings are UTF-16. `len`, `slice`, `%x` and the Sprig
 * functions that index or cut strings (substr, trunc, abbrev, wrap...) work on
 * bytes in Go, so they go through these helpers. A cut inside a multi-byte
 * character leaves invalid UTF-8 in Go; decodeUtf8 decodes it the way Go prints
 * it afterwards (each invalid byte becomes U+FFFD, as utf8.DecodeRune and
 * encoding/json do).
 */

const asciiOnly = /^[\x00-\x7f]*$/;

export function isAscii(s: string): boolean {
  return asciiOnly.test(s);
}

/** UTF-8 bytes of a JS string (lone surrogates become U+FFFD, as Go would see them). */
export function utf8Bytes(s: string): Uint8Array {
  return Buffer.from(s, 'utf8');
}

const textDecoder = new TextDecoder('utf-8');

/**
 * Decodes bytes the way a UTF-8 reader of Helm's output sees them (WHATWG:
 * one U+FFFD per maximal invalid subpart, where decodeUtf8 puts one per byte):
 * the text of chart files (.Files.Get) and of string constants with escapes.
 */
export function decodeUtf8AsText(b: Uint8Array): string {
  return textDecoder.decode(b);
}

/** len(s) in Go: the number of UTF-8 bytes. */
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

/** utf8.RuneCountInString. */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Go's string comparison (bytewise UTF-8, i.e. code point order): negative, 0
 * or positive. Compares UTF-16 units, mapping surrogates above the rest of the
 * BMP, which is the UTF-8 order without encoding.
 */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Code units of surrogate pairs encode code points above every BMP character.
      if (x >= 0xd800 && x <= 0xdfff) x += 0x2000;
      else if (x >= 0xe000) x -= 0x800;
      if (y >= 0xd800 && y <= 0xdfff) y += 0x2000;
      else if (y >= 0xe000) y -= 0x800;
      return x - y;
    }
  }
  return a.length - b.length;
}
