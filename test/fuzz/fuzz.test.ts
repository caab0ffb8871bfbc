/**
 * The fuzz targets (test/fuzz/targets.ts) with a fixed seed and a small budget, so that
 * `npm test` keeps proving them in seconds; `npm run fuzz [runs]` runs them long.
 * FUZZ_RUNS sets the runs per target, FUZZ_SEED the seed.
 */
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { TARGETS } from './targets.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 16);
const slowest = new Map<string, number>();

afterAll(() => {
  if (process.env.FUZZ_RUNS) {
    for (const [name, ms] of slowest) console.log(`fuzz: ${RUNS} runs of "${name}", slowest case ${ms.toFixed(0)} ms`);
  }
});

describe('fuzz', () => {
  for (const t of TARGETS) {
    it(t.name, async () => {
      const onCase = (ms: number) => slowest.set(t.name, Math.max(slowest.get(t.name) ?? 0, ms));
      await fc.assert(t.property(onCase), { numRuns: RUNS, seed: SEED });
    }, Math.max(60_000, RUNS * 50));
  }
});
