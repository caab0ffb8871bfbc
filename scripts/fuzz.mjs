#!/usr/bin/env node
// Long fuzz runs: `npm run fuzz [total-runs]` (default 100000, or FUZZ_TOTAL) spread over the
// targets of test/fuzz/targets.ts; FUZZ_SEED picks the seed (default: a new one each run, printed).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const total = Number(process.argv[2] ?? process.env.FUZZ_TOTAL ?? 100_000);
const targets = (readFileSync(new URL('../test/fuzz/targets.ts', import.meta.url), 'utf8').match(/^ {4}name: '/gm) ?? []).length || 1;
const seed = process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31);
const perTarget = Math.ceil(total / targets);
console.log(`fuzz: ${total} cases over ${targets} targets (${perTarget} each), seed ${seed}`);
const r = spawnSync('npx', ['vitest', 'run', 'test/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(perTarget), FUZZ_SEED: seed },
});
process.exit(r.status ?? 1);
