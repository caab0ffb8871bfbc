/**
 * Unicode's table of well-formed UTF-8 (The Unicode Standard, table 3-7), for the loader's two
 * readers of bytes: bad-bytes.ts (WHATWG's decoding, one U+FFFD per maximal subpart) and
 * byte-names.ts (file names, each invalid byte kept). src/helm/go/utf8.ts has Go's twin: the
 * renderer stands alone and is reached only through its front door.
 */

/** What a lead byte asks of the bytes after it. */
export interface Utf8Lead {
  /** Continuation bytes that follow (1-3). */
  continuations: number;
  /** The range of the first continuation byte (no overlong forms, no surrogates, nothing past U+10FFFF); the others are 0x80-0xBF. */
  lower: number;
  upper: number;
}

const leads: Array<Utf8Lead | undefined> = [];
for (let b = 0xc2; b <= 0xf4; b++) {
  const continuations = b <= 0xdf ? 1 : b <= 0xef ? 2 : 3;
  const lower = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const upper = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  leads[b] = { continuations, lower, upper };
}

/** The lead byte `b` of a multi-byte sequence, or undefined (ASCII, a continuation byte, 0xC0, 0xC1, 0xF5-0xFF). */
export function utf8Lead(b: number): Utf8Lead | undefined {
  return leads[b];
}
