/** Helpers shared by rules: workloads, containers, image references. */
export { containersOf, podSpecOf, podLabelsPath, podTemplateLabelsOf, isObject, WORKLOAD_KINDS, LONG_RUNNING_KINDS } from '../../src/engine/workloads.js';
export type { ContainerRef } from '../../src/engine/workloads.js';
import type { Resource } from '../../src/engine/resource.js';
import { WORKLOAD_KINDS } from '../../src/engine/workloads.js';

// Every rule of a run gets the same resource list: filter it once.
const workloadLists = new WeakMap<readonly Resource[], readonly Resource[]>();

export function workloads(resources: readonly Resource[]): readonly Resource[] {
  let list = workloadLists.get(resources);
  if (list === undefined) workloadLists.set(resources, (list = resources.filter((r) => WORKLOAD_KINDS.has(r.kind))));
  return list;
}

/** "Deployment todo-frontend" for messages. */
export function describe(r: Resource): string {
  return `${r.kind} ${r.name}`;
}
