/**
 * Workload kinds, where the pod spec and pod labels of each live, and the
 * containers in it. Shared by the resource index and by rules.
 */
import type { Resource } from '../engine/resource.js';
import type { ResourcePath } from '../types.js';
import { isObject } from './object.js';

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod',
]);

/** Long-running workloads (probes make sense). */
export const LONG_RUNNING_KINDS: ReadonlySet<string> = new Set([
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod',
]);

export interface PodSpecRef {
  spec: Record<string, any>;
  path: ResourcePath;
}

// Most rules ask for the pod spec and containers of every workload: computed once per
// resource (resources are never changed once loaded), which also spares the garbage
// collector a few arrays per rule and resource (measured: ~10% of a 10,000-resource lint).
const podSpecs = new WeakMap<Resource, PodSpecRef | null>();
const containerLists = new WeakMap<Resource, readonly ContainerRef[]>();
const appContainerLists = new WeakMap<Resource, readonly ContainerRef[]>();

/** The pod spec of a workload and its path, or undefined when absent or malformed. */
export function podSpecOf(r: Resource): PodSpecRef | undefined {
  let known = podSpecs.get(r);
  if (known === undefined) podSpecs.set(r, (known = findPodSpec(r) ?? null));
  return known ?? undefined;
}

const POD_SPEC_PATH = ['spec'];
const CRONJOB_SPEC_PATH = ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
const TEMPLATE_SPEC_PATH = ['spec', 'template', 'spec'];

/**
 * `paths` (from a pod spec: `['containers', '*', 'image']`) under the pod spec of every
 * workload kind: what a cross-resource rule declares it reads (RuleMeta.reads).
 */
export function podSpecReads(...paths: ReadonlyArray<readonly string[]>): string[][] {
  return [POD_SPEC_PATH, CRONJOB_SPEC_PATH, TEMPLATE_SPEC_PATH].flatMap((base) => paths.map((p) => [...base, ...p]));
}

/** The pod labels of every workload kind (podLabelsPath), as read paths. */
export const POD_LABEL_READS: readonly string[][] = [['metadata', 'labels'], ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'], ['spec', 'template', 'metadata', 'labels']];

function findPodSpec(r: Resource): PodSpecRef | undefined {
  const o = r.object;
  let path: ResourcePath;
  switch (r.kind) {
    case 'Pod': path = POD_SPEC_PATH; break;
    case 'CronJob': path = CRONJOB_SPEC_PATH; break;
    default:
      if (!WORKLOAD_KINDS.has(r.kind)) return undefined;
      path = TEMPLATE_SPEC_PATH;
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
    case 'Pod': return [...POD_LABEL_READS[0]];
    case 'CronJob': return [...POD_LABEL_READS[1]];
    default: return [...POD_LABEL_READS[2]];
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

/** Every container (and, if asked, init container first) of a workload. */
export function containersOf(r: Resource, opts: { init: boolean }): readonly ContainerRef[] {
  const memo = opts.init ? containerLists : appContainerLists;
  let list = memo.get(r);
  if (list === undefined) memo.set(r, (list = findContainers(r, opts.init)));
  return list;
}

function findContainers(r: Resource, withInit: boolean): ContainerRef[] {
  const pod = podSpecOf(r);
  if (!pod) return [];
  const out: ContainerRef[] = [];
  const lists: Array<['containers' | 'initContainers', boolean]> = withInit
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
