/**
 * A worker thread of the chart pool (src/parallel/pool.ts): resolves the same
 * config as the main thread, renders the charts it is given and keeps them
 * until it is asked to lint them with the cluster facts. Replies carry plain
 * data only (facts, findings, notes); an error crosses as its class name and
 * message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recordingCatalogue } from '../cache/lint-cache.js';
import { chartWorlds, lintWorlds, renderWorld, unitFacts, usedDirectives, type ClusterFacts, type VariantOutput } from '../lint-units.js';
import { chartLoadOptions, resolveConfig, runSettings } from '../lint.js';
import { loadCharts, type LoadedCharts } from '../load/charts.js';
import { crdCatalogInput } from '../load/crds.js';
import { dockerfileCatalogue } from '../load/dockerfiles.js';
import { RenderedTextMemo } from '../load/text-memo.js';
import type { WorkerData, WorkerReply, WorkerRequest } from './pool.js';

export async function serveWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveWorker() runs in a worker thread');
  const data = workerData as WorkerData;
  const rc = await resolveConfig(data.options);
  const run = runSettings(rc);
  // One memo for the worker's life: the variants of a chart it renders share their identical documents' parses.
  const loadOptions = { ...chartLoadOptions(rc, data.options), memo: new RenderedTextMemo() };
  const dockerfiles = dockerfileCatalogue({ baseDir: rc.baseDir, cwd: rc.cwd, images: rc.config.images });
  const held = new Map<number, { loaded: LoadedCharts; variant: number }>();
  let cluster: ClusterFacts | undefined;

  const handle = async (m: WorkerRequest): Promise<unknown> => {
    if (m.type === 'render') {
      const loaded = await loadCharts([m.abs], loadOptions, m.variant);
      held.set(m.index, { loaded, variant: m.variant });
      return { facts: unitFacts(loaded.renders.filter((r) => r.valuesFile === undefined).flatMap((r) => r.resources)), files: loaded.files };
    }
    if (m.type === 'cluster') {
      cluster = { knownNamespaces: new Set(m.cluster.namespaces), crds: crdCatalogInput(m.cluster.crds, m.cluster.crdFiles) };
      return undefined;
    }
    const job = held.get(m.index);
    if (!job || !cluster) throw new Error(`render ${m.index} is not held here`);
    held.delete(m.index);
    const { loaded, variant } = job;
    const recorder = recordingCatalogue(dockerfiles);
    // The default variant is the chart's world (with its Chart.yaml facts); another is that values file's world.
    const worlds = variant === 0 ? chartWorlds(loaded) : loaded.renders.map((r) => renderWorld([r], [], r.valuesFile));
    const output = lintWorlds(worlds, loaded.directives, run, cluster, recorder, { notes: data.notes });
    const reply: VariantOutput = { output, lookups: recorder.lookups, used: usedDirectives(loaded.directives) };
    if (variant === 0) reply.directives = [...loaded.directives];
    return reply;
  };

  // One request at a time, in the order they came.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (m: WorkerRequest) => {
    chain = chain.then(async () => {
      let reply: WorkerReply;
      try {
        reply = { id: m.id, ok: true, value: await handle(m) };
      } catch (e) {
        const error = e as Error;
        reply = { id: m.id, ok: false, error: { name: error?.constructor?.name ?? 'Error', message: error?.message ?? String(e) } };
      }
      if (m.type !== 'cluster') port.postMessage(reply);
    });
  });
}
