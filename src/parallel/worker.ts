/**
 * A worker thread of the chart pool (src/parallel/pool.ts): resolves the same
 * config as the main thread, renders the charts it is given and keeps them
 * until it is asked to lint them with the cluster facts. Replies carry plain
 * data only (facts, findings, notes); an error crosses as its class name and
 * message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recordingCatalogue } from '../cache/lint-cache.js';
import { chartWorlds, lintWorlds, unitFacts, type ClusterFacts } from '../lint-units.js';
import { chartLoadOptions, resolveConfig, runSettings } from '../lint.js';
import { loadCharts, type LoadedCharts } from '../load/charts.js';
import { crdCatalogInput } from '../load/crds.js';
import { dockerfileCatalogue } from '../load/dockerfiles.js';
import type { WorkerData, WorkerReply, WorkerRequest } from './pool.js';

export async function serveWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveWorker() runs in a worker thread');
  const data = workerData as WorkerData;
  const rc = await resolveConfig(data.options);
  const run = runSettings(rc);
  const loadOptions = chartLoadOptions(rc, data.options);
  const dockerfiles = dockerfileCatalogue({ baseDir: rc.baseDir, cwd: rc.cwd, images: rc.config.images });
  const held = new Map<number, LoadedCharts>();
  let cluster: ClusterFacts | undefined;

  const handle = async (m: WorkerRequest): Promise<unknown> => {
    if (m.type === 'render') {
      const loaded = await loadCharts([m.abs], loadOptions);
      held.set(m.index, loaded);
      return { facts: unitFacts(loaded.renders.filter((r) => r.valuesFile === undefined).flatMap((r) => r.resources)), files: loaded.files };
    }
    if (m.type === 'cluster') {
      cluster = { knownNamespaces: new Set(m.cluster.namespaces), crds: crdCatalogInput(m.cluster.crds, m.cluster.crdFiles) };
      return undefined;
    }
    const loaded = held.get(m.index);
    if (!loaded || !cluster) throw new Error(`chart ${m.index} is not rendered here`);
    held.delete(m.index);
    const recorder = recordingCatalogue(dockerfiles);
    const output = lintWorlds(chartWorlds(loaded), loaded.directives, run, cluster, recorder, { notes: data.notes });
    return { output, lookups: recorder.lookups };
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
