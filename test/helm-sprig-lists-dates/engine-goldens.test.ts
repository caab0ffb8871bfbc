/**
 * The list, dict, semver, date and crypto goldens rendered by the real Helm engine (renderHelm) with the
 * full function map: parsing, typed constants, the Go signatures these
 * functions declare, pipelines, printing and Helm's error wording must all
 * give gotpl's bytes. Differences that Helm 3.21's newer libraries make are
 * applied as in goldens.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GoMap } from '../../src/helm/go/value.js';
import { renderHelm } from '../../src/helm/template/helm-engine.js';
import { helmFuncMap } from '../../src/helm/sprig/index.js';

process.env.TZ = 'UTC';

interface Golden {
  tpl: string;
  data?: GoMap;
  out?: string;
  err?: string;
  helm?: { out?: string; err?: string; why?: string };
  skip?: string;
  /** TZ for "Local" (UTC when absent). */
  tz?: string;
}

const goldens = JSON.parse(readFileSync(new URL('./goldens.json', import.meta.url), 'utf8')) as Golden[];
const NAME = 'lists-dates/templates/case.yaml';
const funcs = helmFuncMap();

/** semver v3.4 (Helm 3.21) lowercased v3.2's error texts (the reference renderer's). */
const SEMVER_V34: [RegExp, string][] = [
  [/: Invalid Semantic Version$/, ': invalid semantic version'],
  [/: Version segment starts with 0$/, ': version segment starts with 0'],
  [/: Error parsing version segment: /, ': error parsing version segment: '],
  [/: constraint Parser Error$/, ': constraint parser error'],
  [/: Invalid Prerelease string$/, ': invalid prerelease string'],
  [/: Invalid Metadata string$/, ': invalid metadata string'],
];

function helmError(goError: string): string {
  let e = goError;
  for (const [re, now] of SEMVER_V34) e = e.replace(re, now);
  return e;
}

describe('Sprig lists, dicts, semver, dates, crypto goldens through the Helm engine', () => {
  for (const g of goldens) {
    const title = g.tpl.length > 110 ? g.tpl.slice(0, 110) + '…' : g.tpl;
    it.skipIf(g.skip !== undefined || g.helm?.err !== undefined)(title, () => {
      process.env.TZ = g.tz ?? 'UTC';
      const data = JSON.parse(JSON.stringify(g.data ?? {})) as GoMap;
      let out: string | undefined;
      let err: string | undefined;
      try {
        out = renderHelm([{ name: NAME, text: g.tpl, data }], funcs).get(NAME)?.text;
      } catch (e) {
        err = (e as Error).message;
      }
      if (g.helm?.out !== undefined) expect({ out, err }).toEqual({ out: g.helm.out, err: undefined });
      else if (g.err !== undefined) expect({ out, err }).toEqual({ out: undefined, err: helmError(g.err) });
      else expect({ out, err }).toEqual({ out: g.out, err: undefined });
    });
  }
});
