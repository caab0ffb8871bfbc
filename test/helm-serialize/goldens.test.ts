// Replays the serializer goldens made by scripts/gen-serialize-goldens.mjs
// with the Go reference renderer: every output must match byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeFuncs } from '../../src/helm/sprig/serialize.js';
import type { GoFunction } from '../../src/helm/go/value.js';
import { decodeInput, dumpOf, type Dump, type Encoded } from './dump.js';

interface GoldenCase {
  name: string;
  fn: string;
  input: Encoded;
  output?: string;
  dump?: Dump;
  error?: string;
}

const goldens = JSON.parse(readFileSync(new URL('./goldens.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };

const byFn = new Map<string, GoldenCase[]>();
for (const c of goldens.cases) {
  if (!byFn.has(c.fn)) byFn.set(c.fn, []);
  byFn.get(c.fn)?.push(c);
}

/** The functions under test; "fromYaml∘toYaml" reads back what toYaml wrote. */
const functions: Record<string, GoFunction> = {
  ...serializeFuncs,
  'fromYaml∘toYaml': (v) => serializeFuncs.fromYaml(serializeFuncs.toYaml(v)),
};

for (const [fn, cases] of byFn) {
  describe(`${fn} matches the Go reference`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const f = functions[c.fn];
      expect(f).toBeTypeOf('function');
      if (c.error !== undefined) {
        // The template failed: the function's error is what follows "error calling fn: ".
        const marker = `error calling ${c.fn}: `;
        const msg = c.error.slice(c.error.indexOf(marker) + marker.length);
        expect(() => f(decodeInput(c.input))).toThrow(new Error(msg));
        return;
      }
      const got = f(decodeInput(c.input));
      // The goldens file went through JSON.stringify, which writes -0 as 0; so does the comparison.
      if (c.dump !== undefined) expect(JSON.parse(JSON.stringify(dumpOf(got)))).toEqual(c.dump);
      else expect(got).toBe(c.output);
    });
  });
}
