import { defineRule } from '../src/engine/rule.js';
import { containersOf } from '../src/k8s/workloads.js';
import { containerOf } from './_lib/container-name.js';
import { showValue } from './_lib/show-value.js';

interface Options { allowed: string[] }

export const rule = defineRule<Options>({
  meta: {
    id: 'image-pull-policy',
    description: 'imagePullPolicy is set and allowed (IfNotPresent or Never for local images on Minikube)',
    defaultSeverity: 'warning',
    optionsSchema: {
      type: 'object',
      properties: { allowed: { type: 'array', items: { enum: ['Always', 'IfNotPresent', 'Never'] }, uniqueItems: true, minItems: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { allowed: ['IfNotPresent', 'Never'] },
    perResource: true,
  },
  check(ctx) {
    const allowed = ctx.options.allowed;
    const list = allowed.join(', ');
    // The first allowed policy is the fix an editor offers (IfNotPresent by default: local images on Minikube).
    const fixOf = (path: readonly (string | number)[]) => ({ title: `Set imagePullPolicy to ${allowed[0]}`, path: [...path, 'imagePullPolicy'], value: allowed[0] });
    for (const r of ctx.index.workloads) {
      for (const c of containersOf(r, { init: true })) {
        const policy = c.container.imagePullPolicy;
        if (policy !== undefined && policy !== null && allowed.includes(String(policy))) continue;
        // Worded only for a report: most containers set an allowed policy.
        const who = containerOf(c, r);
        if (policy === undefined || policy === null) {
          // Say what Kubernetes would pick: Always for :latest or untagged images, else IfNotPresent.
          const image = typeof c.container.image === 'string' ? c.container.image : '';
          const last = image.split('@')[0].split('/').pop() ?? '';
          const tag = last.includes(':') ? last.slice(last.lastIndexOf(':') + 1) : '';
          const dflt = image.includes('@') ? 'IfNotPresent' : tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
          ctx.report({ resource: r, path: c.path, message: `${who} sets no imagePullPolicy (Kubernetes defaults it to ${dflt} here); set one of ${list}`, fix: fixOf(c.path) });
        } else {
          ctx.report({ resource: r, path: [...c.path, 'imagePullPolicy'], message: `imagePullPolicy ${showValue(policy)} of ${who} is not one of ${list}`, fix: fixOf(c.path) });
        }
      }
    }
  },
});
