/**
 * How many worker threads pay off for the charts of a run (`--threads` not given): none
 * unless the estimated work, spread over the cores, finishes clearly sooner than on the
 * main thread alone. The estimate weighs each chart by its size and its renders (the
 * default one and one per ci/*-values.yaml); the constants were measured (CPU time of
 * `lint --threads 1` and of each worker thread, argo-cd's chart and 200 copies of the
 * todo-app chart, two cores):
 *
 * - one render and its lint costs about 16 ms plus 1 ms per 11 KB of the chart's files;
 * - a worker costs about 300 ms before it does useful work (loading the bundle, warming
 *   the JIT), and a chart whose renders are split between threads is loaded and its big
 *   documents parsed cold again on each: about four renders' worth (argo-cd: 1 s);
 * - a busy JavaScript thread keeps about 0.65 of another core busy with V8's background
 *   compiler and garbage collector, so two cores run only ~1.2 threads' worth of
 *   JavaScript: on two cores the workers lost for both measured inputs.
 *
 * Raw manifests have no plan: they stay on the main thread (docs/ARCHITECTURE.md,
 * "Streaming", says what a split between threads measured on two cores).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A chart to render: the bytes of its files and its number of renders. */
export interface ChartWork {
  bytes: number;
  renders: number;
}

const RENDER_MS = 16;
const BYTES_PER_MS = 11_000;
const WORKER_START_MS = 300;
const SPLIT_CHART_RENDERS = 4;
/** Cores one busy JavaScript thread occupies with V8's background threads. */
const CORES_PER_THREAD = 1.65;
/** The workers must win by this much: the estimate is rough and the machine may be shared. */
const REQUIRED_GAIN = 0.8;

/** Whether `threads` workers on `cores` cores could beat the main thread at all, however much work there is. */
export function workersCanPay(threads: number, cores: number): boolean {
  return Math.min(threads, cores / CORES_PER_THREAD) * REQUIRED_GAIN > 1;
}

/** Estimated main-thread milliseconds for one render (and its lint) of a chart of `bytes`. */
export function renderCost(bytes: number): number {
  return RENDER_MS + bytes / BYTES_PER_MS;
}

/**
 * The number of worker threads to use (0: everything on the main thread), at most
 * `threads`, for these charts on `cores` cores.
 */
export function plannedWorkers(charts: readonly ChartWork[], threads: number, cores: number): number {
  const single = charts.reduce((ms, c) => ms + c.renders * renderCost(c.bytes), 0);
  const renders = charts.reduce((n, c) => n + c.renders, 0);
  let best = 0;
  let bestMs = single * REQUIRED_GAIN;
  for (let k = 2; k <= Math.min(threads, renders); k++) {
    // A chart's renders spread over up to k workers, each loading the chart again.
    const split = charts.reduce((ms, c) => ms + (Math.min(k, c.renders) - 1) * SPLIT_CHART_RENDERS * renderCost(c.bytes), 0);
    const effective = Math.min(k, cores / CORES_PER_THREAD);
    const ms = WORKER_START_MS + (single + split + k * WORKER_START_MS) / effective;
    if (ms < bestMs) {
      best = k;
      bestMs = ms;
    }
  }
  return best;
}

/** The bytes of a chart's files (a directory, at most a few thousand files deep enough to hold its templates), or of a .tgz. */
export function chartBytes(abs: string): number {
  try {
    if (abs.toLowerCase().endsWith('.tgz')) return statSync(abs).size * 4;
    let bytes = 0;
    let files = 0;
    const walk = (dir: string, depth: number) => {
      if (depth > 8 || files > 5000) return;
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p, depth + 1);
        else if (e.isFile()) {
          files++;
          bytes += statSync(p).size;
        }
      }
    };
    walk(abs, 0);
    return bytes;
  } catch {
    return 0;
  }
}
