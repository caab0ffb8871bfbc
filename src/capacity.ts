/**
 * The cluster-capacity picture behind the cluster-capacity rule, per
 * workload and in total, as data (`k8s-todo-lint capacity` prints it with
 * capacity-report.ts; the API returns it). Like the rule, it is worked out per
 * deployment unit (as lint.ts forms them: each chart release, the raw
 * manifests given together, or everything with `units: shared`), so
 * `capacity ./k8s ./charts` on the same app as manifests and as a chart shows
 * two pictures, each counted once, not one picture of both summed.
 */
import { ResourceIndex } from './engine/resource-index.js';
import { allocatable, resolveCapacityOptions, workloadUsages, type CapacityOptions, type Dimension } from './k8s/capacity.js';
import { formatCpu, formatMemory, addQuantities, ratio, ZERO, type Quantity } from './k8s/quantity.js';
import { loadInput, type LintOptions } from './lint.js';
import type { Resource } from './engine/resource.js';

export interface CapacityRow {
  kind: string;
  namespace?: string;
  name: string;
  replicas: number;
  replicasFrom: string;
  requests: Record<Dimension, string>;
  limits: Record<Dimension, string>;
}

/** One deployment unit's picture. */
export interface CapacityData {
  /** Which unit: `manifests`, `chart charts/todo`, or `all inputs (units: shared)`. */
  unit: string;
  allocatable: Record<Dimension, string>;
  maxUtilization: number;
  workloads: CapacityRow[];
  total: { requests: Record<Dimension, string>; limits: Record<Dimension, string> };
  percent: { requests: Record<Dimension, number>; limits: Record<Dimension, number> };
}

/** The capacity of each deployment unit of the input (at least one, maybe with no workload). */
export interface CapacityReport {
  units: CapacityData[];
}

export async function capacityReport(options: LintOptions): Promise<CapacityReport> {
  const input = await loadInput(options);
  const setting = input.ruleSettings.get('cluster-capacity');
  const o = resolveCapacityOptions((setting?.options ?? {}) as Partial<CapacityOptions>);
  const defaults = input.renders.filter((r) => r.valuesFile === undefined);
  const units =
    input.config.units === 'shared'
      ? [unitPicture('all inputs (units: shared)', [...input.resources, ...defaults.flatMap((r) => r.resources)], o)]
      : [
          ...(input.resources.length ? [unitPicture('manifests', input.resources, o)] : []),
          ...defaults.map((r) => unitPicture(`chart ${r.chart.replace(/\/?Chart\.yaml$/, '') || '.'}`, r.resources, o)),
        ];
  return { units: units.length ? units : [unitPicture('manifests', [], o)] };
}

function unitPicture(unit: string, resources: Resource[], o: CapacityOptions): CapacityData {
  const usages = [...workloadUsages(new ResourceIndex(resources), o)];
  const alloc = allocatable(o);
  const fmt = (d: Dimension, q: Quantity) => (d === 'cpu' ? formatCpu(q) : formatMemory(q));
  const sum = (k: 'requests' | 'limits', d: Dimension) => usages.reduce((a, u) => addQuantities(a, u.total[k][d]), ZERO);
  const pct = (q: Quantity, d: Dimension) => Math.round(ratio(q, alloc[d]) * 1000) / 10;
  return {
    unit,
    allocatable: { cpu: fmt('cpu', alloc.cpu), memory: fmt('memory', alloc.memory) },
    maxUtilization: o.maxUtilization,
    workloads: usages.map((u) => ({
      kind: u.workload.kind,
      namespace: u.workload.namespace,
      name: u.workload.name,
      replicas: Number(u.replicas),
      replicasFrom: u.replicasFrom,
      requests: { cpu: fmt('cpu', u.total.requests.cpu), memory: fmt('memory', u.total.requests.memory) },
      limits: { cpu: fmt('cpu', u.total.limits.cpu), memory: fmt('memory', u.total.limits.memory) },
    })),
    total: {
      requests: { cpu: fmt('cpu', sum('requests', 'cpu')), memory: fmt('memory', sum('requests', 'memory')) },
      limits: { cpu: fmt('cpu', sum('limits', 'cpu')), memory: fmt('memory', sum('limits', 'memory')) },
    },
    percent: {
      requests: { cpu: pct(sum('requests', 'cpu'), 'cpu'), memory: pct(sum('requests', 'memory'), 'memory') },
      limits: { cpu: pct(sum('limits', 'cpu'), 'cpu'), memory: pct(sum('limits', 'memory'), 'memory') },
    },
  };
}
