import { defineRule } from '../src/engine/rule.js';
import { isObject } from '../src/k8s/object.js';
import { containersOf } from '../src/k8s/workloads.js';
import { containerOf } from './_lib/container-name.js';

interface Options { resources: string[] }

export const rule = defineRule<Options>({
  meta: {
    id: 'resources-present',
    description: 'Every container and init container sets requests and limits for cpu and memory',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: { resources: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { resources: ['cpu', 'memory'] },
    perResource: true,
  },
  check(ctx) {
    for (const r of ctx.index.workloads) {
      for (const c of containersOf(r, { init: true })) {
        const res = c.container.resources;
        let who: string | undefined; // worded once per container, and only for one with a finding
        for (const kind of ['requests', 'limits'] as const) {
          const set = isObject(res) ? res[kind] : undefined;
          for (const name of ctx.options.resources) {
            const v = isObject(set) ? set[name] : undefined;
            if (v === undefined || v === null || v === '') {
              // Points at the deepest of resources.<kind> / resources / the container that exists.
              ctx.report({ resource: r, path: [...c.path, 'resources', kind], message: `${(who ??= containerOf(c, r))} has no ${name} ${kind === 'requests' ? 'request' : 'limit'}` });
            }
          }
        }
      }
    }
  },
});
