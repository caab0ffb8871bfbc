/**
 * Services and the pods they select, shared by the Service rules. A pod's
 * labels are its template's plus those its controller adds: the StatefulSet
 * controller labels each pod with its name (`<set>-<ordinal>`) and, since
 * Kubernetes 1.28, its ordinal, so per-pod Services select on them.
 */
import type { Resource } from '../../src/engine/resource.js';
import type { PodTemplateRef, ResourceIndex } from '../../src/engine/resource-index.js';
import { versionAtLeast, type KubeVersion } from '../../src/k8s/kube-version.js';
import { isObject } from '../../src/k8s/object.js';

export interface SelectingService {
  svc: Resource;
  selector: Record<string, unknown>;
}

/**
 * Services whose selector picks the pods: core v1, not ExternalName, with a non-empty selector.
 * Every Service rule asks for them with the index's list of Services: worked out once per list.
 */
export function selectingServices(services: readonly Resource[]): readonly SelectingService[] {
  let out = selecting.get(services);
  if (!out) selecting.set(services, (out = findSelectingServices(services)));
  return out;
}

const selecting = new WeakMap<readonly Resource[], readonly SelectingService[]>();

function findSelectingServices(services: readonly Resource[]): SelectingService[] {
  const out: SelectingService[] = [];
  for (const svc of services) {
    if (svc.apiVersion !== 'v1') continue;
    const spec = svc.object.spec;
    if (!isObject(spec) || spec.type === 'ExternalName') continue;
    // No selector means manually managed Endpoints: nothing to match.
    if (!isObject(spec.selector) || Object.keys(spec.selector).length === 0) continue;
    out.push({ svc, selector: spec.selector });
  }
  return out;
}

/** The label the StatefulSet controller puts on each of its pods: the pod's name. */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** The pod's ordinal, also set by the StatefulSet controller (PodIndexLabel, on by default since 1.28). */
const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/**
 * The pod templates whose pods a selector picks in a namespace, counting the
 * labels the StatefulSet controller adds to each pod.
 */
export function selectPods(index: ResourceIndex, kubeVersion: KubeVersion, namespace: string | undefined, selector: Record<string, unknown>): readonly PodTemplateRef[] {
  // Many Services share a selector (a Deployment's Service and its headless twin, every per-tenant copy):
  // each distinct selector is matched once per run, so the Service rules stay linear in resources.
  let memo = selections.get(index);
  if (!memo) selections.set(index, (memo = { byText: new Map(), byObject: new WeakMap() }));
  // Each Service rule asks again for the same Service's selector object: that is found by identity,
  // without writing the selector out again.
  const last = memo.byObject.get(selector);
  if (last && last.namespace === namespace && last.kubeVersion === kubeVersion) return last.pods;
  const pairs: string[] = [];
  for (const k of Object.keys(selector)) pairs.push(`${k}=${String(selector[k])}`);
  if (pairs.length > 1) pairs.sort();
  const key = `${kubeVersion.major}.${kubeVersion.minor}\u0000${namespace ?? ''}\u0000${pairs.join('\u0000')}`;
  let pods = memo.byText.get(key);
  if (!pods) memo.byText.set(key, (pods = matchPods(index, kubeVersion, namespace, selector)));
  memo.byObject.set(selector, { namespace, kubeVersion, pods });
  return pods;
}

interface Selections {
  /** By the selector written out (version, namespace, sorted pairs). */
  byText: Map<string, readonly PodTemplateRef[]>;
  /** The last selection made with a selector object. */
  byObject: WeakMap<object, { namespace: string | undefined; kubeVersion: KubeVersion; pods: readonly PodTemplateRef[] }>;
}

const selections = new WeakMap<ResourceIndex, Selections>();

function matchPods(index: ResourceIndex, kubeVersion: KubeVersion, namespace: string | undefined, selector: Record<string, unknown>): PodTemplateRef[] {
  const added = controllerPairs(kubeVersion, selector);
  if (added.length === 0) return index.selectPods(namespace, selector);
  return templateMatches(index, namespace, selector, added).filter((p) => added.every(([k, v]) => p.labels[k] === v || (p.workload.kind === 'StatefulSet' && hasOrdinal(index, p.workload, k, v))));
}

/**
 * When a per-pod selector misses only because the ordinal is out of range, what
 * the StatefulSet does run ("StatefulSet web runs web-0 to web-2"); else undefined.
 */
export function ordinalMiss(index: ResourceIndex, kubeVersion: KubeVersion, namespace: string | undefined, selector: Record<string, unknown>): string | undefined {
  const added = controllerPairs(kubeVersion, selector);
  if (added.length === 0) return undefined;
  for (const p of templateMatches(index, namespace, selector, added)) {
    if (p.workload.kind !== 'StatefulSet') continue;
    const name = p.workload.name;
    // Only a set whose pods carry this name, with an ordinal outside its range.
    if (!added.every(([k, v]) => ordinalOf(name, k, v) !== undefined)) continue;
    const { start, end } = ordinalRange(index, p.workload);
    if (end === undefined) continue;
    const count = end - start;
    const last = `${name}-${end - 1}`;
    const runs = count <= 0 ? 'runs no pod (0 replicas)' : count === 1 ? `runs only ${last}` : `runs ${name}-${start} ${count === 2 ? 'and' : 'to'} ${last}`;
    return `StatefulSet ${name} ${runs}`;
  }
  return undefined;
}

/** The pod templates matching the selector's other pairs (every template of the namespace when there are none). */
function templateMatches(index: ResourceIndex, namespace: string | undefined, selector: Record<string, unknown>, added: ReadonlyArray<[string, string]>): readonly PodTemplateRef[] {
  const own = Object.fromEntries(Object.entries(selector).filter(([k]) => !added.some(([a]) => a === k)));
  return Object.keys(own).length > 0 ? index.selectPods(namespace, own) : index.podTemplates(namespace);
}

/** The selector pairs on labels a StatefulSet controller sets (so no template has them). */
function controllerPairs(kubeVersion: KubeVersion, selector: Record<string, unknown>): ReadonlyArray<[string, string]> {
  // Most selectors have neither label: nothing to walk or allocate then.
  if (!isEnumerable(selector, POD_NAME_LABEL) && !isEnumerable(selector, POD_INDEX_LABEL)) return NO_PAIRS;
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(selector)) {
    if (k === POD_NAME_LABEL || (k === POD_INDEX_LABEL && versionAtLeast(kubeVersion, '1.28'))) out.push([k, String(v)]);
  }
  return out;
}

const NO_PAIRS: ReadonlyArray<[string, string]> = [];
const isEnumerable = (o: object, key: string): boolean => Object.prototype.propertyIsEnumerable.call(o, key);

/** The ordinal a controller label value names for StatefulSet `name`, or undefined when it names none of its pods. */
function ordinalOf(name: string, key: string, value: string): number | undefined {
  const digits = key === POD_NAME_LABEL ? (value.startsWith(`${name}-`) ? value.slice(name.length + 1) : undefined) : value;
  // Ordinals are written in decimal without leading zeros (web-0, web-12).
  return digits !== undefined && /^(?:0|[1-9]\d{0,8})$/.test(digits) ? Number(digits) : undefined;
}

function hasOrdinal(index: ResourceIndex, sts: Resource, key: string, value: string): boolean {
  const n = ordinalOf(sts.name, key, value);
  if (n === undefined) return false;
  const { start, end } = ordinalRange(index, sts);
  return n >= start && (end === undefined || n < end);
}

/**
 * The ordinals a StatefulSet's pods have: from `spec.ordinals.start` (default 0),
 * `spec.replicas` of them (default 1), or up to maxReplicas when a
 * HorizontalPodAutoscaler scales it; `end` (exclusive) is undefined when the
 * input cannot say (replicas not a number).
 */
function ordinalRange(index: ResourceIndex, sts: Resource): { start: number; end: number | undefined } {
  const spec = isObject(sts.object.spec) ? sts.object.spec : {};
  const start = isObject(spec.ordinals) && Number.isInteger(spec.ordinals.start) && spec.ordinals.start >= 0 ? (spec.ordinals.start as number) : 0;
  const replicas = spec.replicas === undefined || spec.replicas === null ? 1 : spec.replicas;
  if (!Number.isInteger(replicas)) return { start, end: undefined };
  let count = replicas as number;
  for (const hpa of index.ofKind('HorizontalPodAutoscaler')) {
    if (hpa.namespace !== sts.namespace || !isObject(hpa.object.spec)) continue;
    const target = hpa.object.spec.scaleTargetRef;
    if (!isObject(target) || target.kind !== 'StatefulSet' || target.name !== sts.name) continue;
    const max = hpa.object.spec.maxReplicas;
    if (!Number.isInteger(max)) return { start, end: undefined };
    count = Math.max(count, max as number);
  }
  return { start, end: start + count };
}
