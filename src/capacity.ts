/**
 * The cluster-capacity picture behind the cluster-capacity rule, per
 * workload and in total, as data (`k8s-todo-lint capacity` prints it with
 * capacity-report.ts; the API returns it).
 */
import { ResourceIndex } from './engine/resource-index.js';
import { allocatable, resolveCapacityOptions, workloadUsages, type CapacityOptions, type Dimension } from './k8s/capacity.js';
import { formatCpu, formatMemory, addQuantities, ratio, ZERO, type Quantity } from './k8s/quantity.js';
import { loadInput, type LintOptions } from './lint.js';

export interface CapacityRow {
  kind: string;
  namespace?: string;
  name: string;
  replicas: number;
  replicasFrom: string;
  requests: Record<Dimension, string>;
  limits: Record<Dimension, string>;
}

export interface CapacityData {
  allocatable: Record<Dimension, string>;
  maxUtilization: number;
  workloads: CapacityRow[];
  total: { requests: Record<Dimension, string>; limits: Record<Dimension, string> };
  percent: { requests: Record<Dimension, number>; limits: Record<Dimension, number> };
}

export async function capacityData(options: LintOptions): Promise<CapacityData> {
  const input = await loadInput(options);
  const setting = input.ruleSettings.get('cluster-capacity');
  const raw = (setting?.options ?? {}) as Partial<CapacityOptions>;
  const o = resolveCapacityOptions(raw);
  const resources = [...input.resources, ...input.renders.filter((r) => r.valuesFile === undefined).flatMap((r) => r.resources)];
  const usages = workloadUsages(new ResourceIndex(resources), o);
  const alloc = allocatable(o);
  const fmt = (d: Dimension, q: Quantity) => (d === 'cpu' ? formatCpu(q) : formatMemory(q));
  const sum = (k: 'requests' | 'limits', d: Dimension) => usages.reduce((a, u) => addQuantities(a, u.total[k][d]), ZERO);
  const pct = (q: Quantity, d: Dimension) => Math.round(ratio(q, alloc[d]) * 1000) / 10;
  return {
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
