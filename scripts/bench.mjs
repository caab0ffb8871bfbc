// npm run bench: start-up on one small file and throughput on 10,000 resources,
// measured on whole processes (the way users run the CLI), medians of several runs.
// Prints figures; asserts nothing. Other benches (template engine, charts, schemas) run after, when present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/k8s-todo-lint.cjs');
const work = path.join(root, '.bench');
mkdirSync(work, { recursive: true });

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

function run(args) {
  const t = performance.now();
  const last = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { ms: performance.now() - t, last };
}

function time(args, runs) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) ({ ms: times[i], last } = run(args));
  return { ...stats(times), last };
}

// One small file: the seed-modelled todo-app (6 resources). Bare node and the CLI run
// alternately, after a warm-up of each, so that drift in the machine's load hits both alike.
const small = path.join(root, 'examples/designs/seed-000/todo-app.yaml');
const runs = Number(process.env.BENCH_RUNS ?? 41);
const oneArgs = [bin, small, '--config', path.join(root, 'fixtures/rules/tester-config.json')];
run(['-e', '0']);
run(oneArgs);
const bareTimes = [];
const oneTimes = [];
for (let i = 0; i < runs; i++) {
  bareTimes.push(run(['-e', '0']).ms);
  oneTimes.push(run(oneArgs).ms);
}
const bare = stats(bareTimes);
const one = stats(oneTimes);
// Each CLI run against the bare run just before it: the median of these paired differences is
// the figure least moved by the machine's load drifting during the measurement.
const paired = stats(oneTimes.map((t, i) => t - bareTimes[i]));
console.log(`start-up: node -e 0 median ${bare.median.toFixed(1)} ms; one small file median ${one.median.toFixed(1)} ms; over bare node: +${paired.median.toFixed(1)} ms (median of ${runs} paired runs; +${(one.median - bare.median).toFixed(1)} ms between the medians)`);

// 10,000 resources in one multi-document file, a realistic mix with a few planted defects.
const big = path.join(work, 'resources-10000.yaml');
const N = 10_000;
let text = '';
for (let i = 0; i < N; i++) {
  const name = `todo-${i}`;
  switch (i % 4) {
    case 0:
      text += `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: todo\n  labels: {app: todo, component: c${i}}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: todo, component: c${i}}\n  template:\n    metadata:\n      labels: {app: todo, component: c${i}}\n    spec:\n      securityContext: {runAsNonRoot: true, runAsUser: 1000}\n      containers:\n        - name: app\n          image: todo-backend:1.0.${i}\n          imagePullPolicy: IfNotPresent\n          ports: [{name: http, containerPort: 8000}]\n          resources:\n            requests: {cpu: 1m, memory: 1Mi}\n            limits: {cpu: 2m, memory: 2Mi}\n          livenessProbe: {httpGet: {path: /health, port: http}}\n          readinessProbe: {httpGet: {path: /ready, port: http}}\n`;
      break;
    case 1:
      text += `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: todo\n  labels: {app: todo}\nspec:\n  selector: {app: todo, component: c${i - 1}}\n  ports:\n    - port: 8000\n      targetPort: http\n`;
      break;
    case 2:
      text += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: todo\n  labels: {app: ${i % 1000 === 2 ? 'other' : 'todo'}}\ndata:\n  NEXT_PUBLIC_API_URL: "http://todo-${i - 1}:8000"\n  LOG_LEVEL: info\n`;
      break;
    default:
      text += `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  namespace: todo\n  labels: {app: todo}\ntype: Opaque\ndata:\n  DATABASE_URL: cG9zdGdyZXNxbDovL2RiL3RvZG8=\n`;
  }
}
if (!existsSync(big)) writeFileSync(big, text);
const bigRuns = Number(process.env.BENCH_BIG_RUNS ?? 5);
const many = time([bin, big, '-f', 'json', '--config', path.join(root, 'fixtures/rules/tester-config.json')], bigRuns);
let findings = '?';
try {
  const out = JSON.parse(many.last.stdout);
  findings = `${out.findings.length} findings, ${out.summary.resources} resources`;
} catch {
  findings = `output not JSON (exit ${many.last.status}): ${many.last.stderr.slice(0, 200)}`;
}
console.log(`throughput: ${N} resources (${(text.length / 1e6).toFixed(1)} MB) median ${(many.median / 1000).toFixed(2)} s = ${Math.round(N / (many.median / 1000))} resources/s; fastest ${(many.min / 1000).toFixed(2)} s = ${Math.round(N / (many.min / 1000))} resources/s (${findings})`);

for (const extra of ['bench-template.mjs', 'bench-sprig.mjs', 'bench-schema.mjs', 'bench-chart.mjs', 'bench-lsp.mjs']) {
  const file = path.join(root, 'scripts', extra);
  if (!existsSync(file)) continue;
  const r = spawnSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.status !== 0) console.log(`${extra}: failed (exit ${r.status}) ${r.stderr.split('\n')[0]}`);
}
