/**
 * The cluster-capacity arithmetic, shared by the cluster-capacity rule and by
 * `k8s-todo-lint capacity`: allocatable capacity from the options, and per
 * workload, replicas x per-pod requests and limits, following Kubernetes'
 * effective pod resources (max(largest init container, sum of containers)),
 * all exact.
 */
import type { Resource } from '../engine/resource.js';
import type { ResourceIndex } from '../engine/resource-index.js';
import type { ResourcePath } from '../types.js';
import { isObject } from './object.js';
import { addQuantities, compareQuantities, maxQuantity, multiplyQuantity, parseQuantity, ZERO, type Quantity } from './quantity.js';
import { containersOf } from './workloads.js';

export type Dimension = 'cpu' | 'memory';

export interface WorkloadUsage {
  workload: Resource;
  replicas: bigint;
  /** Where the replica count came from, for the report. */
  replicasFrom: string;
  perPod: Record<'requests' | 'limits', Record<Dimension, Quantity>>;
  total: Record<'requests' | 'limits', Record<Dimension, Quantity>>;
  /** Containers with no limit for a dimension (not counted in the limits total). */
  unlimited: Record<Dimension, number>;
  /** Path of the container value that contributes most to each dimension, for limits and requests. */
  largestPath: Record<Dimension, ResourcePath>;
  largestRequestPath: Record<Dimension, ResourcePath>;
}

export interface CapacityOptions {
  cpu: string;
  memory: string;
  reserved: { cpu: string; memory: string };
  maxUtilization: number;
  nodes: number;
  includeSurge: boolean;
}

export const DEFAULT_CAPACITY: CapacityOptions = {
  cpu: '4', memory: '8Gi', reserved: { cpu: '1', memory: '2Gi' }, maxUtilization: 0.7, nodes: 1, includeSurge: false,
};

/** Options as configured (quantities may be YAML numbers, `reserved` may be partial) -> complete options. */
export function resolveCapacityOptions(raw: Partial<CapacityOptions> | undefined): CapacityOptions {
  const r = raw ?? {};
  return {
    ...DEFAULT_CAPACITY,
    ...r,
    cpu: String(r.cpu ?? DEFAULT_CAPACITY.cpu),
    memory: String(r.memory ?? DEFAULT_CAPACITY.memory),
    reserved: { ...DEFAULT_CAPACITY.reserved, ...(r.reserved ?? {}) },
  };
}

export function allocatable(o: CapacityOptions): Record<Dimension, Quantity> {
  const sub = (a: string, b: string): Quantity => {
    const qa = parseQuantity(a) ?? ZERO;
    const qb = parseQuantity(b) ?? ZERO;
    return addQuantities(qa, { num: -qb.num, den: qb.den, text: '' });
  };
  return { cpu: sub(o.cpu, o.reserved.cpu), memory: sub(o.memory, o.reserved.memory) };
}

export function workloadUsages(index: ResourceIndex, o: CapacityOptions): WorkloadUsage[] {
  const hpaMax = new Map<string, number>();
  for (const hpa of index.ofKind('HorizontalPodAutoscaler')) {
    const ref = hpa.object.spec?.scaleTargetRef;
    const max = hpa.object.spec?.maxReplicas;
    if (isObject(ref) && typeof max === 'number') hpaMax.set(`${hpa.namespace}/${ref.kind}/${ref.name}`, max);
  }
  const out: WorkloadUsage[] = [];
  for (const w of index.workloads) {
    const { replicas, from } = replicasOf(w, hpaMax, o);
    const perPod = { requests: { cpu: ZERO, memory: ZERO }, limits: { cpu: ZERO, memory: ZERO } };
    const unlimited = { cpu: 0, memory: 0 };
    const largestPath: Record<Dimension, ResourcePath> = { cpu: [], memory: [] };
    const largestRequestPath: Record<Dimension, ResourcePath> = { cpu: [], memory: [] };
    const largest: Record<Dimension, Quantity> = { cpu: ZERO, memory: ZERO };
    const largestReq: Record<Dimension, Quantity> = { cpu: ZERO, memory: ZERO };
    for (const kind of ['requests', 'limits'] as const) {
      for (const dim of ['cpu', 'memory'] as const) {
        let sum = ZERO;
        let initMax = ZERO;
        for (const c of containersOf(w, { init: true })) {
          const raw = c.container.resources?.[kind]?.[dim];
          const q = raw === undefined || raw === null ? undefined : parseQuantity(raw);
          if (!q) {
            if (kind === 'limits' && !c.init) unlimited[dim]++;
            continue;
          }
          if (c.init) initMax = maxQuantity(initMax, q);
          else sum = addQuantities(sum, q);
          if (kind === 'limits' && compareQuantities(q, largest[dim]) > 0) {
            largest[dim] = q;
            largestPath[dim] = [...c.path, 'resources', 'limits', dim];
          }
          if (kind === 'requests' && compareQuantities(q, largestReq[dim]) > 0) {
            largestReq[dim] = q;
            largestRequestPath[dim] = [...c.path, 'resources', 'requests', dim];
          }
        }
        perPod[kind][dim] = maxQuantity(sum, initMax);
      }
    }
    const times = (q: Quantity) => multiplyQuantity(q, replicas);
    out.push({
      workload: w, replicas, replicasFrom: from, perPod, unlimited, largestPath, largestRequestPath,
      total: {
        requests: { cpu: times(perPod.requests.cpu), memory: times(perPod.requests.memory) },
        limits: { cpu: times(perPod.limits.cpu), memory: times(perPod.limits.memory) },
      },
    });
  }
  return out;
}

function replicasOf(w: Resource, hpaMax: Map<string, number>, o: CapacityOptions): { replicas: bigint; from: string } {
  const hpa = hpaMax.size === 0 ? undefined : hpaMax.get(`${w.namespace}/${w.kind}/${w.name}`);
  if (hpa !== undefined) return { replicas: BigInt(Math.max(0, Math.floor(hpa))), from: 'HPA maxReplicas' };
  const spec = w.object.spec ?? {};
  const int = (v: unknown, d: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : d);
  switch (w.kind) {
    case 'DaemonSet': return { replicas: BigInt(o.nodes), from: 'one per node' };
    case 'Pod': return { replicas: 1n, from: 'Pod' };
    case 'Job': return { replicas: BigInt(int(spec.parallelism, 1)), from: 'parallelism' };
    case 'CronJob': return { replicas: BigInt(int(spec.jobTemplate?.spec?.parallelism, 1)), from: 'parallelism' };
    default: {
      const n = int(spec.replicas, 1);
      let surge = 0;
      if (o.includeSurge && w.kind === 'Deployment' && (spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
        surge = surgeOf(spec.strategy?.rollingUpdate?.maxSurge ?? '25%', n);
      }
      return { replicas: BigInt(n + surge), from: surge ? `replicas + ${surge} surge` : 'replicas' };
    }
  }
}

/** maxSurge: an int, or a percentage of replicas rounded up (as the Deployment controller does). */
function surgeOf(v: unknown, replicas: number): number {
  if (typeof v === 'number') return Math.max(0, Math.floor(v));
  if (typeof v === 'string' && /^\d+%$/.test(v)) return Math.ceil((replicas * Number(v.slice(0, -1))) / 100);
  return 0;
}
