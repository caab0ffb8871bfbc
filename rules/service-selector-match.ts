import { defineRule } from '../src/engine/rule.js';
import { selectingServices } from './_lib/services.js';

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'service-selector-match',
    description: "A Service's selector selects at least one workload's pod template in the same namespace",
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
  },
  check(ctx) {
    for (const { svc, selector } of selectingServices(ctx.index.ofKind('Service'))) {
      if (ctx.index.selectPods(svc.namespace, selector).length > 0) continue;
      const labels = Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`).join(', ');
      // Kubernetes only selects pods in the Service's own namespace; say so when the pods live elsewhere.
      const elsewhere = [...ctx.settings.knownNamespaces].sort()
        .filter((ns) => ns !== svc.namespace)
        .flatMap((ns) => ctx.index.selectPods(ns, selector).map((p) => `${p.workload.kind} ${p.workload.name} in namespace ${ns}`));
      const hint = elsewhere.length ? `; ${elsewhere.join(', ')} matches, but a Service only selects pods in its own namespace` : '';
      ctx.report({
        resource: svc,
        path: ['spec', 'selector'],
        message: `Service ${svc.name} selects no pod: no workload in namespace ${svc.namespace} has pod labels ${labels}${hint}`,
      });
    }
  },
});
