#!/usr/bin/env node
/**
 * Chart rendering speed: loads and renders a chart (default: the corpus's
 * bitnami/postgresql) several times in one process and prints the median.
 *   node scripts/bench-chart.mjs [chart dir] [--runs N]
 * The chart layer is bundled with esbuild into .bench/ first.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const runsIdx = argv.indexOf('--runs');
const runs = runsIdx >= 0 ? Number(argv[runsIdx + 1]) : 20;
const chartDir = resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs') ?? join(root, '..', 'shared', 'corpus', 'charts', 'bitnami-postgresql', 'chart'));
if (!existsSync(chartDir)) {
  console.error(`bench-chart: no chart at ${chartDir}`);
  process.exit(2);
}
mkdirSync(join(root, '.bench'), { recursive: true });
const bundle = join(root, '.bench', 'helm-chart.mjs');
await build({ entryPoints: [join(root, 'src/helm/index.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, packages: 'external', logLevel: 'error' });
const { loadChart, renderChart } = await import(pathToFileURL(bundle).href);

// CPU time of this process, so that other work on the machine does not count.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const times = { load: [], render: [] };
let docs = 0;
for (let i = 0; i < runs; i++) {
  const t0 = cpu();
  const chart = await loadChart(chartDir);
  const t1 = cpu();
  const r = await renderChart(chart, { kubeVersion: 'v1.36.0' });
  const t2 = cpu();
  times.load.push(t1 - t0);
  times.render.push(t2 - t1);
  docs = r.documents.length;
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`chart: ${chartDir}`);
console.log(`documents: ${docs}`);
console.log(`first run: load ${times.load[0].toFixed(1)} ms, render ${times.render[0].toFixed(1)} ms (cold, includes JIT warm-up)`);
console.log(`median CPU time of ${runs}: load ${median(times.load).toFixed(1)} ms, render ${median(times.render).toFixed(1)} ms, total ${(median(times.load) + median(times.render)).toFixed(1)} ms`);
