import { defineRule } from '../src/engine/rule.js';
import { containersOf, LONG_RUNNING_KINDS } from '../src/k8s/workloads.js';

type Probe = 'liveness' | 'readiness' | 'startup';
interface Options { probes: Probe[] }

export const rule = defineRule<Options>({
  meta: {
    id: 'probes-present',
    description: 'Every container of a long-running workload has liveness and readiness probes',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: { probes: { type: 'array', items: { enum: ['liveness', 'readiness', 'startup'] }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { probes: ['liveness', 'readiness'] },
    perResource: true,
  },
  check(ctx) {
    const fields = ctx.options.probes.map((probe) => `${probe}Probe`);
    for (const r of ctx.resources) {
      if (!LONG_RUNNING_KINDS.has(r.kind)) continue;
      for (const c of containersOf(r, { init: false })) {
        for (const field of fields) {
          if (c.container[field] === undefined || c.container[field] === null) {
            ctx.report({ resource: r, path: c.path, message: `container "${c.container.name ?? '?'}" of ${r.kind} ${r.name} has no ${field}` });
          }
        }
      }
    }
  },
});
