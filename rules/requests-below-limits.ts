import { defineRule } from '../src/engine/rule.js';
import { compareQuantities, parseQuantity } from '../src/k8s/quantity.js';
import { isObject } from '../src/k8s/object.js';
import { containersOf } from '../src/k8s/workloads.js';

interface Options { allowEqual: boolean }

const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;

export const rule = defineRule<Options>({
  meta: {
    id: 'requests-below-limits',
    description: 'Resource requests are strictly below limits (cpu, memory, ephemeral-storage), compared exactly',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: { allowEqual: { type: 'boolean' } }, additionalProperties: false },
    defaultOptions: { allowEqual: false },
    perResource: true,
  },
  check(ctx) {
    for (const r of ctx.index.workloads) {
      for (const c of containersOf(r, { init: true })) {
        const res = c.container.resources;
        if (!isObject(res) || !isObject(res.requests) || !isObject(res.limits)) continue;
        for (const name of RESOURCES) {
          const reqRaw = res.requests[name];
          const limRaw = res.limits[name];
          if (reqRaw === undefined || limRaw === undefined || reqRaw === null || limRaw === null) continue;
          const req = parseQuantity(reqRaw);
          const lim = parseQuantity(limRaw);
          if (!req || !lim) continue; // not a quantity: k8s-schema reports it
          const cmp = compareQuantities(req, lim);
          const path = [...c.path, 'resources', 'requests', name];
          const who = `container "${c.container.name ?? '?'}"`;
          if (cmp > 0) {
            ctx.report({ resource: r, path, message: `${name} request ${String(reqRaw)} is above the limit ${String(limRaw)} of ${who}` });
          } else if (cmp === 0 && !ctx.options.allowEqual) {
            ctx.report({ resource: r, path, severity: 'warning', message: `${name} request ${String(reqRaw)} equals the limit of ${who}; keep requests below limits` });
          }
        }
      }
    }
  },
});
