/**
 * Placeholder values: what a template, a sample file or a chart's defaults put where a real
 * secret will go, for no-committed-secrets. A value is a placeholder when it is:
 *
 * - empty or blank, or three characters at most (too short to be anyone's secret: `x`, `pw`);
 * - wrapped in angle brackets: `<base64-encoded-password>`, `<your key>`;
 * - a variable to substitute, or holds one: `${VAR}`, `$(VAR)`, `$VAR`, `{{ .Values.x }}`, `%VAR%`;
 * - elided: it contains `...` or `…` (`sk-...`, `postgresql://...`);
 * - one character repeated: `xxxxxxxx`, `********`, `00000000`;
 * - written with a placeholder word as a word part (split like secret keys: on `_`, `-`, `.`,
 *   spaces and camelCase): change/changeme, replace/replaceme, your, placeholder, example,
 *   sample, dummy, fake, redacted, or a run of x (`xxx`): `change-me`, `REPLACE_ME`,
 *   `your-openai-api-key`, `sk-xxxx`;
 * - as the whole value, one of the words people type when they mean "no real value": todo,
 *   tbd, fixme, password, secret, pass, passwd, test, none, null, nil, default, value, token,
 *   key (not as a word part: `todo` is in every real value of a todo app, `postgresql://todo:...`);
 * - a URL whose host is reserved for documentation (RFC 2606/6761): `example`,
 *   `example.com`/`.net`/`.org` and their subdomains, or a host ending in `.example`,
 *   `.test` or `.invalid` (`postgresql://todo@neon.example/todo`);
 * - a database URL without a password (`postgresql://todo@db/todo`, `redis://cache:6379`): its
 *   secret, when it has one, is the password in it (`user:password@`, `?password=`);
 * - SOPS ciphertext, `ENC[AES256_GCM,data:...]`: encrypted, which is how a secret may be committed.
 */
import { wordParts } from './secret-patterns.js';

const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'change', 'changeme', 'replace', 'replaceme', 'your', 'yours', 'placeholder', 'example', 'sample',
  'dummy', 'fake', 'redacted',
]);

const NO_VALUE_WORDS: ReadonlySet<string> = new Set([
  'todo', 'tbd', 'fixme', 'password', 'secret', 'pass', 'passwd', 'test', 'none', 'null', 'nil', 'default', 'value', 'token', 'key',
]);

const VARIABLE = /\$\{[^}]*\}|\$\([A-Za-z_][A-Za-z0-9_.-]*\)|^\$[A-Za-z_][A-Za-z0-9_]*$|\{\{.*?\}\}|^%[A-Za-z_][A-Za-z0-9_]*%$/s;
const ANGLE = /^<[^<>]*>$/s;
const SOPS = /^ENC\[[A-Z0-9_]+,data:/;
/** Database URL schemes: their only secret is a password in the userinfo or the query. */
const DATABASE_URL = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?):\/\/[^\s]*$/i;
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:[^\s/@]+@|[?&](?:password|passwd|pass|pwd|sslpassword)=/i;
/** scheme://[userinfo@]host: the host, lowercased by the caller. */
const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@]*@)?([^\s/:?#@]+)/i;

function reservedHost(host: string): boolean {
  const h = host.toLowerCase();
  return /(?:^|\.)example(?:\.(?:com|net|org))?$/.test(h) || /\.(?:test|invalid)$/.test(h);
}

/** Whether `value` is a placeholder (see the module comment), or matches one of `extra`. */
export function isPlaceholder(value: string, extra: readonly RegExp[] = []): boolean {
  const v = value.trim();
  if (v.length <= 3) return true;
  if (ANGLE.test(v) || VARIABLE.test(v) || SOPS.test(v)) return true;
  if (v.includes('...') || v.includes('\u2026')) return true;
  if (/^(.)\1+$/s.test(v)) return true;
  if (NO_VALUE_WORDS.has(v.toLowerCase())) return true;
  const host = URL_HOST.exec(v)?.[1];
  if (host !== undefined && reservedHost(host)) return true;
  if (DATABASE_URL.test(v) && !URL_PASSWORD.test(v)) return true;
  for (const part of wordParts(v)) if (PLACEHOLDER_WORDS.has(part) || /^x{3,}$/.test(part)) return true;
  return extra.some((re) => re.test(v));
}

/** Whether a Secret value is a certificate and nothing else: certificates are public. */
export function isCertificateOnly(value: string): boolean {
  return /-----BEGIN (?:[A-Z0-9]+ )*CERTIFICATE-----/.test(value) && !/PRIVATE KEY-----/.test(value);
}
