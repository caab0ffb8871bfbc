/**
 * Sprig's crypto functions: keys and certificates (see ../go/x509.ts), bcrypt
 * and htpasswd (bcryptjs, "$2a$" hashes of cost 10 as Go writes them),
 * encryptAES/decryptAES (Sprig's AES-256-CBC scheme, so each side decrypts
 * the other's output), derivePassword (Master Password's algorithm) and
 * randBytes. Errors Sprig returns as strings stay strings; the rest throw.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync } from 'node:crypto';
import bcryptLib from 'bcryptjs';
import { GoInt, GoObject, NO_FIELD, type GoFunction, type GoValue } from '../go/value.js';
import { formatV, goTypeName, intArg, newMap, sliceArg, strArg } from './arguments.js';
import { declareSignatures } from './arguments.js';
import {
  KU_CERT_SIGN,
  KU_DIGITAL_SIGNATURE,
  KU_KEY_ENCIPHERMENT,
  createCertificate,
  generateKey,
  issuerFromCert,
  keyToPem,
  parseIP,
  parsePrivateKeyPem,
  pemDecode,
  pemEncode,
  type CertTemplate,
  type Issuer,
  type PrivKey,
} from '../go/x509.js';

/** Sprig's `certificate` struct: PEM text of a certificate and of its key. */
export class Certificate extends GoObject {
  constructor(readonly cert: string, readonly key: string) {
    super();
  }
  goType(): string {
    return 'sprig.certificate';
  }
  formatV(): string {
    return `{${this.cert} ${this.key}}`;
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    if (name === 'Cert') return this.cert;
    if (name === 'Key') return this.key;
    return NO_FIELD;
  }
  override toJSONValue(): GoValue {
    const m = newMap();
    m.Cert = this.cert;
    m.Key = this.key;
    return m;
  }
}

// ---- bcrypt

function bcrypt(input: string): string {
  // Current golang.org/x/crypto refuses passwords longer than 72 bytes.
  if (Buffer.byteLength(input, 'utf8') > 72) {
    return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes';
  }
  const salt = '$2a$10$' + bcryptLib.encodeBase64(Array.from(randomBytes(16)), 16);
  return bcryptLib.hashSync(input, salt);
}

function htpasswd(user: string, password: string): string {
  if (user.includes(':')) return `invalid username: ${user}`;
  return `${user}:${bcrypt(password)}`;
}

// ---- AES

/** The key is the password's bytes, zero-padded or cut to 32: AES-256. */
function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv);
  // PKCS#7 padding, as node applies by default.
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64_ALPHABET].map((c, i) => [c.charCodeAt(0), i]));

/**
 * Go's base64.StdEncoding.DecodeString, quantum by quantum so that the error
 * names the same byte offset: CR and LF are skipped anywhere, "=" pads only
 * the third or fourth place of the last quantum.
 */
function decodeStdBase64(s: string): Buffer {
  const src = Buffer.from(s, 'utf8');
  const out: number[] = [];
  const corrupt = (at: number): never => {
    throw new Error(`illegal base64 data at input byte ${at}`);
  };
  const isNewline = (b: number): boolean => b === 0x0a || b === 0x0d;
  let si = 0;
  while (si < src.length) {
    const q: number[] = [];
    let dlen = 4;
    let trailing = -1;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Buffer.from(out);
        // Std has padding, so a short final quantum is corrupt.
        corrupt(si - j);
      }
      const c = src[si++];
      const v = B64_VALUE.get(c);
      if (v !== undefined) {
        q.push(v);
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d || j < 2) corrupt(si - 1);
      if (j === 2) {
        // A second "=" must follow (newlines allowed between).
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) corrupt(src.length);
        if (src[si] !== 0x3d) corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = ((q[0] ?? 0) << 18) | ((q[1] ?? 0) << 12) | ((q[2] ?? 0) << 6) | (q[3] ?? 0);
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (const b of bytes.slice(0, dlen - 1)) out.push(b);
    if (trailing >= 0) corrupt(trailing);
  }
  return Buffer.from(out);
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const crypt = decodeStdBase64(crypt64);
  if (crypt.length < 16) {
    // Go slices a buffer of DecodedLen(len(input)) bytes: crypt[:16] only fails
    // beyond that capacity, and then crypt[16:] fails beyond the length.
    const capacity = Math.floor(Buffer.byteLength(crypt64, 'utf8') / 4) * 3;
    if (capacity < 16) throw new Error(`runtime error: slice bounds out of range [:16] with capacity ${capacity}`);
    throw new Error(`runtime error: slice bounds out of range [16:${crypt.length}]`);
  }
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new Error('crypto/cipher: input not full blocks');
  if (body.length === 0) throw new Error('runtime error: index out of range [-1]');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  // Sprig trims as many bytes as the last byte says, without checking them.
  const cut = plain.length - plain[plain.length - 1];
  if (cut < 0) throw new Error(`runtime error: slice bounds out of range [:${cut}]`);
  return plain.subarray(0, cut).toString('utf8');
}

// ---- derivePassword

const MASTER_PASSWORD_SEED = 'com.lyndir.masterpassword';

const PASSWORD_TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno', 'CvcvnoCvccCvcv', 'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno', 'CvccnoCvccCvcv', 'CvccCvccnoCvcv', 'CvccCvccCvcvno',
    'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno', 'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const TEMPLATE_CHARACTERS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

function uint32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function derivePassword(counter: number, passwordType: string, password: string, user: string, site: string): string {
  const templates = PASSWORD_TEMPLATES[passwordType];
  if (!templates) return `cannot find password template ${passwordType}`;
  const seed = Buffer.from(MASTER_PASSWORD_SEED, 'latin1');
  const userBytes = Buffer.from(user, 'utf8');
  const salt = Buffer.concat([seed, uint32be(userBytes.length), userBytes]);
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 128 * 32768 * 8 * 2 + (1 << 20) });
  const siteBytes = Buffer.from(site, 'utf8');
  const message = Buffer.concat([seed, uint32be(siteBytes.length), siteBytes, uint32be(counter)]);
  const digest = createHmac('sha256', key).update(message).digest();
  const template = templates[digest[0] % templates.length];
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const chars = TEMPLATE_CHARACTERS[template[i]];
    out += chars[digest[i + 1] % chars.length];
  }
  return out;
}

// ---- keys and certificates

function genPrivateKey(typ: string): string {
  const kinds: Record<string, PrivKey['kind']> = { '': 'rsa', rsa: 'rsa', dsa: 'dsa', ecdsa: 'ec', ed25519: 'ed25519' };
  const kind = kinds[typ];
  if (!kind) return `Unknown type ${typ}`;
  return keyToPem(generateKey(kind, 4096));
}

function netIPs(ips: GoValue[] | null): Buffer[] {
  return (ips ?? []).map((ip) => {
    if (typeof ip !== 'string') throw new Error(`error parsing ip: ${formatV(ip ?? null)} is not a string`);
    const b = parseIP(ip);
    if (!b) throw new Error(`error parsing ip: ${ip}`);
    return b;
  });
}

function dnsNames(names: GoValue[] | null): string[] {
  return (names ?? []).map((d) => {
    if (typeof d !== 'string') throw new Error(`error processing alternate dns name: ${formatV(d ?? null)} is not a string`);
    return d;
  });
}

function baseTemplate(cn: string, ips: GoValue, alternateDNS: GoValue, daysValid: GoValue): CertTemplate {
  const ipList = netIPs(sliceArg(ips));
  const dns = dnsNames(sliceArg(alternateDNS));
  return {
    cn,
    ips: ipList,
    dnsNames: dns,
    daysValid: intArg(daysValid),
    isCA: false,
    keyUsage: KU_KEY_ENCIPHERMENT | KU_DIGITAL_SIGNATURE,
  };
}

/** getCertAndKey: signs the template (self-signed when `issuer` is undefined) and PEM-encodes both. */
function certAndKey(t: CertTemplate, subjectKey: PrivKey, issuer: Issuer | undefined, signingKey: PrivKey): Certificate {
  let der: Buffer;
  try {
    der = createCertificate(t, subjectKey, issuer, signingKey);
  } catch (e) {
    throw new Error(`error creating certificate: ${(e as Error).message}`);
  }
  return new Certificate(pemEncode('CERTIFICATE', der), keyToPem(subjectKey));
}

function withPemKey(privPEM: string): PrivKey {
  try {
    return parsePrivateKeyPem(privPEM);
  } catch (e) {
    throw new Error(`parsing private key: ${(e as Error).message}`);
  }
}

function genCA(cn: string, daysValid: GoValue, key: PrivKey): Certificate {
  const t = baseTemplate(cn, null, null, daysValid);
  t.keyUsage = KU_KEY_ENCIPHERMENT | KU_DIGITAL_SIGNATURE | KU_CERT_SIGN;
  t.isCA = true;
  return certAndKey(t, key, undefined, key);
}

function certArg(v: GoValue): Certificate {
  if (v instanceof Certificate) return v;
  throw new Error(`wrong type for value; expected sprig.certificate; got ${goTypeName(v ?? null)}`);
}

function genSigned(cn: string, ips: GoValue, alternateDNS: GoValue, daysValid: GoValue, ca: Certificate, key: () => PrivKey): Certificate {
  const block = pemDecode(ca.cert);
  if (!block) throw new Error('unable to decode certificate');
  let issuer: Issuer;
  try {
    issuer = issuerFromCert(block.bytes);
  } catch (e) {
    throw new Error(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  let signerKey: PrivKey;
  try {
    signerKey = parsePrivateKeyPem(ca.key);
  } catch (e) {
    throw new Error(`error parsing private key: ${(e as Error).message}`);
  }
  const t = baseTemplate(cn, ips, alternateDNS, daysValid);
  return certAndKey(t, key(), issuer, signerKey);
}

function buildCustomCert(b64cert: string, b64key: string): Certificate {
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = decodeStdBase64(b64cert);
  } catch {
    throw new Error('unable to decode base64 certificate');
  }
  try {
    key = decodeStdBase64(b64key);
  } catch {
    throw new Error('unable to decode base64 private key');
  }
  const block = pemDecode(cert.toString('latin1'));
  if (!block) throw new Error('unable to decode certificate');
  try {
    issuerFromCert(block.bytes);
  } catch (e) {
    throw new Error(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`);
  }
  try {
    parsePrivateKeyPem(key.toString('latin1'));
  } catch (e) {
    throw new Error(`error parsing private key: ${(e as Error).message}`);
  }
  return new Certificate(cert.toString('utf8'), key.toString('utf8'));
}

function randBytes(count: GoValue): string {
  const n = intArg(count);
  if (n < 0) throw new Error('runtime error: makeslice: len out of range');
  return randomBytes(n).toString('base64');
}

const rsa2048 = (): PrivKey => generateKey('rsa', 2048);

export const cryptoFuncs: Record<string, GoFunction> = declareSignatures({
  bcrypt: (s) => bcrypt(strArg(s)),
  htpasswd: (u, p) => htpasswd(strArg(u), strArg(p)),
  genPrivateKey: (t) => genPrivateKey(strArg(t)),
  // The counter is a uint32 (a GoInt from the executor; a bare integer when called directly).
  derivePassword: (counter, type, password, user, site) =>
    derivePassword(counter instanceof GoInt ? Number(counter.value) : intArg(counter), strArg(type), strArg(password), strArg(user), strArg(site)),
  buildCustomCert: (c, k) => buildCustomCert(strArg(c), strArg(k)),
  genCA: (cn, days) => genCA(strArg(cn), days, rsa2048()),
  genCAWithKey: (cn, days, pem) => genCA(strArg(cn), days, withPemKey(strArg(pem))),
  genSelfSignedCert: (cn, ips, dns, days) => {
    const t = baseTemplate(strArg(cn), ips, dns, days);
    const key = rsa2048();
    return certAndKey(t, key, undefined, key);
  },
  genSelfSignedCertWithKey: (cn, ips, dns, days, pem) => {
    const key = withPemKey(strArg(pem));
    const t = baseTemplate(strArg(cn), ips, dns, days);
    return certAndKey(t, key, undefined, key);
  },
  genSignedCert: (cn, ips, dns, days, ca) => genSigned(strArg(cn), ips, dns, days, certArg(ca), rsa2048),
  genSignedCertWithKey: (cn, ips, dns, days, ca, pem) => {
    const c = certArg(ca);
    const key = withPemKey(strArg(pem));
    return genSigned(strArg(cn), ips, dns, days, c, () => key);
  },
  encryptAES: (p, t) => encryptAES(strArg(p), strArg(t)),
  decryptAES: (p, c) => decryptAES(strArg(p), strArg(c)),
  randBytes,
}, {
  bcrypt: 'string', htpasswd: 'string,string', genPrivateKey: 'string', derivePassword: 'uint32,string,string,string,string',
  buildCustomCert: 'string,string', genCA: 'string,int', genCAWithKey: 'string,int,string',
  genSelfSignedCert: 'string,slice,slice,int', genSelfSignedCertWithKey: 'string,slice,slice,int,string',
  genSignedCert: 'string,slice,slice,int,type:sprig.certificate',
  genSignedCertWithKey: 'string,slice,slice,int,type:sprig.certificate,string',
  encryptAES: 'string,string', decryptAES: 'string,string', randBytes: 'int',
});
