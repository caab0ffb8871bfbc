/**
 * What a secret looks like, by key name and by value, for
 * configmap-no-secrets. Key patterns match whole word parts (keys split on
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

/** The pattern label a key matches (e.g. "API_KEY"), or undefined. */
export function secretKeyPattern(key: string): string | undefined {
  let known = keyPatterns.get(key);
  if (known === undefined) {
    known = matchKeyPattern(key) ?? null;
    if (keyPatterns.size < 10_000) keyPatterns.set(key, known);
  }
  return known ?? undefined;
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
