// Compares two builds of the CLI side by side in one run, alternating A and B so that the
// machine's drifting load hits both alike: start-up on one small file (over bare `node -e 0`)
// and throughput on 10,000 resources (the file `npm run bench` writes to .bench/).
// Prints medians of wall and CPU time (user+sys of the child) and the B/A ratio; asserts nothing.
// Usage: node scripts/bench-compare.mjs A_ROOT B_ROOT [RUNS]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [aRoot, bRoot, runsArg] = process.argv.slice(2);
if (!aRoot || !bRoot) {
  console.error('usage: node scripts/bench-compare.mjs A_ROOT B_ROOT [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg ?? 21);
const here = path.resolve(import.meta.dirname, '..');
const big = path.join(here, '.bench/resources-10000.yaml');
if (!existsSync(big)) {
  console.error(`${big} is missing: run npm run bench once to write it`);
  process.exit(2);
}
const small = path.join(here, 'examples/designs/seed-000/todo-app.yaml');
const config = path.join(here, 'fixtures/rules/tester-config.json');

function once(args) {
  const t = performance.now();
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT=%U+%S; { time "$@" >/dev/null 2>&1; } 2>&1', 'bash', process.execPath, ...args], { encoding: 'utf8' });
  const wall = performance.now() - t;
  const [u, s] = r.stdout.trim().split('\n').pop().split('+').map(Number);
  return { wall, cpu: (u + s) * 1000 };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function compare(label, argsOf) {
  const out = { bare: [], a: [], b: [] };
  once(argsOf(aRoot));
  once(argsOf(bRoot));
  for (let i = 0; i < runs; i++) {
    out.bare.push(once(['-e', '0']));
    out.a.push(once(argsOf(aRoot)));
    out.b.push(once(argsOf(bRoot)));
  }
  const m = (list, k) => median(list.map((x) => x[k]));
  const line = (k) => {
    const bare = m(out.bare, k);
    const a = m(out.a, k);
    const b = m(out.b, k);
    return `${k.padEnd(4)} bare ${bare.toFixed(0)} ms | A ${a.toFixed(0)} ms (+${(a - bare).toFixed(0)}) | B ${b.toFixed(0)} ms (+${(b - bare).toFixed(0)}) | B/A ${(b / a).toFixed(3)}`;
  };
  console.log(`${label} (medians of ${runs}, A B alternating)\n  ${line('wall')}\n  ${line('cpu')}`);
}

const bin = (root) => path.join(root, 'bin/k8s-todo-lint.cjs');
compare('one small file', (root) => [bin(root), small, '--config', config]);
compare('10,000 resources', (root) => [bin(root), big, '--config', config, '--format', 'json']);
