/**
 * Rendering a chart again on a bigger stack.
 *
 * Helm lets an include chain go 1000 deep (Go stacks grow to 1 GB); our
 * recursive executor uses JS stack for every nested include, and Node's main
 * thread stack (about 1 MB) runs out after a few hundred. Rather than make
 * every render pay for an explicit stack, the rare render that exhausts it
 * (renderHelm throws HelmStackExhaustedError) runs once more, whole, on a
 * worker thread whose stack is DEEP_STACK_MB. There a legitimate 1000-deep
 * chain renders, and a runaway recursion stops at Helm's include limit with
 * Helm's own error.
 *
 * The worker gets the chart and the merged user values as structured-clone
 * data: null-prototype maps, GoInt (int64 from --set) and value origins do not
 * survive structuredClone, so they are packed here and rebuilt in the worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { GoInt, GoObject, getOrigin, setOrigin, type GoIntKind, type GoMap, type GoValue, type ValueOrigin } from '../go/value.js';
import { Chart, type ChartFile, type ChartMetadata, type Dependency } from './chart.js';
import type { RenderErrorDetail } from './render-error.js';

/** Stack of the worker: enough for 1001 nested includes of several names through deep templates. */
export const DEEP_STACK_MB = 512;

/** The worker's marker in workerData, so that a render inside it does not start another worker. */
const MARKER = 'k8s-todo-lint-deep-render';

/** True inside the big-stack worker. */
export function onBigStack(): boolean {
  return !isMainThread && (workerData as { marker?: string } | null)?.marker === MARKER;
}

// ---------------------------------------------------------------------------
// Packing values and charts for structured clone

type Packed =
  | null
  | undefined
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | { $: 'map'; keys: string[]; vals: Packed[]; origins: (ValueOrigin | undefined)[] }
  | { $: 'list'; vals: Packed[]; origins: (ValueOrigin | undefined)[] }
  | { $: 'int'; value: bigint; kind: GoIntKind };

/** Thrown for a value that cannot cross to the worker (a Go object in the values). */
class UnpackableValue extends Error {}

export function packGoValue(v: GoValue): Packed {
  if (v === null || v === undefined || typeof v !== 'object') {
    if (typeof v === 'function') throw new UnpackableValue('a function in the values');
    return v;
  }
  if (v instanceof Uint8Array) return v;
  if (v instanceof GoInt) return { $: 'int', value: v.value, kind: v.kind };
  if (v instanceof GoObject) throw new UnpackableValue(`a ${v.goType()} in the values`);
  if (Array.isArray(v)) {
    return { $: 'list', vals: v.map(packGoValue), origins: v.map((_, i) => getOrigin(v, i)) };
  }
  const keys = Object.keys(v);
  return { $: 'map', keys, vals: keys.map((k) => packGoValue(v[k])), origins: keys.map((k) => getOrigin(v, k)) };
}

export function unpackGoValue(p: Packed): GoValue {
  if (p === null || p === undefined || typeof p !== 'object' || p instanceof Uint8Array) return p;
  switch (p.$) {
    case 'int':
      return new GoInt(p.value, p.kind);
    case 'list': {
      const out = p.vals.map(unpackGoValue);
      p.origins.forEach((o, i) => o && setOrigin(out, i, o));
      return out;
    }
    case 'map': {
      const out = Object.create(null) as GoMap;
      p.keys.forEach((k, i) => {
        out[k] = unpackGoValue(p.vals[i]);
        const o = p.origins[i];
        if (o) setOrigin(out, k, o);
      });
      return out;
    }
  }
}

type PackedDependency = Omit<Dependency, 'importValues'> & { importValues: Packed[] };

interface PackedChart {
  metadata: Omit<ChartMetadata, 'dependencies'> & { dependencies: PackedDependency[] | null };
  templates: ChartFile[];
  files: ChartFile[];
  values: Packed;
  schema?: Uint8Array;
  valuesFile: string;
  deps: PackedChart[];
}

function packChart(c: Chart): PackedChart {
  const md = c.metadata;
  return {
    metadata: { ...md, dependencies: md.dependencies ? md.dependencies.map((d) => ({ ...d, importValues: d.importValues.map(packGoValue) })) : null },
    templates: c.templates,
    files: c.files,
    values: packGoValue(c.values),
    schema: c.schema,
    valuesFile: c.valuesFile,
    deps: c.dependencies().map(packChart),
  };
}

function unpackChart(p: PackedChart): Chart {
  const md: ChartMetadata = {
    ...p.metadata,
    dependencies: p.metadata.dependencies ? p.metadata.dependencies.map((d) => ({ ...d, importValues: d.importValues.map(unpackGoValue) })) : null,
  };
  const c = new Chart(md, unpackGoValue(p.values) as GoMap);
  c.templates = p.templates;
  c.files = p.files;
  c.schema = p.schema;
  c.valuesFile = p.valuesFile;
  c.setDependencies(p.deps.map(unpackChart));
  return c;
}

// ---------------------------------------------------------------------------
// The two sides

/** What the worker is given. Options are the plain ones only (no stdin, no callbacks). */
export interface DeepRenderJob {
  marker: typeof MARKER;
  chart: PackedChart;
  values: Packed;
  options: Record<string, unknown>;
}

/** What the worker answers: the render result, or the error to throw again. */
export type DeepRenderAnswer<R> =
  | { ok: R }
  | { error: DeepRenderError };

/** A render error as it crosses the thread boundary (plain data). */
export interface DeepRenderError {
  message: string;
  afterRender: boolean;
  partialOutput: string;
  detail?: RenderErrorDetail;
}

let workerUrlOverride: URL | undefined;

/**
 * Where the worker's entry module is. Tests that run the TypeScript sources
 * (which a worker cannot load) bundle it and point here.
 */
export function setDeepRenderWorker(url: URL | undefined): void {
  workerUrlOverride = url;
}

/**
 * The compiled worker entry: next to this module in dist/src, or, from the
 * CLI bundle (dist/bundle/main.cjs, where import.meta.url is the bundle),
 * in dist/src beside it.
 */
function workerUrl(): URL | undefined {
  if (workerUrlOverride) return workerUrlOverride;
  for (const rel of ['./deep-render-worker.js', '../src/helm/chart/deep-render-worker.js']) {
    const u = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(u))) return u;
  }
  return undefined;
}

/**
 * Renders `chart` with `values` (already merged user values) on a worker with
 * a DEEP_STACK_MB stack. Resolves to the worker's result; rejects with an
 * error built by `makeError` from the worker's error. Resolves to undefined
 * when no worker can be started or it dies without answering (the caller then
 * keeps its first error).
 */
export async function renderOnBigStack<R>(
  chart: Chart,
  values: GoMap,
  options: Record<string, unknown>,
  makeError: (e: DeepRenderError) => Error,
): Promise<R | undefined> {
  const url = workerUrl();
  if (url === undefined) return undefined;
  let job: DeepRenderJob;
  try {
    const plain: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options)) if (typeof v !== 'function' && k !== 'values') plain[k] = v;
    job = { marker: MARKER, chart: packChart(chart), values: packGoValue(values), options: plain };
  } catch (e) {
    if (e instanceof UnpackableValue) return undefined;
    throw e;
  }
  // A worker that cannot start or dies (memory limits...) leaves the caller's first error standing.
  const answer = await new Promise<DeepRenderAnswer<R> | undefined>((resolve) => {
    let w: Worker;
    try {
      w = new Worker(url, { workerData: job, resourceLimits: { stackSizeMb: DEEP_STACK_MB } });
    } catch {
      resolve(undefined);
      return;
    }
    w.once('message', (m: DeepRenderAnswer<R>) => resolve(m));
    w.once('error', () => resolve(undefined));
    w.once('exit', () => resolve(undefined));
  });
  if (answer === undefined) return undefined;
  if ('error' in answer) throw makeError(answer.error);
  return answer.ok;
}

/** The worker's side: unpacks the job for renderChart. */
export function readDeepRenderJob(job: DeepRenderJob): { chart: Chart; values: GoMap; options: Record<string, unknown> } {
  return { chart: unpackChart(job.chart), values: unpackGoValue(job.values) as GoMap, options: job.options };
}
