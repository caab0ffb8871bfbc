import { defineRule } from '../src/engine/rule.js';
import { addQuantities, compareQuantities, formatCpu, formatMemory, ratio, ZERO, type Quantity } from '../src/k8s/quantity.js';
import { allocatable, DEFAULT_CAPACITY, resolveCapacityOptions, workloadUsages, type CapacityOptions, type Dimension, type WorkloadUsage } from '../src/k8s/capacity.js';
import { containerReads } from './_lib/reads.js';

const quantity = { anyOf: [{ type: 'string' }, { type: 'number' }] };

export const rule = defineRule<CapacityOptions>({
  meta: {
    id: 'cluster-capacity',
    description: 'Total replicas x limits stay within maxUtilization of allocatable cluster capacity, and requests fit',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: {
        cpu: quantity,
        memory: quantity,
        reserved: { type: 'object', properties: { cpu: quantity, memory: quantity }, additionalProperties: false },
        maxUtilization: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        nodes: { type: 'integer', minimum: 1 },
        includeSurge: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: DEFAULT_CAPACITY,
    reads: [...containerReads('resources'), ['spec', 'replicas'], ['spec', 'parallelism'], ['spec', 'jobTemplate', 'spec', 'parallelism'], ['spec', 'strategy'], ['spec', 'scaleTargetRef'], ['spec', 'maxReplicas']],
  },
  check(ctx) {
    const o = resolveCapacityOptions(ctx.options);
    // One pass over the workloads: totals and the largest contributors are folded as each
    // workload's usage is worked out, so no usage per workload is kept (a large input has many).
    const sums = { cpu: new Sums('cpu'), memory: new Sums('memory') };
    let workloads = 0;
    for (const u of workloadUsages(ctx.index, o)) {
      workloads++;
      sums.cpu.add(u);
      sums.memory.add(u);
    }
    if (workloads === 0) return;
    const alloc = allocatable(o);
    const fmt = (d: Dimension, q: Quantity) => (d === 'cpu' ? formatCpu(q) : formatMemory(q));
    // maxUtilization as an exact fraction (to 1e-6) so the comparison stays exact.
    const barNum = BigInt(Math.round(o.maxUtilization * 1_000_000));
    for (const dim of ['cpu', 'memory'] as const) {
      const { limits, requests, uncounted } = sums[dim];
      const bar: Quantity = { num: alloc[dim].num * barNum, den: alloc[dim].den * 1_000_000n, text: '' };
      const top = sums[dim].largest('limits');
      const note = uncounted ? `; ${uncounted} container${uncounted === 1 ? '' : 's'} without a ${dim} limit not counted` : '';
      if (compareQuantities(limits, bar) > 0 && top) {
        const pct = (ratio(limits, alloc[dim]) * 100).toFixed(1);
        ctx.report({
          resource: top.workload,
          path: top.largestPath('limits', dim),
          message: `total ${dim} limits ${fmt(dim, limits)} are ${pct}% of allocatable ${fmt(dim, alloc[dim])}, above the ${Math.round(o.maxUtilization * 1000) / 10}% bar (${fmt(dim, bar)}); largest contributor: ${top.workload.kind} ${top.workload.name}, ${top.replicas} x ${fmt(dim, top.perPod.limits[dim])} = ${fmt(dim, top.total.limits[dim])} (${top.replicasFrom})${note}`,
        });
      }
      const topReq = sums[dim].largest('requests');
      if (compareQuantities(requests, alloc[dim]) > 0 && topReq) {
        const pct = (ratio(requests, alloc[dim]) * 100).toFixed(1);
        ctx.report({
          resource: topReq.workload,
          path: topReq.largestPath('requests', dim),
          message: `total ${dim} requests ${fmt(dim, requests)} do not fit in allocatable ${fmt(dim, alloc[dim])} (${pct}%); largest contributor: ${topReq.workload.kind} ${topReq.workload.name}, ${topReq.replicas} x ${fmt(dim, topReq.perPod.requests[dim])} = ${fmt(dim, topReq.total.requests[dim])} (${topReq.replicasFrom})`,
        });
      }
    }
  },
});

/** One dimension's running totals over the workloads, and the first of the largest contributors (as a sort would keep it). */
class Sums {
  limits: Quantity = ZERO;
  requests: Quantity = ZERO;
  uncounted = 0;
  private top: Record<'requests' | 'limits', WorkloadUsage | undefined> = { requests: undefined, limits: undefined };

  constructor(private readonly dim: Dimension) {}

  add(u: WorkloadUsage): void {
    const dim = this.dim;
    this.limits = addQuantities(this.limits, u.total.limits[dim]);
    this.requests = addQuantities(this.requests, u.total.requests[dim]);
    this.uncounted += u.unlimited[dim];
    const { requests, limits } = this.top;
    if (!requests || compareQuantities(u.total.requests[dim], requests.total.requests[dim]) > 0) this.top.requests = u;
    if (!limits || compareQuantities(u.total.limits[dim], limits.total.limits[dim]) > 0) this.top.limits = u;
  }

  /** The largest contributor of a kind, when it contributes anything. */
  largest(kind: 'requests' | 'limits'): WorkloadUsage | undefined {
    const best = this.top[kind];
    return best && compareQuantities(best.total[kind][this.dim], ZERO) > 0 ? best : undefined;
  }
}
