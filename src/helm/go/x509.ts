/**
 * Private keys and X.509 certificates as Sprig makes them with Go's crypto
 * packages: PEM blocks of the types Go writes ("RSA PRIVATE KEY", "EC PRIVATE
 * KEY", "DSA PRIVATE KEY", PKCS#8 "PRIVATE KEY"), and certificates laid out
 * like x509.CreateCertificate's (extension order, critical flags, string
 * types, SHA-1 subject key id for CAs, authority key id from the issuer).
 *
 * Built on node:crypto (key generation, signing) and a small DER writer: no
 * registry package is needed for this fixed certificate shape.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import {
  bitString,
  bool,
  children,
  explicit,
  goString,
  goTime,
  implicitPrim,
  integer,
  nullDer,
  octets,
  oid,
  pemDecode,
  pemEncode,
  readInteger,
  readNode,
  readOid,
  seq,
  set,
  tlv,
  type Der,
} from './der.js';

const OID_DSA = '1.2.840.10040.4.1';

/** A private key as Go holds it: node's key object, or DSA (which Go cannot sign certificates with). */
export type PrivKey = { kind: 'rsa' | 'ec' | 'ed25519'; key: KeyObject } | { kind: 'dsa'; key: KeyObject };

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

/** The DSA parameters and secret out of node's PKCS#8 export. */
function dsaParts(key: KeyObject): { p: bigint; q: bigint; g: bigint; x: bigint } {
  const der = key.export({ type: 'pkcs8', format: 'der' });
  const [, algo, priv] = children(readNode(der));
  const [, params] = children(algo);
  const [p, q, g] = children(params).map(readInteger);
  const x = readInteger(readNode(priv.content));
  return { p, q, g, x };
}

/** A DSA key in PKCS#8 form, which is what node can import. */
function dsaFromParts(p: bigint, q: bigint, g: bigint, x: bigint): KeyObject {
  const der = seq(integer(0n), seq(oid(OID_DSA), seq(integer(p), integer(q), integer(g))), octets(integer(x)));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/** pemBlockForKey: the PEM Go writes for each key type. */
export function keyToPem(k: PrivKey): string {
  switch (k.kind) {
    case 'rsa':
      return k.key.export({ type: 'pkcs1', format: 'pem' }).toString();
    case 'ec':
      return k.key.export({ type: 'sec1', format: 'pem' }).toString();
    case 'ed25519':
      return k.key.export({ type: 'pkcs8', format: 'pem' }).toString();
    case 'dsa': {
      // Sprig's own SEQUENCE { version, P, Q, G, Y, X }.
      const { p, q, g, x } = dsaParts(k.key);
      const y = modPow(g, x, p);
      return pemEncode('DSA PRIVATE KEY', seq(integer(0n), integer(p), integer(q), integer(g), integer(y), integer(x)));
    }
  }
}

export function generateKey(kind: PrivKey['kind'], rsaBits: number): PrivKey {
  switch (kind) {
    case 'rsa':
      return { kind, key: generateKeyPairSync('rsa', { modulusLength: rsaBits }).privateKey };
    case 'ec':
      return { kind, key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey };
    case 'ed25519':
      return { kind, key: generateKeyPairSync('ed25519').privateKey };
    case 'dsa':
      return { kind, key: generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }).privateKey };
  }
}

function kindOf(key: KeyObject): PrivKey['kind'] | undefined {
  switch (key.asymmetricKeyType) {
    case 'rsa': return 'rsa';
    case 'ec': return 'ec';
    case 'ed25519': return 'ed25519';
    case 'dsa': return 'dsa';
    default: return undefined;
  }
}

/** Sprig's parsePrivateKeyPEM, with its error texts (the inner parser messages are node's). */
export function parsePrivateKeyPem(text: string): PrivKey {
  const block = pemDecode(text);
  if (!block) throw new Error('no PEM data in input');
  const load = (type: 'pkcs8' | 'pkcs1' | 'sec1'): KeyObject => createPrivateKey({ key: block.bytes, format: 'der', type });
  if (block.type === 'PRIVATE KEY') {
    let key: KeyObject;
    try {
      key = load('pkcs8');
    } catch (e) {
      throw new Error(`decoding PEM as PKCS#8: ${(e as Error).message}`);
    }
    const kind = kindOf(key);
    if (!kind) throw new Error(`decoding PEM as PKCS#8: x509: PKCS#8 wrapping contained private key with unknown algorithm`);
    return { kind, key } as PrivKey;
  }
  if (!block.type.endsWith(' PRIVATE KEY')) throw new Error(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -12)) {
    case 'RSA':
      try {
        return { kind: 'rsa', key: load('pkcs1') };
      } catch (e) {
        throw new Error(`parsing RSA private key from PEM: ${(e as Error).message}`);
      }
    case 'EC':
      try {
        return { kind: 'ec', key: load('sec1') };
      } catch (e) {
        throw new Error(`parsing EC private key from PEM: ${(e as Error).message}`);
      }
    case 'DSA':
      try {
        const [, p, q, g, , x] = children(readNode(block.bytes)).map(readInteger);
        return { kind: 'dsa', key: dsaFromParts(p, q, g, x) };
      } catch (e) {
        throw new Error(`parsing DSA private key from PEM: ${(e as Error).message}`);
      }
    default:
      throw new Error(`invalid private key type ${block.type}`);
  }
}

// ---- certificates

const OID_CN = '2.5.4.3';
const OID_KEY_USAGE = '2.5.29.15';
const OID_EXT_KEY_USAGE = '2.5.29.37';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_SUBJECT_KEY_ID = '2.5.29.14';
const OID_AUTHORITY_KEY_ID = '2.5.29.35';
const OID_SAN = '2.5.29.17';
const OID_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** Key usage bits as Go numbers them (DigitalSignature = 1 << 0 ...). */
export const KU_DIGITAL_SIGNATURE = 1;
export const KU_KEY_ENCIPHERMENT = 4;
export const KU_CERT_SIGN = 32;

export interface CertTemplate {
  cn: string;
  /** Raw IP bytes (4 or 16) and DNS names for the subject alternative name. */
  ips: Buffer[];
  dnsNames: string[];
  daysValid: number;
  isCA: boolean;
  keyUsage: number;
}

function nameDer(cn: string): Der {
  return cn === '' ? seq() : seq(set(seq(oid(OID_CN), goString(cn))));
}

function extension(id: string, critical: boolean, value: Der): Der {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

/** KeyUsage as Go marshals it: bits reversed into a BIT STRING trimmed after the last set bit. */
function keyUsageDer(ku: number): Der {
  const reverse = (b: number): number => {
    let r = 0;
    for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 1 << (7 - i);
    return r;
  };
  const bytes = [reverse(ku & 0xff), reverse((ku >> 8) & 0xff)];
  const used = bytes[1] !== 0 ? 2 : 1;
  const buf = Buffer.from(bytes.slice(0, used));
  let bitLen = used * 8;
  for (let i = used - 1; i >= 0; i--) {
    if (buf[i] === 0) { bitLen -= 8; continue; }
    for (let bit = 0; bit < 8; bit++) {
      if (buf[i] & (1 << bit)) break;
      bitLen--;
    }
    break;
  }
  return bitString(buf, used * 8 - bitLen);
}

function signatureAlgorithm(kind: PrivKey['kind']): Der {
  switch (kind) {
    case 'rsa': return seq(oid('1.2.840.113549.1.1.11'), nullDer());
    case 'ec': return seq(oid('1.2.840.10045.4.3.2'));
    default: return seq(oid('1.3.101.112'));
  }
}

function signWith(k: PrivKey, data: Buffer): Buffer {
  switch (k.kind) {
    case 'rsa': return sign('sha256', data, k.key);
    case 'ec': return sign('sha256', data, { key: k.key, dsaEncoding: 'der' });
    case 'ed25519': return sign(null, data, k.key);
    case 'dsa': throw new Error('x509: certificate private key does not implement crypto.Signer');
  }
}

/** The issuer side of signing: the CA certificate's raw subject, key id and public key. */
export interface Issuer {
  rawSubject: Buffer;
  subjectKeyId?: Buffer;
  publicKey: KeyObject;
}

/** Reads what signing needs from a DER certificate. */
export function issuerFromCert(der: Buffer): Issuer {
  const cert = new X509Certificate(der);
  const tbs = children(readNode(der))[0];
  const fields = children(tbs);
  // [0] version is present in v3 certificates; subject is the 6th field then.
  const base = fields[0].tag === 0xa0 ? 1 : 0;
  const rawSubject = fields[base + 4].raw;
  let subjectKeyId: Buffer | undefined;
  const extsWrap = fields.find((f) => f.tag === 0xa3);
  if (extsWrap) {
    for (const ext of children(children(extsWrap)[0])) {
      const parts = children(ext);
      if (readOid(parts[0]) === OID_SUBJECT_KEY_ID) {
        subjectKeyId = readNode(parts[parts.length - 1].content).content;
      }
    }
  }
  return { rawSubject, subjectKeyId, publicKey: cert.publicKey };
}

/**
 * x509.CreateCertificate for Sprig's templates. `issuer` undefined means
 * self-signed (the template is its own parent).
 */
export function createCertificate(t: CertTemplate, subjectKey: PrivKey, issuer: Issuer | undefined, signingKey: PrivKey): Buffer {
  if (signingKey.kind === 'dsa') throw new Error('x509: certificate private key does not implement crypto.Signer');
  if (subjectKey.kind === 'dsa') throw new Error('x509: unsupported public key type: *dsa.PublicKey');
  const spki = createPublicKey(subjectKey.key).export({ type: 'spki', format: 'der' });
  const publicKeyBits = children(readNode(spki))[1].content.subarray(1);
  const subject = nameDer(t.cn);
  const issuerName = issuer ? issuer.rawSubject : subject;
  if (issuer) {
    const signerPub = createPublicKey(signingKey.key).export({ type: 'spki', format: 'der' });
    const parentPub = issuer.publicKey.export({ type: 'spki', format: 'der' });
    if (!signerPub.equals(parentPub)) throw new Error("x509: provided PrivateKey doesn't match parent's PublicKey");
  }
  const subjectKeyId = t.isCA ? createHash('sha1').update(publicKeyBits).digest() : undefined;
  const authorityKeyId = issuer && !issuer.rawSubject.equals(subject) ? issuer.subjectKeyId : undefined;

  const exts: Der[] = [];
  if (t.keyUsage !== 0) exts.push(extension(OID_KEY_USAGE, true, keyUsageDer(t.keyUsage)));
  exts.push(extension(OID_EXT_KEY_USAGE, false, seq(oid(OID_SERVER_AUTH), oid(OID_CLIENT_AUTH))));
  exts.push(extension(OID_BASIC_CONSTRAINTS, true, t.isCA ? seq(bool(true)) : seq()));
  if (subjectKeyId) exts.push(extension(OID_SUBJECT_KEY_ID, false, octets(subjectKeyId)));
  if (authorityKeyId && authorityKeyId.length > 0) exts.push(extension(OID_AUTHORITY_KEY_ID, false, seq(implicitPrim(0, authorityKeyId))));
  if (t.dnsNames.length > 0 || t.ips.length > 0) {
    const names = [...t.dnsNames.map((d) => implicitPrim(2, Buffer.from(d, 'latin1'))), ...t.ips.map((ip) => implicitPrim(7, ip))];
    // An empty subject makes the SAN critical (RFC 5280 4.2.1.6).
    exts.push(extension(OID_SAN, t.cn === '', seq(...names)));
  }

  const notBefore = new Date();
  const notAfter = new Date(notBefore.getTime() + t.daysValid * 86_400_000);
  // Serial: a random integer below 2^128.
  const serial = BigInt('0x' + randomBytes(16).toString('hex'));
  const tbs = seq(
    explicit(0, integer(2n)),
    integer(serial),
    signatureAlgorithm(signingKey.kind),
    issuerName,
    seq(goTime(notBefore), goTime(notAfter)),
    subject,
    spki,
    explicit(3, seq(...exts)),
  );
  const signature = signWith(signingKey, tbs);
  return seq(tbs, signatureAlgorithm(signingKey.kind), bitString(signature));
}

/** net.ParseIP as raw bytes in the form x509 writes (IPv4 as 4 bytes), or undefined. */
export function parseIP(s: string): Buffer | undefined {
  const v4 = (str: string): number[] | undefined => {
    const parts = str.split('.');
    if (parts.length !== 4) return undefined;
    const out: number[] = [];
    for (const p of parts) {
      // Go rejects leading zeros since 1.17.
      if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
      out.push(Number(p));
    }
    return out;
  };
  const four = v4(s);
  if (four) return Buffer.from(four);
  if (!s.includes(':') || s.includes('%')) return undefined;
  let head = s;
  let tailV4: number[] | undefined;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    tailV4 = v4(s.slice(lastColon + 1));
    if (!tailV4) return undefined;
    head = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  if (!left || !right) return undefined;
  const missing = 8 - left.length - right.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return undefined;
  const all = [...left, ...new Array(halves.length === 2 ? missing : 0).fill(0), ...right];
  const bytes = Buffer.alloc(16);
  all.forEach((g, i) => bytes.writeUInt16BE(g, 2 * i));
  if (tailV4) Buffer.from(tailV4).copy(bytes, 12);
  // IPv4-mapped addresses are written as IPv4.
  if (bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.subarray(12);
  return bytes;
}

export { pemDecode, pemEncode, tlv };
