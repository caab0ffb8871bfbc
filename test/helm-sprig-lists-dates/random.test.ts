/**
 * Random and clock-dependent functions, checked by property: lengths,
 * alphabets, ranges, formats, and agreement with the system clock.
 */
import { describe, expect, it } from 'vitest';
import { randomFuncs } from '../../src/helm/sprig/random.js';
import { dateFuncs } from '../../src/helm/sprig/dates.js';
import { cryptoFuncs } from '../../src/helm/sprig/crypto.js';
import { GoTime } from '../../src/helm/go/time.js';
import type { GoValue } from '../../src/helm/go/value.js';

process.env.TZ = 'UTC';
const r = randomFuncs;

describe('random strings', () => {
  it.each([
    ['randAlpha', /^[A-Za-z]*$/],
    ['randAlphaNum', /^[A-Za-z0-9]*$/],
    ['randNumeric', /^[0-9]*$/],
    ['randAscii', /^[\x20-\x7e]*$/],
  ])('%s draws from its alphabet', (name, alphabet) => {
    for (const n of [0, 1, 7, 64, 500]) {
      const s = r[name](BigInt(n)) as string;
      expect(s).toHaveLength(n);
      expect(s).toMatch(alphabet);
    }
    // A negative count is an error Sprig swallows.
    expect(r[name](-3n)).toBe('');
    // Values from YAML arrive as float64.
    expect(r[name](5)).toHaveLength(5);
  });

  it('covers the whole alphabet given enough draws', () => {
    expect(new Set(r.randNumeric(2000n) as string).size).toBe(10);
    expect(new Set(r.randAlpha(4000n) as string).size).toBe(52);
    expect(new Set(r.randAscii(8000n) as string).size).toBe(95);
  });

  it('differs between calls', () => {
    expect(r.randAlphaNum(32n)).not.toBe(r.randAlphaNum(32n));
  });
});

describe('randInt', () => {
  it('stays in [min, max)', () => {
    const seen = new Set<bigint>();
    for (let i = 0; i < 500; i++) {
      const v = r.randInt(-2n, 3n) as bigint;
      expect(typeof v).toBe('bigint');
      expect(v >= -2n && v < 3n).toBe(true);
      seen.add(v);
    }
    expect(seen.size).toBe(5);
    expect(r.randInt(7n, 8n)).toBe(7n);
  });

  it('fails like math/rand.Intn on an empty range', () => {
    expect(() => r.randInt(5n, 5n)).toThrow('invalid argument to Intn');
    expect(() => r.randInt(5n, 1n)).toThrow('invalid argument to Intn');
  });
});

describe('uuidv4 and randBytes', () => {
  it('uuidv4 is a random (version 4, RFC 4122 variant) UUID', () => {
    const a = r.uuidv4() as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.uuidv4()).not.toBe(a);
  });

  it('randBytes is base64 of that many bytes', () => {
    for (const n of [0, 1, 16, 33]) {
      const s = cryptoFuncs.randBytes(BigInt(n)) as string;
      expect(Buffer.from(s, 'base64')).toHaveLength(n);
      expect(Buffer.from(s, 'base64').toString('base64')).toBe(s);
    }
    expect(() => cryptoFuncs.randBytes(-1n)).toThrow('runtime error: makeslice: len out of range');
  });
});

describe('now, ago and dates without a time', () => {
  const d = dateFuncs;
  it('now is the current time, printed like Go with a monotonic reading', () => {
    const before = Date.now();
    const t = d.now() as GoTime;
    const after = Date.now();
    expect(t).toBeInstanceOf(GoTime);
    const ms = Number(t.unixNano() / 1_000_000n);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
    expect(t.formatV()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,9})? \+0000 UTC m=\+\d+\.\d{9}$/);
    // In, UTC and friends drop the monotonic reading, as in Go.
    expect(t.in(t.loc).formatV()).not.toContain('m=');
  });

  it('date and htmlDate of a non-time value use now', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(d.htmlDate('not a time')).toBe(today);
    expect(d.date('2006-01-02', 1.5)).toBe(today);
    expect(d.htmlDateInZone(null, 'UTC')).toBe(today);
  });

  it('ago rounds the time since to seconds', () => {
    const t = GoTime.fromUnixNano(BigInt(Date.now() - 90_400) * 1_000_000n, (d.now() as GoTime).loc);
    expect(d.ago(t)).toBe('1m30s');
    expect(d.ago(BigInt(Math.floor(Date.now() / 1000) - 3600))).toMatch(/^1h0m[01]s$/);
    expect(d.ago('x')).toBe('0s');
    expect(d.durationRound(t)).toBe('1m');
  });

  it('dateModify returns the time itself on a bad duration', () => {
    const t = d.now() as GoValue;
    expect(d.dateModify('nonsense', t)).toBe(t);
  });
});
