// npm run bench: the rows of issue 15's table, each next to its goal, measured in one run on whole
// processes (the way users run the CLI). Comparisons are medians of paired runs (the two commands
// alternate, so drift in the machine's load hits both alike) and are quoted as ratios.
//
//   npm run bench                       every default row
//   npm run bench -- --mem              also 100,000 resources (time and peak RSS)
//   npm run bench -- --rows startup,charts   only these rows (names below)
//   KUBECONFORM=/path/to/kubeconform npm run bench   adds kubeconform's figures on the same inputs
//   BENCH_RUNS=n (start-up pairs, default 21), BENCH_BIG_RUNS=n (10k pairs, default 3), BENCH_CHARTS=n (default 200)
//
// Prints figures; asserts nothing. Other benches (template engine, charts, schemas) run after, when present.
// The table is a list of row functions (ROWS): a new row (e.g. an editor's re-lint latency) is one more entry.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/k8s-todo-lint.cjs');
const work = path.join(root, '.bench');
const testerConfig = path.join(root, 'fixtures/rules/tester-config.json');
const kubeconform = process.env.KUBECONFORM;
const kcSchemas = path.resolve(root, '../shared/tools/kubeconform/schemas');
const argv = process.argv.slice(2);
const withMem = argv.includes('--mem');
const only = argv.includes('--rows') ? argv[argv.indexOf('--rows') + 1].split(',') : undefined;
mkdirSync(work, { recursive: true });
// GNU time gives peak RSS and CPU time of a child process (threads included); without it those columns say n/a.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, digits = 1) => n.toFixed(digits);
const mib = (kb) => (kb === undefined ? 'n/a' : `${Math.round(kb / 1024)} MiB`);

/** Runs a command once: wall ms, and with GNU time its CPU ms (user + system) and peak RSS (KiB). */
function measure(cmd, args, opts = {}) {
  const t = performance.now();
  const r = gnuTime && opts.usage !== false
    ? spawnSync(gnuTime, ['-f', '\nBENCHUSAGE %U %S %M', cmd, ...args], { cwd: opts.cwd ?? work, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 })
    : spawnSync(cmd, args, { cwd: opts.cwd ?? work, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - t;
  const m = /\nBENCHUSAGE ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, rssKb: m ? Number(m[3]) : undefined, stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, status: r.status };
}

const lintArgs = (...rest) => [bin, ...rest];

/** Alternates a and b `runs` times after a warm-up of each; medians of each and of the paired ratios b/a. */
function paired(a, b, runs) {
  a();
  b();
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return { a: median(as.map((x) => x.ms)), b: median(bs.map((x) => x.ms)), ratio: median(bs.map((x, i) => x.ms / as[i].ms)), lastA: as.at(-1), lastB: bs.at(-1), rssB: median(bs.map((x) => x.rssKb ?? 0)) || undefined };
}

/** A multi-document file of n todo-app resources (the four kinds kubeconform has schemas for). `heavy`: every workload breaks several rules. */
function generate(n, heavy = false) {
  const file = path.join(work, `resources-${n}${heavy ? '-heavy' : ''}.yaml`);
  if (existsSync(file)) return file;
  const parts = [];
  for (let i = 0; i < n; i++) {
    const name = `todo-${i}`;
    switch (i % 4) {
      case 0:
        parts.push(heavy
          ? `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: todo\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: todo, component: c${i}}\n  template:\n    metadata:\n      labels: {app: todo, component: c${i}}\n    spec:\n      containers:\n        - name: app\n          image: todo-backend:latest\n          ports: [{name: http, containerPort: 8000}]\n          env:\n            - {name: DATABASE_URL, value: "postgresql://u:p@db/todo"}\n`
          : `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: todo\n  labels: {app: todo, component: c${i}}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: todo, component: c${i}}\n  template:\n    metadata:\n      labels: {app: todo, component: c${i}}\n    spec:\n      securityContext: {runAsNonRoot: true, runAsUser: 1000}\n      containers:\n        - name: app\n          image: todo-backend:1.0.${i}\n          imagePullPolicy: IfNotPresent\n          ports: [{name: http, containerPort: 8000}]\n          resources:\n            requests: {cpu: 1m, memory: 1Mi}\n            limits: {cpu: 2m, memory: 2Mi}\n          livenessProbe: {httpGet: {path: /health, port: http}}\n          readinessProbe: {httpGet: {path: /ready, port: http}}\n`);
        break;
      case 1:
        parts.push(`---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: todo\n  labels: {app: todo}\nspec:\n  selector: {app: todo, component: c${heavy ? i : i - 1}}\n  ports:\n    - port: 8000\n      targetPort: ${heavy ? 'web' : 'http'}\n`);
        break;
      case 2:
        parts.push(`---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: todo\n  labels: {app: ${i % 1000 === 2 ? 'other' : 'todo'}}\ndata:\n  NEXT_PUBLIC_API_URL: "http://todo-${heavy ? i : i - 1}:8000"\n  LOG_LEVEL: info\n${heavy ? '  DB_PASSWORD: hunter2hunter2\n' : ''}`);
        break;
      default:
        parts.push(`---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  namespace: todo\n  labels: {app: todo}\ntype: Opaque\ndata:\n  DATABASE_URL: ${heavy ? 'not-base64!' : 'cG9zdGdyZXNxbDovL2RiL3RvZG8='}\n`);
    }
  }
  writeFileSync(file, parts.join(''));
  return file;
}

/** kubeconform on a file, as its README says (`-strict`, the local schemas), with its worker count. */
function kc(file, workers) {
  return () => measure(kubeconform, ['-strict', '-summary', ...(workers ? ['-n', String(workers)] : []), '-schema-location', `${kcSchemas}/{{.ResourceKind}}{{.KindSuffix}}.json`, file]);
}

function findingsOf(result) {
  try {
    const out = JSON.parse(result.stdout);
    return { findings: out.findings.length, resources: out.summary.resources };
  } catch {
    return { findings: NaN, resources: NaN, error: `output not JSON (exit ${result.status}): ${result.stderr.slice(0, 200)}` };
  }
}

function throughputRow(n, heavy) {
  return () => {
    const file = generate(n, heavy);
    const runs = Number(process.env.BENCH_BIG_RUNS ?? 3);
    const ours = () => measure(process.execPath, lintArgs(file, '-f', 'json', '--config', testerConfig));
    const cells = [];
    let ratioText = '';
    if (kubeconform) {
      const p = paired(kc(file), ours, runs);
      const one = paired(kc(file, 1), ours, runs);
      cells.push(`kubeconform default ${Math.round(n / (p.a / 1000))}/s, ${mib(p.lastA.rssKb)}; -n 1 ${Math.round(n / (one.a / 1000))}/s, ${mib(one.lastA.rssKb)}`);
      ratioText = `; ours / kubeconform default = ${fmt(1 / p.ratio, 2)}x its speed (median of ${runs} paired runs)`;
      const f = findingsOf(p.lastB);
      return `${Math.round(n / (p.b / 1000))} resources/s, peak ${mib(p.rssB)} (${f.findings} findings)${ratioText}; ${cells.join('; ')}`;
    }
    const times = [];
    let last;
    for (let i = 0; i < runs; i++) times.push((last = ours()).ms);
    const f = findingsOf(last);
    return `${Math.round(n / (median(times) / 1000))} resources/s, peak ${mib(last.rssKb)} (${f.error ?? `${f.findings} findings`}; median of ${runs}; KUBECONFORM=path for its figures)`;
  };
}

/** Copies of fixtures/charts/todo-app, each its own release (in the temp dir: .bench/ is git-ignored, and a walk skips what .gitignore lists). */
function chartCopies(count) {
  const dir = path.join(os.tmpdir(), `k8s-todo-lint-bench-charts-${count}`);
  if (existsSync(path.join(dir, `app${count}`, 'Chart.yaml'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (let i = 1; i <= count; i++) {
    const chart = path.join(dir, `app${i}`);
    cpSync(path.join(root, 'fixtures/charts/todo-app'), chart, { recursive: true });
    const meta = path.join(chart, 'Chart.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^name: .*$/m, `name: app${i}`));
  }
  return dir;
}

const ROWS = [
  {
    name: 'startup',
    title: 'one small file (10 resources), over `node -e 0`',
    goal: '<= 1.5x',
    run() {
      const file = generate(10);
      const runs = Number(process.env.BENCH_RUNS ?? 21);
      const bare = () => measure(process.execPath, ['-e', '0'], { usage: false });
      const p = paired(bare, () => measure(process.execPath, lintArgs(file, '--config', testerConfig), { usage: false }), runs);
      let text = `${fmt(p.ratio, 2)}x (node -e 0 ${fmt(p.a)} ms, lint ${fmt(p.b)} ms; median of ${runs} paired runs)`;
      if (kubeconform) {
        const k1 = paired(bare, () => kc(file, 1)(), runs);
        const kd = paired(bare, () => kc(file)(), runs);
        text += `; kubeconform -n 1 ${fmt(k1.ratio, 2)}x, default ${fmt(kd.ratio, 2)}x`;
      }
      return text;
    },
  },
  { name: 'throughput', title: '10,000 resources, few findings', goal: '>= 2x kubeconform default, same run', run: throughputRow(10_000, false) },
  { name: 'findings', title: '10,000 resources, ~28,800 findings', goal: '>= kubeconform default', run: throughputRow(10_000, true) },
  {
    name: 'mem',
    title: '100,000 resources',
    goal: '<= 250 MB peak, linear time',
    enabled: () => withMem,
    run() {
      const file = generate(100_000);
      const r = measure(process.execPath, lintArgs(file, '-f', 'json', '--config', testerConfig));
      const f = findingsOf(r);
      let text = `${fmt(r.ms / 1000)} s, peak ${mib(r.rssKb)} (${f.error ?? `${f.findings} findings`})`;
      if (kubeconform) {
        const k = kc(file)();
        const k1 = kc(file, 1)();
        text += `; kubeconform default ${fmt(k.ms / 1000)} s, ${mib(k.rssKb)}; -n 1 ${fmt(k1.ms / 1000)} s, ${mib(k1.rssKb)}`;
      }
      return text;
    },
  },
  {
    name: 'charts',
    title: `${process.env.BENCH_CHARTS ?? 200} charts in one run`,
    goal: 'both cores, time linear in charts',
    run() {
      const count = Number(process.env.BENCH_CHARTS ?? 200);
      const quarter = Math.max(1, Math.round(count / 4));
      const all = measure(process.execPath, lintArgs(chartCopies(count), '-f', 'json'));
      const part = measure(process.execPath, lintArgs(chartCopies(quarter), '-f', 'json'));
      const one = measure(process.execPath, lintArgs(chartCopies(count), '-f', 'json', '--threads', '1'));
      const cores = all.cpuMs === undefined ? 'n/a' : fmt(all.cpuMs / all.ms, 2);
      const f = findingsOf(all);
      return `${fmt(all.ms / 1000)} s, CPU/wall ${cores} on ${os.availableParallelism()} cores, peak ${mib(all.rssKb)} (${f.findings} findings); --threads 1: ${fmt(one.ms / 1000)} s (${fmt(one.ms / all.ms, 2)}x the threaded time); ${quarter} charts: ${fmt(part.ms / 1000)} s, so ${count} cost ${fmt(all.ms / part.ms, 2)}x ${quarter} (4.00 is linear)`;
    },
  },
  {
    name: 'argo',
    title: 'argo-cd chart: lint vs `template`',
    goal: 'lint <= 2x its render',
    run() {
      const chart = path.resolve(root, '../shared/corpus/charts/argo-argo-cd/chart');
      if (!existsSync(chart)) return `skipped: no ${chart}`;
      const runs = Number(process.env.BENCH_BIG_RUNS ?? 3);
      const p = paired(() => measure(process.execPath, [bin, 'template', chart]), () => measure(process.execPath, lintArgs(chart, '-f', 'json')), runs);
      return `${fmt(p.ratio, 2)}x (template ${fmt(p.a / 1000, 2)} s, lint ${fmt(p.b / 1000, 2)} s; median of ${runs} paired runs)`;
    },
  },
];

console.log(`k8s-todo-lint bench: ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => fmt(l)).join(' ')}${kubeconform ? `, kubeconform ${kubeconform}` : ''}\n`);
console.log('| input | k8s-todo-lint | goal |\n|---|---|---|');
for (const row of ROWS) {
  if (only ? !only.includes(row.name) : row.enabled && !row.enabled()) continue;
  let text;
  try {
    text = row.run();
  } catch (e) {
    text = `failed: ${e.message}`;
  }
  console.log(`| ${row.title} | ${text} | ${row.goal} |`);
}

if (!only) {
  for (const extra of ['bench-template.mjs', 'bench-sprig.mjs', 'bench-schema.mjs', 'bench-chart.mjs', 'bench-lsp.mjs']) {
    const file = path.join(root, 'scripts', extra);
    if (!existsSync(file)) continue;
    const r = spawnSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
    process.stdout.write(r.stdout);
    if (r.status !== 0) console.log(`${extra}: failed (exit ${r.status}) ${r.stderr.split('\n')[0]}`);
  }
}
