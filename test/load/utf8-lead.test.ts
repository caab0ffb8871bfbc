/**
 * The loader's two byte readers share Unicode's well-formed UTF-8 table (src/load/utf8-lead.ts):
 * bad-bytes.ts must find exactly what the WHATWG decoder replaces, and byte-names.ts must decode
 * valid UTF-8 as the decoder does and keep every other byte, reversibly. Checked on random byte
 * strings weighted towards the table's edges (a fixed seed: a failure repeats).
 */
import { describe, expect, it } from 'vitest';
import { findBadBytes } from '../../src/load/bad-bytes.js';
import { nameFromBytes, pathBytes } from '../../src/load/byte-names.js';

/** Bytes near the table's edges: ASCII, continuation bounds, every lead byte and the invalid ones. */
const EDGES = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];

function* samples(count: number): Generator<Uint8Array> {
  let seed = 0x2545f491;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  for (let n = 0; n < count; n++) {
    const bytes = new Uint8Array(1 + (next() % 7));
    for (let i = 0; i < bytes.length; i++) bytes[i] = next() % 4 === 0 ? next() % 256 : EDGES[next() % EDGES.length]!;
    yield bytes;
  }
}

describe('the well-formed UTF-8 table', () => {
  const decoder = new TextDecoder('utf-8');

  it('bad-bytes finds exactly the U+FFFD the WHATWG decoder writes', () => {
    for (const bytes of samples(20_000)) {
      const text = decoder.decode(bytes);
      const replaced: number[] = [];
      for (let i = 0; i < text.length; i++) if (text[i] === '\uFFFD') replaced.push(i);
      const found = findBadBytes(bytes, 100).filter((b) => !b.nul).map((b) => b.offset);
      expect(found, Buffer.from(bytes).toString('hex')).toEqual(replaced);
    }
  });

  it('byte-names decodes valid UTF-8 as the decoder does and keeps every other byte, reversibly', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (const bytes of samples(20_000)) {
      const name = nameFromBytes(bytes);
      expect(Buffer.compare(pathBytes(name), Buffer.from(bytes)), Buffer.from(bytes).toString('hex')).toBe(0);
      let valid: string | undefined;
      try {
        valid = fatal.decode(bytes);
      } catch {
        valid = undefined;
      }
      if (valid !== undefined) expect(name).toBe(valid);
    }
  });
});
