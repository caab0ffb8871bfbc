import { defineRule } from '../src/engine/rule.js';

interface Options { min: number; max: number }

/** Kinds whose spec.replicas sets the pod count (DaemonSets, Jobs and Pods have none). */
const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export const rule = defineRule<Options>({
  meta: {
    id: 'replicas-range',
    description: 'Workload replicas lie within the configured range',
    defaultSeverity: 'warning',
    optionsSchema: {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
      additionalProperties: false,
    },
    defaultOptions: { min: 1, max: 10 },
    perResource: true,
  },
  check(ctx) {
    const { min, max } = ctx.options;
    for (const r of ctx.resources) {
      if (!SCALABLE.has(r.kind)) continue;
      const raw = r.object.spec?.replicas;
      // Not an integer: k8s-schema reports the type; nothing to compare.
      if (raw !== undefined && raw !== null && !(typeof raw === 'number' && Number.isInteger(raw))) continue;
      const explicit = typeof raw === 'number';
      const n = explicit ? raw : 1;
      const path = explicit ? ['spec', 'replicas'] : ['spec'];
      const what = explicit ? `${n} replica${n === 1 ? '' : 's'}` : '1 replica (replicas is unset)';
      if (n < min) ctx.report({ resource: r, path, message: `${r.kind} ${r.name} has ${what}, below the minimum ${min}` });
      else if (n > max) ctx.report({ resource: r, path, message: `${r.kind} ${r.name} has ${what}, above the maximum ${max}` });
    }
  },
});
