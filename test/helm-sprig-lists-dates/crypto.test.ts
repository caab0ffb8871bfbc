/**
 * Crypto functions whose output is random: checked by property, and against
 * what the Go reference renderer produced (goldens.json) where that output
 * can be verified (AES ciphertexts decrypt, bcrypt hashes verify, certificates
 * have the same DER layout apart from serial, dates, keys and signatures).
 */
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import bcryptLib from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { cryptoFuncs, Certificate } from '../../src/helm/sprig/crypto.js';
import { children, pemDecode, readNode, readOid, type Node } from '../../src/helm/go/der.js';
import type { GoValue } from '../../src/helm/go/value.js';

interface Golden {
  tpl: string;
  out?: string;
}
const goldens = JSON.parse(readFileSync(new URL('./goldens.json', import.meta.url), 'utf8')) as Golden[];
const goOut = (tplStart: string): string => {
  const g = goldens.find((x) => x.tpl.startsWith(tplStart));
  if (!g || g.out === undefined) throw new Error(`no golden output for ${tplStart}`);
  return g.out;
};

const f = cryptoFuncs;
const call = (name: string, ...args: GoValue[]): GoValue => f[name](...args);

describe('encryptAES / decryptAES', () => {
  it('decrypts what Go encrypted', () => {
    expect(call('decryptAES', 'secretkey', goOut('{{ encryptAES "secretkey" "hello world"'))).toBe('hello world');
    expect(call('decryptAES', 'a much longer password that is cut to thirty-two bytes', goOut('{{ encryptAES "a much longer'))).toBe(
      'some text that spans more than one AES block, with ünïcode',
    );
    expect(call('decryptAES', '', goOut('{{ encryptAES "" "sixteen bytes!!!"'))).toBe('sixteen bytes!!!');
  });

  it('round-trips and uses a fresh IV each time', () => {
    const a = call('encryptAES', 'k', 'attack at dawn') as string;
    const b = call('encryptAES', 'k', 'attack at dawn') as string;
    expect(a).not.toBe(b);
    // IV (16 bytes) plus one padded block.
    expect(Buffer.from(a, 'base64').length).toBe(32);
    expect(call('decryptAES', 'k', a)).toBe('attack at dawn');
    expect(call('decryptAES', 'k', b)).toBe('attack at dawn');
  });

  it('pads a full block with a whole extra block, as PKCS#7 does', () => {
    expect(Buffer.from(call('encryptAES', 'k', '0123456789abcdef') as string, 'base64').length).toBe(48);
  });
});

describe('bcrypt / htpasswd', () => {
  it('verifies hashes Go made', () => {
    expect(bcryptLib.compareSync('password', goOut('{{ bcrypt "password"'))).toBe(true);
    const [user, hash] = goOut('{{ htpasswd "admin"').split(/:(.*)/s);
    expect(user).toBe('admin');
    expect(bcryptLib.compareSync('s3cr3t pässword', hash)).toBe(true);
  });

  it('writes $2a$ hashes of cost 10 that verify', () => {
    const h = call('bcrypt', 'hunter2') as string;
    expect(h).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcryptLib.compareSync('hunter2', h)).toBe(true);
    expect(bcryptLib.compareSync('hunter3', h)).toBe(false);
    const line = call('htpasswd', 'bob', 'pw') as string;
    expect(line.startsWith('bob:$2a$10$')).toBe(true);
    expect(bcryptLib.compareSync('pw', line.slice(4))).toBe(true);
  });

  it('refuses passwords over 72 bytes as current x/crypto does', () => {
    expect(call('bcrypt', 'x'.repeat(73))).toBe('failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes');
    expect(bcryptLib.compareSync('x'.repeat(72), call('bcrypt', 'x'.repeat(72)) as string)).toBe(true);
  });
});

describe('genPrivateKey', () => {
  it.each([
    ['ecdsa', 'EC PRIVATE KEY', 'ec'],
    ['ed25519', 'PRIVATE KEY', 'ed25519'],
    ['rsa', 'RSA PRIVATE KEY', 'rsa'],
    ['', 'RSA PRIVATE KEY', 'rsa'],
  ])('%s gives a %s block node can read', (typ, pemType, keyType) => {
    const pem = call('genPrivateKey', typ) as string;
    expect(pem.startsWith(`-----BEGIN ${pemType}-----\n`)).toBe(true);
    expect(pem.endsWith(`-----END ${pemType}-----\n`)).toBe(true);
    for (const line of pem.split('\n').slice(1, -2)) expect(line.length).toBeLessThanOrEqual(64);
    const key = createPrivateKey(pem);
    expect(key.asymmetricKeyType).toBe(keyType);
    if (keyType === 'rsa') expect(key.asymmetricKeyDetails?.modulusLength).toBe(4096);
    if (keyType === 'ec') expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('writes DSA keys as Sprig does: SEQUENCE { 0, P, Q, G, Y, X } with Y = G^X mod P', () => {
    const pem = call('genPrivateKey', 'dsa') as string;
    const block = pemDecode(pem);
    expect(block?.type).toBe('DSA PRIVATE KEY');
    const ints = children(readNode(block!.bytes)).map((n) => BigInt('0x' + (n.content.toString('hex') || '0')));
    expect(ints).toHaveLength(6);
    const [version, p, q, g, y, x] = ints;
    expect(version).toBe(0n);
    expect(p.toString(2).length).toBe(2048);
    expect(q.toString(2).length).toBe(256);
    let acc = 1n;
    let base = g % p;
    for (let e = x; e > 0n; e >>= 1n) {
      if (e & 1n) acc = (acc * base) % p;
      base = (base * base) % p;
    }
    expect(acc).toBe(y);
    // A DSA key can be parsed back but cannot sign a certificate (not a crypto.Signer in Go).
    expect(() => call('genSelfSignedCertWithKey', 'x', null, null, 1n, pem)).toThrow(
      'error creating certificate: x509: certificate private key does not implement crypto.Signer',
    );
  });
});

/** The DER shape of a certificate with the random parts (serial, dates, keys, signatures, key ids) blanked. */
function certLayout(pem: string): unknown {
  const der = pemDecode(pem)!.bytes;
  const [tbs, sigAlg] = children(readNode(der));
  const fields = children(tbs);
  const [version, , alg, issuer, validity, subject, spki, exts] = fields;
  const [notBefore, notAfter] = children(validity);
  const asDate = (n: Node): number => {
    const s = n.content.toString('latin1');
    const full = n.tag === 0x17 ? (Number(s.slice(0, 2)) < 50 ? '20' : '19') + s : s;
    return Date.UTC(+full.slice(0, 4), +full.slice(4, 6) - 1, +full.slice(6, 8), +full.slice(8, 10), +full.slice(10, 12), +full.slice(12, 14));
  };
  const extList = children(children(exts)[0]).map((e) => {
    const parts = children(e);
    const id = readOid(parts[0]);
    const value = parts[parts.length - 1].content;
    const keyId = id === '2.5.29.14' || id === '2.5.29.35';
    return { id, critical: parts.length === 3, value: keyId ? `key id of ${value.length} bytes` : value.toString('hex') };
  });
  return {
    version: version.raw.toString('hex'),
    alg: alg.raw.toString('hex'),
    outerAlg: sigAlg.raw.toString('hex'),
    issuer: issuer.raw.toString('hex'),
    subject: subject.raw.toString('hex'),
    timeTags: [notBefore.tag, notAfter.tag],
    validDays: (asDate(notAfter) - asDate(notBefore)) / 86_400_000,
    spkiAlg: children(spki)[0].raw.toString('hex'),
    extensions: extList,
  };
}

describe('certificates', () => {
  it('genCA has the layout Go gives it, and verifies itself', () => {
    const ours = call('genCA', 'my-ca', 365n) as Certificate;
    expect(certLayout(ours.cert)).toEqual(certLayout(goOut('{{ (genCA "my-ca" 365).Cert')));
    const x = new X509Certificate(ours.cert);
    expect(x.ca).toBe(true);
    expect(x.subject).toBe('CN=my-ca');
    expect(x.verify(x.publicKey)).toBe(true);
    expect(createPublicKey(createPrivateKey(ours.key)).export({ type: 'spki', format: 'der' })).toEqual(
      x.publicKey.export({ type: 'spki', format: 'der' }),
    );
    expect(ours.key.startsWith('-----BEGIN RSA PRIVATE KEY-----\n')).toBe(true);
  });

  it('genSelfSignedCert has the layout Go gives it (SANs, IPv4-mapped addresses, wildcard names)', () => {
    const ours = call('genSelfSignedCert', 'my.host', ['10.0.0.1', '::1', '::ffff:192.168.0.1'], ['a.example', '*.b.example'], 30n) as Certificate;
    expect(certLayout(ours.cert)).toEqual(certLayout(goOut('{{ (genSelfSignedCert "my.host"')));
    const x = new X509Certificate(ours.cert);
    expect(x.ca).toBe(false);
    expect(x.subjectAltName).toBe('DNS:a.example, DNS:*.b.example, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:192.168.0.1');
    expect(x.verify(x.publicKey)).toBe(true);
  });

  it('genSelfSignedCert with an empty CN marks the SAN critical, as Go does', () => {
    const ours = call('genSelfSignedCert', '', null, ['only-san.example'], 30n) as Certificate;
    expect(certLayout(ours.cert)).toEqual(certLayout(goOut('{{ (genSelfSignedCert "" nil')));
  });

  it('genSignedCert has the layout Go gives it and chains to its CA', () => {
    const ca = call('genCA', 'the ca & co', 30n) as Certificate;
    const leaf = call('genSignedCert', 'leaf', ['2001:db8::1'], ['svc.ns.svc'], 10n, ca) as Certificate;
    expect(certLayout(leaf.cert)).toEqual(certLayout(goOut('{{ $ca := genCA "the ca & co" 30 }}')));
    const x = new X509Certificate(leaf.cert);
    const caX = new X509Certificate(ca.cert);
    expect(x.verify(caX.publicKey)).toBe(true);
    expect(x.checkIssued(caX)).toBe(true);
    expect(x.issuer).toBe('CN=the ca & co');
  });

  it('signs with ECDSA and Ed25519 keys given as PEM', () => {
    for (const typ of ['ecdsa', 'ed25519']) {
      const key = call('genPrivateKey', typ) as string;
      const ca = call('genCAWithKey', 'ca-' + typ, 5n, key) as Certificate;
      expect(ca.key).toBe(key);
      const caX = new X509Certificate(ca.cert);
      expect(caX.verify(caX.publicKey)).toBe(true);
      const leafKey = call('genPrivateKey', typ) as string;
      const leaf = call('genSignedCertWithKey', 'leaf', null, ['x.example'], 5n, ca, leafKey) as Certificate;
      expect(leaf.key).toBe(leafKey);
      expect(new X509Certificate(leaf.cert).verify(caX.publicKey)).toBe(true);
      const self = call('genSelfSignedCertWithKey', 'self', ['127.0.0.1'], null, 5n, leafKey) as Certificate;
      expect(new X509Certificate(self.cert).verify(createPublicKey(createPrivateKey(leafKey)))).toBe(true);
    }
  });

  it('prints as Go prints the struct, exposes Cert and Key, and survives buildCustomCert', () => {
    const ca = call('genCAWithKey', 'c', 1n, call('genPrivateKey', 'ecdsa')) as Certificate;
    expect(ca.formatV()).toBe(`{${ca.cert} ${ca.key}}`);
    expect(ca.field('Cert')).toBe(ca.cert);
    expect(ca.field('Key')).toBe(ca.key);
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    const built = call('buildCustomCert', b64(ca.cert), b64(ca.key)) as Certificate;
    expect([built.cert, built.key]).toEqual([ca.cert, ca.key]);
    expect(() => call('buildCustomCert', b64(ca.cert), b64('-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n'))).toThrow(
      /^error parsing private key: parsing RSA private key from PEM: /,
    );
  });
});
