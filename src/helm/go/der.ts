/**
 * Just enough ASN.1 DER to build X.509 certificates the way Go's
 * x509.CreateCertificate lays them out, and to read back the few fields of a
 * CA certificate that signing needs (subject, subject key id). PEM framing is
 * Go's encoding/pem: 64-character base64 lines.
 */

export type Der = Buffer;

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer): Der {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

export const seq = (...items: Der[]): Der => tlv(0x30, Buffer.concat(items));
export const set = (...items: Der[]): Der => tlv(0x31, Buffer.concat(items));
export const octets = (b: Buffer): Der => tlv(0x04, b);
export const nullDer = (): Der => Buffer.from([0x05, 0x00]);
export const bool = (v: boolean): Der => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
/** [n] EXPLICIT, constructed context tag. */
export const explicit = (n: number, inner: Der): Der => tlv(0xa0 | n, inner);
/** [n] IMPLICIT primitive context tag. */
export const implicitPrim = (n: number, content: Buffer): Der => tlv(0x80 | n, content);

export function bitString(b: Buffer, unusedBits = 0): Der {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), b]));
}

/** A non-negative INTEGER. */
export function integer(v: bigint): Der {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let b = Buffer.from(hex, 'hex');
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

export function oid(dotted: string): Der {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [40 * parts[0] + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    let n = Math.floor(p / 128);
    while (n > 0) {
      chunk.unshift(0x80 | (n & 0x7f));
      n = Math.floor(n / 128);
    }
    for (const b of chunk) bytes.push(b);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/**
 * A string as Go's asn1.Marshal writes an untagged Go string: PrintableString
 * when every byte is printable (letters, digits, space and '()+,-./:=?*'),
 * else UTF8String.
 */
export function goString(s: string): Der {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);
  return tlv(printable ? 0x13 : 0x0c, Buffer.from(s, 'utf8'));
}

/** UTCTime for 1950-2049, else GeneralizedTime, in whole seconds, as Go encodes validity. */
export function goTime(d: Date): Der {
  const y = d.getUTCFullYear();
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const rest = p2(d.getUTCMonth() + 1) + p2(d.getUTCDate()) + p2(d.getUTCHours()) + p2(d.getUTCMinutes()) + p2(d.getUTCSeconds()) + 'Z';
  if (y >= 1950 && y < 2050) return tlv(0x17, Buffer.from(p2(y % 100) + rest, 'latin1'));
  return tlv(0x18, Buffer.from(String(y).padStart(4, '0') + rest, 'latin1'));
}

// ---- reading

export interface Node {
  tag: number;
  /** The whole element, header included. */
  raw: Buffer;
  content: Buffer;
}

/** Reads one element at `offset`; throws on truncated input. */
export function readNode(buf: Buffer, offset = 0): Node & { end: number } {
  if (offset + 2 > buf.length) throw new Error('asn1: truncated element');
  const tag = buf[offset];
  let len = buf[offset + 1];
  let hdr = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || offset + 2 + n > buf.length) throw new Error('asn1: bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i];
    hdr += n;
  }
  const end = offset + hdr + len;
  if (end > buf.length) throw new Error('asn1: truncated element');
  return { tag, raw: buf.subarray(offset, end), content: buf.subarray(offset + hdr, end), end };
}

/** The children of a constructed element. */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  let at = 0;
  while (at < node.content.length) {
    const n = readNode(node.content, at);
    out.push(n);
    at = n.end;
  }
  return out;
}

export function readOid(node: Node): string {
  const b = node.content;
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export function readInteger(node: Node): bigint {
  return node.content.length === 0 ? 0n : BigInt('0x' + node.content.toString('hex'));
}

// ---- PEM

export function pemEncode(type: string, der: Buffer): string {
  const b64 = der.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${type}-----\n${lines.join('\n')}${lines.length ? '\n' : ''}-----END ${type}-----\n`;
}

/** encoding/pem.Decode of the first block: its type and bytes, or undefined. */
export function pemDecode(text: string): { type: string; bytes: Buffer } | undefined {
  const m = /-----BEGIN ([^\n]*?)-----[ \t]*\r?\n((?:[^\n]*:[^\n]*\r?\n)*(?:\r?\n)?)?([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return undefined;
  const body = m[3].replace(/[\s]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) return undefined;
  return { type: m[1], bytes: Buffer.from(body, 'base64') };
}
