/**
 * Every case of cases.txt, evaluated with our functions, must print what the
 * Go reference renderer printed (goldens.json, made by
 * scripts/gen-sprig-lists-dates-goldens.mjs), or fail with the same function error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GoFunction, GoValue } from '../../src/helm/go/value.js';
import { collectionFuncs } from '../../src/helm/sprig/collections.js';
import { semverFuncs } from '../../src/helm/sprig/semver.js';
import { dateFuncs } from '../../src/helm/sprig/dates.js';
import { cryptoFuncs } from '../../src/helm/sprig/crypto.js';
import { randomFuncs } from '../../src/helm/sprig/random.js';
import { CallError, MiniTemplate } from './mini-template.js';
import { testOnlyFuncs } from './stand-in-funcs.js';

interface Golden {
  tpl: string;
  data?: GoValue;
  out?: string;
  err?: string;
  helm?: { out?: string; err?: string; why?: string };
  skip?: string;
  /** TZ for "Local" (UTC when absent). */
  tz?: string;
  engineOnly?: boolean;
}

const goldens = JSON.parse(readFileSync(new URL('./goldens.json', import.meta.url), 'utf8')) as Golden[];

const funcs: Record<string, GoFunction> = {
  ...testOnlyFuncs,
  ...collectionFuncs,
  ...semverFuncs,
  ...dateFuncs,
  ...cryptoFuncs,
  ...randomFuncs,
};

/**
 * semver v3.4 (linked by Helm 3.21) lowercased the error texts of v3.2 (linked
 * by the reference renderer); nothing else about them changed.
 */
const SEMVER_V34_TEXTS: [string, string][] = [
  ['Invalid Semantic Version', 'invalid semantic version'],
  ['Version segment starts with 0', 'version segment starts with 0'],
  ['Error parsing version segment', 'error parsing version segment'],
  ['constraint Parser Error', 'constraint parser error'],
  ['Invalid Prerelease string', 'invalid prerelease string'],
  ['Invalid Metadata string', 'invalid metadata string'],
];

/** Go's error text after text/template's "error calling NAME: " prefix. */
function callError(err: string): { fn: string; message: string } | undefined {
  const m = /error calling ([A-Za-z0-9_]+): ([\s\S]*)$/.exec(err);
  if (!m) return undefined;
  let message = m[2];
  for (const [old, now] of SEMVER_V34_TEXTS) if (message.startsWith(old)) message = now + message.slice(old.length);
  return { fn: m[1], message };
}

function render(g: Golden): string {
  process.env.TZ = g.tz ?? 'UTC';
  // JSON numbers in data are float64, as in Helm's values.
  return new MiniTemplate(funcs, (g.data ?? {}) as GoValue).render(g.tpl);
}

describe('Sprig lists, dicts, semver, dates, crypto against the Go reference renderer', () => {
  it('has the case table it was written for', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(250);
  });

  for (const g of goldens) {
    const title = g.tpl.length > 110 ? g.tpl.slice(0, 110) + '…' : g.tpl;
    const expectedOut = g.helm?.out ?? (g.helm?.err === undefined ? g.out : undefined);
    const expectedErr = g.helm?.err ?? (g.helm?.out === undefined ? g.err : undefined);
    // engine-only cases use other families' functions; engine-goldens.test.ts renders them.
    it.skipIf(g.skip !== undefined || g.engineOnly === true)(title, () => {
      if (expectedErr !== undefined) {
        const want = g.helm?.err !== undefined ? { message: g.helm.err } : callError(expectedErr);
        expect(want, `not a function error: ${expectedErr}`).toBeDefined();
        let caught: unknown;
        try {
          render(g);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(CallError);
        expect((caught as CallError).message).toBe(want?.message);
        return;
      }
      expect(render(g)).toBe(expectedOut);
    });
  }
});
