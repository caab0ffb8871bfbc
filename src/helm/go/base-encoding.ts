/**
 * Go's encoding/base64 and encoding/base32 standard encodings, decoding
 * included, with Go's CorruptInputError offsets: Sprig's b64dec/b32dec return
 * the error text ("illegal base64 data at input byte 4") as their result.
 * Go's decoders skip \r and \n anywhere in the input.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function decodeMap(alphabet: string): Uint8Array {
  const m = new Uint8Array(256).fill(0xff);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
}

const b64Map = decodeMap(B64);
const b32Map = decodeMap(B32);
const PAD = 0x3d; // '='

export type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const isNl = (c: number): boolean => c === 0x0a || c === 0x0d;

/** base64.StdEncoding.DecodeString. */
export function base64Decode(src: Uint8Array): Decoded {
  const out: number[] = [];
  let si = 0;
  const corrupt = (at: number): Decoded => ({ ok: false, error: `illegal base64 data at input byte ${at}` });
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing = -1;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Uint8Array.from(out) };
        return corrupt(si - j);
      }
      const c = src[si++];
      const v = b64Map[c];
      if (v !== 0xff) {
        dbuf[j] = v;
        continue;
      }
      if (isNl(c)) {
        j--;
        continue;
      }
      if (c !== PAD) return corrupt(si - 1);
      // Padding: the end of the data.
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && isNl(src[si])) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== PAD) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNl(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]);
    if (trailing >= 0) return corrupt(trailing);
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

export function base64Encode(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('base64');
}

/** base32.StdEncoding.EncodeToString. */
export function base32Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(k < chunk.length ? chunk[k] : 0);
    const nChars = [0, 2, 4, 5, 7, 8][chunk.length];
    for (let k = 0; k < 8; k++) {
      out += k < nChars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
    }
  }
  return out;
}

/** base32.StdEncoding.DecodeString (newlines are removed first, so offsets ignore them). */
export function base32Decode(input: Uint8Array): Decoded {
  const src = input.filter((c) => !isNl(c));
  const olen = src.length;
  const corrupt = (at: number): Decoded => ({ ok: false, error: `illegal base32 data at input byte ${at}` });
  const out: number[] = [];
  let p = 0;
  let end = false;
  while (p < src.length && !end) {
    const dbuf = new Array<number>(8).fill(0);
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      if (p === src.length) return corrupt(olen - (src.length - p) - j);
      const c = src[p++];
      const left = src.length - p;
      if (c === PAD && j >= 2 && left < 8) {
        if (left + j < 7) return corrupt(olen);
        for (let k = 0; k < 7 - j; k++) {
          if (left > k && src[p + k] !== PAD) return corrupt(olen - left + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return corrupt(olen - left - 1);
        break;
      }
      dbuf[j] = b32Map[c];
      if (dbuf[j] === 0xff) return corrupt(olen - left - 1);
      j++;
    }
    const bytes = [
      ((dbuf[0] << 3) | (dbuf[1] >> 2)) & 0xff,
      ((dbuf[1] << 6) | (dbuf[2] << 1) | (dbuf[3] >> 4)) & 0xff,
      ((dbuf[3] << 4) | (dbuf[4] >> 1)) & 0xff,
      ((dbuf[4] << 7) | (dbuf[5] << 2) | (dbuf[6] >> 3)) & 0xff,
      ((dbuf[6] << 5) | dbuf[7]) & 0xff,
    ];
    const n = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[dlen] ?? 0;
    for (let k = 0; k < n; k++) out.push(bytes[k]);
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}
