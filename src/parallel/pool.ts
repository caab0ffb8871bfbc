/**
 * The worker threads that render and lint charts (src/parallel/worker.ts), one
 * per core at most. Each values variant of a chart (its default render, each
 * ci/*-values.yaml) is a job: it goes to the first idle worker to render, stays
 * there, and is linted there once the main thread knows every unit's facts
 * (namespaces and CRDs are cluster-wide). Each worker runs the built CLI
 * bundle (with its V8 code cache), so a worker costs one bundle load; the
 * main thread merges the outputs in unit order, whatever the order they
 * arrive in.
 */
import { Worker } from 'node:worker_threads';
import { ConfigError, FatalError, InputError, UsageError } from '../errors.js';
import type { CrdFiles } from '../load/crds.js';
import type { UnitFacts, VariantOutput } from '../lint-units.js';
import type { ConfigOptions } from '../lint.js';
import { packageRoot } from '../package-root.js';

/** The cluster facts as a worker receives them. */
export interface ClusterData {
  namespaces: string[];
  crds: Record<string, any>[];
  crdFiles: CrdFiles;
}

export type WorkerRequest =
  | { id: number; type: 'render'; index: number; abs: string; variant: number }
  | { id: number; type: 'cluster'; cluster: ClusterData }
  | { id: number; type: 'lint'; index: number };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } };

export interface WorkerData {
  options: ConfigOptions;
  notes: boolean;
}

// Loads the bundle the CLI runs (or tsc's output without one) and serves requests.
const BOOT = `
const { workerData } = require('node:worker_threads');
const path = require('node:path');
const { existsSync } = require('node:fs');
const root = workerData.root;
const bundle = path.join(root, 'dist/bundle/main.cjs');
const mod = existsSync(bundle)
  ? Promise.resolve(require(path.join(root, 'dist/bundle/code-cache.cjs')).requireWithCodeCache(root, bundle))
  : import(require('node:url').pathToFileURL(path.join(root, 'dist/src/parallel/worker.js')).href);
mod.then((m) => m.serveWorker());
`;

interface Job {
  request: WorkerRequest;
  /** The worker that must run it (a lint goes where the chart was rendered). */
  worker?: number;
  resolve: (value: any) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy?: Job;
  clusterSent: boolean;
  failed?: Error;
}

let started = 0;

/** How many worker threads were started since start-up: tests check the small case starts none. */
export function workersStarted(): number {
  return started;
}

export class ChartPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  /** Render job -> the worker holding its render. */
  private readonly holder = new Map<number, number>();
  /** Chart -> its render jobs, one per values variant. */
  private readonly chartJobs = new Map<number, number[]>();
  private nextJob = 0;
  private cluster?: ClusterData;
  private nextId = 1;

  constructor(size: number, options: ConfigOptions, notes: boolean) {
    const workerData = { root: packageRoot(), options, notes } satisfies WorkerData & { root: string };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(BOOT, { eval: true, workerData });
      started++;
      const slot: Slot = { worker, clusterSent: false };
      worker.on('message', (reply: WorkerReply) => this.settle(slot, reply));
      worker.on('error', (e) => this.fail(slot, e));
      worker.on('exit', (code) => this.fail(slot, new Error(`a worker thread stopped (exit ${code})`)));
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Renders each values variant of a chart (its default render, then each ci values file)
   * as its own job on the first idle worker, which keeps it for lintChart(); the facts are
   * the default render's.
   */
  async renderChart(chart: number, abs: string, variants: number): Promise<{ facts: UnitFacts; files: number }> {
    const jobs = Array.from({ length: variants }, () => this.nextJob++);
    this.chartJobs.set(chart, jobs);
    const metas = await Promise.all(jobs.map((index, variant) => this.enqueue({ id: 0, type: 'render', index, abs, variant })));
    return metas[0];
  }

  holds(chart: number): boolean {
    return this.chartJobs.has(chart);
  }

  setCluster(cluster: ClusterData): void {
    this.cluster = cluster;
  }

  /** Lints each variant of a rendered chart where it was rendered. */
  lintChart(chart: number): Promise<VariantOutput[]> {
    return Promise.all(this.chartJobs.get(chart)!.map((index) => this.enqueue({ id: 0, type: 'lint', index }, this.holder.get(index))));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private enqueue(request: WorkerRequest, worker?: number): Promise<any> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { ...request, id: this.nextId++ }, worker, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    this.slots.forEach((slot, n) => {
      if (slot.busy) return;
      const at = this.queue.findIndex((j) => j.worker === undefined || j.worker === n);
      if (at < 0) return;
      const [job] = this.queue.splice(at, 1);
      if (slot.failed) {
        job.reject(slot.failed);
        return;
      }
      if (job.request.type === 'render') this.holder.set(job.request.index, n);
      if (job.request.type === 'lint' && !slot.clusterSent) {
        slot.worker.postMessage({ id: 0, type: 'cluster', cluster: this.cluster! } satisfies WorkerRequest);
        slot.clusterSent = true;
      }
      slot.busy = job;
      slot.worker.postMessage(job.request);
    });
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    const job = slot.busy;
    if (!job || job.request.id !== reply.id) return;
    slot.busy = undefined;
    if (reply.ok) job.resolve(reply.value);
    else job.reject(rebuildError(reply.error));
    this.pump();
  }

  private fail(slot: Slot, e: Error): void {
    if (slot.failed) return;
    slot.failed = e;
    slot.busy?.reject(e);
    slot.busy = undefined;
    this.pump();
  }
}

/** A worker's error as the main thread throws it: a fatal one keeps its class (exit 2, one line). */
function rebuildError(e: { name: string; message: string }): Error {
  const kinds: Record<string, new (message: string) => Error> = { UsageError, InputError, ConfigError, FatalError };
  const Kind = kinds[e.name];
  if (Kind) return new Kind(e.message);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}
