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
import { containersOf, type ContainerRef } from './workloads.js';

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
  /** Path of the container value that contributes most to a dimension's limits or requests ([] when none does). */
  largestPath(kind: 'requests' | 'limits', dim: Dimension): ResourcePath;
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

const KINDS = ['requests', 'limits'] as const;
const DIMENSIONS = ['cpu', 'memory'] as const;
const CONTAINERS_AND_INIT = { init: true };

/**
 * Each workload's usage, one at a time, in input order: the rule folds them into totals and
 * keeps only the largest contributors, so a large input never holds one usage per workload.
 */
export function* workloadUsages(index: ResourceIndex, o: CapacityOptions): Generator<WorkloadUsage> {
  const hpaMax = new Map<string, number>();
  for (const hpa of index.ofKind('HorizontalPodAutoscaler')) {
    const ref = hpa.object.spec?.scaleTargetRef;
    const max = hpa.object.spec?.maxReplicas;
    if (isObject(ref) && typeof max === 'number') hpaMax.set(`${hpa.namespace}/${ref.kind}/${ref.name}`, max);
  }
  // Per kind and dimension (slot = kind * 2 + dim): the sum of app containers, the largest init
  // container, the largest single value and its container. Reused from one workload to the next:
  // only what a usage keeps is allocated per workload.
  const sum: Quantity[] = [ZERO, ZERO, ZERO, ZERO];
  const initMax: Quantity[] = [ZERO, ZERO, ZERO, ZERO];
  const largest: Quantity[] = [ZERO, ZERO, ZERO, ZERO];
  for (const w of index.workloads) {
    const { replicas, from } = replicasOf(w, hpaMax, o);
    const unlimited = { cpu: 0, memory: 0 };
    sum.fill(ZERO);
    initMax.fill(ZERO);
    largest.fill(ZERO);
    const largestAt: Array<ContainerRef | undefined> = [undefined, undefined, undefined, undefined];
    // One pass over the containers (in order, as each kind and dimension saw them one pass each).
    for (const c of containersOf(w, CONTAINERS_AND_INIT)) {
      const resources = c.container.resources;
      for (let k = 0; k < 2; k++) {
        const kind = KINDS[k];
        const values = resources?.[kind];
        for (let d = 0; d < 2; d++) {
          const dim = DIMENSIONS[d];
          const slot = k * 2 + d;
          const raw = values?.[dim];
          const q = raw === undefined || raw === null ? undefined : parseQuantity(raw);
          if (!q) {
            if (kind === 'limits' && !c.init) unlimited[dim]++;
            continue;
          }
          if (c.init) initMax[slot] = maxQuantity(initMax[slot], q);
          // The first container's value is the sum so far (quantities are kept normalised).
          else sum[slot] = sum[slot] === ZERO ? q : addQuantities(sum[slot], q);
          if (compareQuantities(q, largest[slot]) > 0) {
            largest[slot] = q;
            largestAt[slot] = c;
          }
        }
      }
    }
    const perPod = {
      requests: { cpu: maxQuantity(sum[0], initMax[0]), memory: maxQuantity(sum[1], initMax[1]) },
      limits: { cpu: maxQuantity(sum[2], initMax[2]), memory: maxQuantity(sum[3], initMax[3]) },
    };
    yield new Usage(w, replicas, from, perPod, unlimited, largestAt);
  }
}

/** One workload's usage; the paths of its largest values are written out only when asked (for a report). */
class Usage implements WorkloadUsage {
  readonly total: WorkloadUsage['total'];

  constructor(
    readonly workload: Resource,
    readonly replicas: bigint,
    readonly replicasFrom: string,
    readonly perPod: WorkloadUsage['perPod'],
    readonly unlimited: Record<Dimension, number>,
    private readonly largestAt: ReadonlyArray<ContainerRef | undefined>,
  ) {
    this.total = {
      requests: { cpu: times(perPod.requests.cpu, replicas), memory: times(perPod.requests.memory, replicas) },
      limits: { cpu: times(perPod.limits.cpu, replicas), memory: times(perPod.limits.memory, replicas) },
    };
  }

  largestPath(kind: 'requests' | 'limits', dim: Dimension): ResourcePath {
    const c = this.largestAt[(kind === 'limits' ? 2 : 0) + (dim === 'memory' ? 1 : 0)];
    return c ? [...c.path, 'resources', kind, dim] : [];
  }
}

/** Replicas x a per-pod quantity: one replica is the quantity itself. */
function times(q: Quantity, replicas: bigint): Quantity {
  return replicas === 1n ? q : multiplyQuantity(q, replicas);
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
