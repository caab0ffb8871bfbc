/**
 * What a secret looks like, by key name and by value, for
 * configmap-no-secrets and plaintext-secrets. Key patterns match whole word parts (keys split on
 * `_`, `-`, `.` and camelCase), so NEXT_PUBLIC_API_URL or MAX_TOKENS never
 * match while OPENAI_API_KEY and jwtSecret do.
 */

/** Each pattern is a sequence of consecutive word parts. */
const KEY_PATTERNS: ReadonlyArray<{ label: string; parts: string[] }> = [
  { label: 'SECRET', parts: ['secret'] },
  { label: 'PASSWORD', parts: ['password'] },
  { label: 'PASSWD', parts: ['passwd'] },
  { label: 'TOKEN', parts: ['token'] },
  { label: 'API_KEY', parts: ['api', 'key'] },
  { label: 'APIKEY', parts: ['apikey'] },
  { label: 'PRIVATE_KEY', parts: ['private', 'key'] },
  { label: 'CREDENTIAL', parts: ['credential'] },
];

/** Splits a key into lowercase word parts: `OPENAI_API_KEY` -> openai, api, key; `jwtSecretKey` -> jwt, secret, key. */
export function wordParts(key: string): string[] {
  const out: string[] = [];
  for (const segment of key.split(/[_.-]+/)) {
    // Upper-case runs stay together unless followed by a lower-case letter (APIKey -> API, Key).
    const words = segment.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
    for (const w of words) out.push(w.toLowerCase());
  }
  return out;
}

// The same keys (LOG_LEVEL, DATABASE_URL...) come back in every ConfigMap: remember answers.
const keyPatterns = new Map<string, string | null>();

/**
 * The pattern label a key matches (e.g. "API_KEY"), or undefined. With its
 * value, a key that names where a secret is rather than the secret itself is
 * not one: a `_FILE`/`_PATH`/`_DIR` key holding a path
 * (`DB_PASSWORD_FILE: /run/secrets/db-password`, the Docker and Bitnami
 * convention), or any key whose value is an absolute file path.
 */
export function secretKeyPattern(key: string, value?: unknown): string | undefined {
  let known = keyPatterns.get(key);
  if (known === undefined) {
    known = matchKeyPattern(key) ?? null;
    if (keyPatterns.size < 10_000) keyPatterns.set(key, known);
  }
  // Most keys match no pattern: the value is read (two regexes and a key split) only for those that do.
  if (known === null || (typeof value === 'string' && isSecretLocation(key, value))) return undefined;
  return known;
}

function matchKeyPattern(key: string): string | undefined {
  const parts = wordParts(key);
  for (const p of KEY_PATTERNS) {
    for (let i = 0; i + p.parts.length <= parts.length; i++) {
      if (p.parts.every((w, j) => parts[i + j] === w)) return p.label;
    }
  }
  return undefined;
}

/** Word parts that make a key name a place: DB_PASSWORD_FILE, tokenPath, SECRETS_DIR. */
const LOCATION_PARTS: ReadonlySet<string> = new Set(['file', 'filename', 'path', 'dir', 'directory']);
/** One path segment: no spaces, quotes, URL syntax (`:`, `?`, `#`) or base64's `+` and `=`. */
const SEGMENT = '[A-Za-z0-9._@~-]+';
/** `/run/secrets/db` (two segments at least: a one-segment "/x" could as well be a password). */
const ABSOLUTE_PATH = new RegExp(`^(?:/${SEGMENT}){2,}/?$`);
/** Any file path: absolute, `./x`, `../x`, `~/x` or `dir/file`. */
const ANY_PATH = new RegExp(`^(?:~|\\.{1,2})?/?${SEGMENT}(?:/${SEGMENT})*/?$`);

function isSecretLocation(key: string, value: string): boolean {
  if (ABSOLUTE_PATH.test(value)) return true;
  const parts = wordParts(key);
  // A _FILE key may hold a relative path too, but something must say "path": a slash or a file extension.
  return parts.length > 0 && LOCATION_PARTS.has(parts[parts.length - 1]!) && ANY_PATH.test(value) && /\/|\.[a-z]{1,5}$/.test(value);
}

const VALUE_PATTERNS: ReadonlyArray<{ what: string; re: RegExp; needle?: string }> = [
  { what: 'an API key (sk-...)', needle: 'sk-', re: /(?:^|[^A-Za-z0-9])sk-(?:[A-Za-z0-9]+-)*[A-Za-z0-9_]{20,}/ },
  // scheme://user:password@host, with a non-empty password. Anchored on the scheme's last
  // character and "://": a leading `[A-Za-z][A-Za-z0-9+.-]*` made the search quadratic on long values.
  { what: 'a URL with a password', re: /[A-Za-z0-9+.-]:\/\/[^\s/:@]*:[^\s/@]+@/, needle: '://' },
  { what: 'a PEM private key', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/, needle: 'PRIVATE KEY-----' },
  // header.payload.signature, the first two base64url JSON objects ("{" encodes to "eyJ")
  { what: 'a JWT', needle: 'eyJ', re: /(?:^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
];

/** What a value looks like if it looks like a secret ("a JWT"), or undefined. */
export function secretValueKind(value: string): string | undefined {
  // Each pattern has a literal it cannot match without: a cheap includes() skips most values.
  for (const p of VALUE_PATTERNS) if ((!p.needle || value.includes(p.needle)) && p.re.test(value)) return p.what;
  return undefined;
}

/** The options both rules take: keys (ConfigMap keys, env names) that are never flagged, by exact name. */
export interface AllowKeysOptions { allowKeys: string[] }

export const ALLOW_KEYS_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: { allowKeys: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
  additionalProperties: false,
};

/**
 * Whether the value at `path` of a resource may be a secret, so that no message may quote it:
 * anything under a Secret's `data` or `stringData` (those fields themselves included: a scalar
 * there is the secret), a value under a key that looks like a secret's name at any depth
 * (`data.DB_PASSWORD`, `auth.apiKey.value`), the `value` of an entry whose `name` looks like one
 * (an env var), and a string that looks like a secret by its text.
 */
export function mayHoldSecret(kind: string | undefined, object: unknown, path: readonly (string | number)[]): boolean {
  if (kind === 'Secret' && (path[0] === 'data' || path[0] === 'stringData')) return true;
  let node: unknown = object;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return false;
    const holder = node as Record<string, unknown>;
    if (typeof segment === 'string') {
      if (secretKeyPattern(segment) !== undefined) return true;
      if (segment === 'value' && typeof holder.name === 'string' && secretKeyPattern(holder.name) !== undefined) return true;
    }
    node = Object.hasOwn(holder, segment) ? holder[segment] : undefined;
  }
  return typeof node === 'string' ? secretValueKind(node) !== undefined : false;
}
