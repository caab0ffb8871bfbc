/**
 * Where the pod spec of each workload kind lives, and the containers in it.
 * Shared by the index and by rules (through rules/_lib).
 */
import type { ResourcePath } from '../types.js';
import type { Resource } from './resource.js';

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod',
]);

/** Long-running workloads (probes make sense). */
export const LONG_RUNNING_KINDS: ReadonlySet<string> = new Set([
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod',
]);

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The pod spec of a workload and its path, or undefined when absent or malformed. */
export function podSpecOf(r: Resource): { spec: Record<string, any>; path: ResourcePath } | undefined {
  const o = r.object;
  let path: ResourcePath;
  switch (r.kind) {
    case 'Pod': path = ['spec']; break;
    case 'CronJob': path = ['spec', 'jobTemplate', 'spec', 'template', 'spec']; break;
    default:
      if (!WORKLOAD_KINDS.has(r.kind)) return undefined;
      path = ['spec', 'template', 'spec'];
  }
  let cur: unknown = o;
  for (const seg of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[seg as string];
  }
  return isObject(cur) ? { spec: cur, path } : undefined;
}

/** Path of the pod template metadata labels (or the Pod's own labels). */
export function podLabelsPath(r: Resource): ResourcePath {
  switch (r.kind) {
    case 'Pod': return ['metadata', 'labels'];
    case 'CronJob': return ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'];
    default: return ['spec', 'template', 'metadata', 'labels'];
  }
}

export function podTemplateLabelsOf(r: Resource): Record<string, string> {
  let cur: unknown = r.object;
  for (const seg of podLabelsPath(r)) {
    if (!isObject(cur)) return {};
    cur = cur[seg as string];
  }
  if (!isObject(cur)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cur)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

export interface ContainerRef {
  container: Record<string, any>;
  /** Full path from the resource root, e.g. ['spec','template','spec','containers',0]. */
  path: ResourcePath;
  init: boolean;
}

/** Every container (and, if asked, init container) of a workload. */
export function containersOf(r: Resource, opts: { init: boolean }): ContainerRef[] {
  const pod = podSpecOf(r);
  if (!pod) return [];
  const out: ContainerRef[] = [];
  const lists: Array<['containers' | 'initContainers', boolean]> = opts.init
    ? [['initContainers', true], ['containers', false]]
    : [['containers', false]];
  for (const [field, init] of lists) {
    const list = pod.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (isObject(c)) out.push({ container: c, path: [...pod.path, field, i], init });
    });
  }
  return out;
}
