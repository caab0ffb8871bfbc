/** The helpers behind the rules: base64 as Go decodes it, secret-looking keys and values, in-cluster URLs, ports. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Problem } from '../../rules/_lib/base64.js';
import { secretKeyPattern, secretValueKind, wordParts } from '../../rules/_lib/secret-patterns.js';
import { findUrls, parseUrl, serviceTarget } from '../../rules/_lib/service-url.js';
import { portRef } from '../../rules/_lib/ports.js';

describe('base64Problem (Go StdEncoding)', () => {
  it('accepts what a standard encoder produces, for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => base64Problem(Buffer.from(bytes).toString('base64')) === undefined));
  });
  it('skips line breaks anywhere, as Go does', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 48 }), fc.nat(), fc.constantFrom('\n', '\r\n'), (bytes, at, nl) => {
      const s = Buffer.from(bytes).toString('base64');
      const i = at % (s.length + 1);
      return base64Problem(s.slice(0, i) + nl + s.slice(i)) === undefined;
    }));
  });
  it('rejects a space or tab anywhere', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 48 }), fc.nat(), fc.constantFrom(' ', '\t'), (bytes, at, ws) => {
      const s = Buffer.from(bytes).toString('base64');
      const i = at % (s.length + 1);
      return /whitespace/.test(base64Problem(s.slice(0, i) + ws + s.slice(i)) ?? '');
    }));
  });
  it('rejects missing padding (the length is not a multiple of 4)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 48 }).filter((b) => b.length % 3 !== 0), (bytes) => {
      return /multiple of 4/.test(base64Problem(Buffer.from(bytes).toString('base64').replace(/=+$/, '')) ?? '');
    }));
  });
  it.each([
    ['', undefined],
    ['YQ==', undefined],
    ['YWI=', undefined],
    ['YWJj', undefined],
    ['YR==', undefined], // non-zero padding bits: Go's non-strict decoder accepts them
    ['Y===', 'misplaced padding "=" at offset 1'],
    ['=AAA', 'misplaced padding "=" at offset 0'],
    ['YQ=A', 'unexpected character after the padding at offset 3'],
    ['YQ==YQ==', 'unexpected character after the padding at offset 4'],
    ['YWJj=', 'misplaced padding "=" at offset 4'],
    ['YQ=', 'length is not a multiple of 4 (missing "=" padding?) at offset 3'],
    ['a-b_', 'a URL-safe base64 character ("-" or "_", not standard base64) at offset 1'],
    ['ab:c', 'a character outside the base64 alphabet at offset 2'],
  ])('%j -> %s', (input, problem) => {
    expect(base64Problem(input)).toBe(problem);
  });
});

describe('secret-looking keys', () => {
  it.each([
    ['OPENAI_API_KEY', ['openai', 'api', 'key']],
    ['jwtSecretKey', ['jwt', 'secret', 'key']],
    ['APIKey', ['api', 'key']],
    ['db.password', ['db', 'password']],
    ['S3_BUCKET', ['s', '3', 'bucket']],
  ])('wordParts(%s)', (key, parts) => expect(wordParts(key)).toEqual(parts));

  it.each([
    ['BETTER_AUTH_SECRET', 'SECRET'],
    ['OPENAI_API_KEY', 'API_KEY'],
    ['openaiApiKey', 'API_KEY'],
    ['GEMINI_APIKEY', 'APIKEY'],
    ['DB_PASSWORD', 'PASSWORD'],
    ['smtp-passwd', 'PASSWD'],
    ['GITHUB_TOKEN', 'TOKEN'],
    ['jwtPrivateKey', 'PRIVATE_KEY'],
    ['AWS_CREDENTIAL', 'CREDENTIAL'],
    ['NEXT_PUBLIC_API_URL', undefined],
    ['BETTER_AUTH_URL', undefined],
    ['MCP_SERVER_URL', undefined],
    ['CORS_ORIGINS', undefined],
    ['MAX_TOKENS', undefined],
    ['SECRETARY_EMAIL', undefined],
    ['KEYCLOAK_REALM', undefined],
    ['PUBLIC_KEY_URL', undefined],
  ])('secretKeyPattern(%s) = %s', (key, label) => expect(secretKeyPattern(key)).toBe(label));

  // Where a secret is kept is not the secret.
  it.each([
    ['DB_PASSWORD_FILE', '/run/secrets/db-password', undefined],
    ['apiTokenPath', './secrets/token', undefined],
    ['TLS_PRIVATE_KEY_FILE', 'tls.key', undefined],
    ['SECRETS_DIR', 'secrets/', undefined],
    ['JWT_SECRET', '/var/run/secrets/jwt', undefined],
    ['DB_PASSWORD_FILE', 'hunter2', 'PASSWORD'],
    ['DB_PASSWORD_FILE', 'Tr0ub4dor&3', 'PASSWORD'],
    ['DB_PASSWORD', 'secrets/db', 'PASSWORD'],
    ['API_TOKEN', '/x8Kq2', 'TOKEN'],
    ['API_TOKEN', '/9j4k+Zq/aB==', 'TOKEN'],
    ['DB_PASSWORD', 'https://vault/x', 'PASSWORD'],
  ])('secretKeyPattern(%s, %j) = %s', (key, value, label) => expect(secretKeyPattern(key, value)).toBe(label));

  it.each([
    ['sk-proj-abcdefghijklmnopqrstuvwxyz012345', 'an API key (sk-...)'],
    ['postgresql://todo:pw@db.example.com/todo', 'a URL with a password'],
    ['-----BEGIN PRIVATE KEY-----\nMIIE', 'a PEM private key'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'a PEM private key'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0b2RvIn0.c2lnbmF0dXJl', 'a JWT'],
    ['postgresql://todo@db.example.com/todo', undefined],
    ['http://backend-svc:8000', undefined],
    ['task-manager', undefined],
    ['-----BEGIN CERTIFICATE-----', undefined],
  ])('secretValueKind(%j) = %s', (value, kind) => expect(secretValueKind(value)).toBe(kind));
});

describe('in-cluster Service URLs', () => {
  const known = new Set(['default', 'todo-local']);
  it.each([
    ['backend-svc', { service: 'backend-svc', namespace: 'todo-chatbot' }],
    ['backend-svc.todo-local', { service: 'backend-svc', namespace: 'todo-local' }],
    ['backend-svc.todo-local.svc', { service: 'backend-svc', namespace: 'todo-local' }],
    ['backend-svc.todo-local.svc.cluster.local', { service: 'backend-svc', namespace: 'todo-local' }],
    ['backend-svc.elsewhere', undefined],
    ['api.openai.com', undefined],
    ['backend-svc.todo-local.svc.cluster', undefined],
    ['localhost', undefined],
    ['app.localhost', undefined],
    ['127.0.0.1', undefined],
    ['192.168.49.2', undefined],
    ['3com', undefined],
  ])('serviceTarget(%s)', (host, target) => expect(serviceTarget(host, 'todo-chatbot', known)).toEqual(target));

  it('parses scheme default ports and drops user info', () => {
    expect(parseUrl('http://backend-svc/api')).toEqual({ display: 'http://backend-svc/api', scheme: 'http', host: 'backend-svc', port: 80, portExplicit: false });
    expect(parseUrl('HTTPS://Frontend-Svc')).toMatchObject({ host: 'frontend-svc', port: 443, portExplicit: false });
    expect(parseUrl('http://admin:hunter2@backend-svc:8000/x')).toEqual({ display: 'http://backend-svc:8000/x', scheme: 'http', host: 'backend-svc', port: 8000, portExplicit: true });
    expect(parseUrl('http://[::1]:8000')).toBeUndefined();
  });
  it('prints scheme, host, port and path only: no user info, query or fragment', () => {
    expect(parseUrl('https://svc:5432/x?api_key=sk-TOPSECRET#TOPSECRET')).toMatchObject({ display: 'https://svc:5432/x', host: 'svc', port: 5432 });
    expect(parseUrl('http://svc?token=TOPSECRET')).toMatchObject({ display: 'http://svc', host: 'svc', port: 80 });
    // Passwords holding `?`, `/` or `#` (not percent-encoded): the host is what follows the last `@`.
    for (const pw of ['a?TOPSECRET', 'a/TOPSECRET', 'a#TOPSECRET', '12/TOPSECRET', 'x@TOPSECRET?y']) {
      const url = parseUrl(`http://user:${pw}@backend-svc:8000/api?q=1`);
      expect(url, pw).toMatchObject({ display: 'http://backend-svc:8000/api', host: 'backend-svc', port: 8000 });
    }
  });
  it('finds every URL in a list value', () => {
    expect(findUrls('http://localhost:3000, https://frontend-svc:3000;http://x').map((u) => u.display)).toEqual(['http://localhost:3000', 'https://frontend-svc:3000', 'http://x']);
  });
});

describe('helpers', () => {
  it('reads IntOrString ports as Kubernetes does', () => {
    expect(portRef(8000)).toEqual({ kind: 'number', port: 8000 });
    expect(portRef('http')).toEqual({ kind: 'name', name: 'http', numeric: false });
    expect(portRef('8000')).toEqual({ kind: 'name', name: '8000', numeric: true });
    expect(portRef(80.5)).toBeUndefined();
    expect(portRef('')).toBeUndefined();
  });
});
