/**
 * Sprig functions (strings, math, conversions, defaults, regex, encoding,
 * paths, reflection) against goldens produced by the Go reference renderer
 * (scripts/gen-sprig-strings-math-goldens.mjs). Each template is evaluated by calling our
 * functions directly through a tiny `fn arg | fn` evaluator.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GoFunction, GoValue } from '../../src/helm/go/value.js';
import { stringFuncs } from '../../src/helm/sprig/strings.js';
import { mathFuncs } from '../../src/helm/sprig/math.js';
import { conversionFuncs } from '../../src/helm/sprig/conversion.js';
import { defaultsFuncs } from '../../src/helm/sprig/defaults.js';
import { regexFuncs } from '../../src/helm/sprig/regex.js';
import { encodingFuncs } from '../../src/helm/sprig/encoding.js';
import { pathFuncs } from '../../src/helm/sprig/paths.js';
import { reflectFuncs } from '../../src/helm/sprig/reflect.js';
import { GoArgError } from '../../src/helm/sprig/signatures.js';
import { renderMini } from './mini-template.js';

interface Golden {
  template: string;
  data?: GoValue;
  expected?: string;
  error?: string;
  /** Needs the real engine (constants, range, builtins): see engine-goldens.test.ts. */
  engineOnly?: boolean;
}

const goldens: Golden[] = JSON.parse(readFileSync(new URL('./goldens.json', import.meta.url), 'utf8'));

const funcs: Record<string, GoFunction> = {
  ...stringFuncs,
  ...mathFuncs,
  ...conversionFuncs,
  ...defaultsFuncs,
  ...regexFuncs,
  ...encodingFuncs,
  ...pathFuncs,
  ...reflectFuncs,
};

/**
 * Go's error is `template: t:L:C: executing "t" at <node>: REST`. REST is
 * either `error calling NAME: msg` (the function failed or panicked) or
 * text/template's own argument check, which our functions raise as GoArgError.
 */
function splitGoError(err: string): { kind: 'call' | 'arg'; message: string } {
  const m = /^template: t:\d+:\d+: executing "t" at <.*?>: ([\s\S]*)$/.exec(err);
  if (!m) throw new Error(`unexpected golden error shape: ${err}`);
  const call = /^error calling \w+: ([\s\S]*)$/.exec(m[1]);
  return call ? { kind: 'call', message: call[1] } : { kind: 'arg', message: m[1] };
}

describe('Sprig strings, math, conversion... goldens (gotpl)', () => {
  it('has the full case table', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(300);
  });

  for (const g of goldens.filter((c) => !c.engineOnly)) {
    it(g.template, () => {
      if (g.error === undefined) {
        expect(renderMini(g.template, funcs, g.data ?? {})).toBe(g.expected);
        return;
      }
      const want = splitGoError(g.error);
      let thrown: unknown;
      try {
        renderMini(g.template, funcs, g.data ?? {});
      } catch (e) {
        thrown = e;
      }
      expect(thrown, 'expected an error').toBeInstanceOf(Error);
      const kind = thrown instanceof GoArgError ? 'arg' : 'call';
      expect({ kind, message: (thrown as Error).message }).toEqual(want);
    });
  }
});
