/**
 * Sprig's encodings and checksums. Text is encoded as its UTF-8 bytes. The
 * decoders do not fail: on bad input they return Go's error text instead of
 * the data, exactly as Sprig does, so a broken value shows up in the output.
 */
import { createHash } from 'node:crypto';
import type { GoFunction } from '../go/value.js';
import { goFunc, sig } from './signatures.js';
import { decodeUtf8, utf8Bytes } from '../go/utf8.js';
import { base32Decode, base32Encode, base64Decode, base64Encode, type Decoded } from '../go/base-encoding.js';

const text = (d: Decoded): string => (d.ok ? decodeUtf8(d.bytes) : d.error);

const hex = (algorithm: string) => (s: string): string => createHash(algorithm).update(s, 'utf8').digest('hex');

/** hash/adler32 checksum, printed as an unsigned decimal. */
function adler32(s: string): string {
  const MOD = 65521;
  let a = 1;
  let b = 0;
  for (const c of utf8Bytes(s)) {
    a = (a + c) % MOD;
    b = (b + a) % MOD;
  }
  return String(b * 65536 + a);
}

export const encodingFuncs: Record<string, GoFunction> = {
  b64enc: goFunc('b64enc', sig('string'), (s: string) => base64Encode(utf8Bytes(s))),
  b64dec: goFunc('b64dec', sig('string'), (s: string) => text(base64Decode(utf8Bytes(s)))),
  b32enc: goFunc('b32enc', sig('string'), (s: string) => base32Encode(utf8Bytes(s))),
  b32dec: goFunc('b32dec', sig('string'), (s: string) => text(base32Decode(utf8Bytes(s)))),
  sha1sum: goFunc('sha1sum', sig('string'), hex('sha1')),
  sha256sum: goFunc('sha256sum', sig('string'), hex('sha256')),
  sha512sum: goFunc('sha512sum', sig('string'), hex('sha512')),
  adler32sum: goFunc('adler32sum', sig('string'), adler32),
};
