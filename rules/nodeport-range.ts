import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';

interface Options { min: number; max: number }

export const rule = defineRule<Options>({
  meta: {
    id: 'nodeport-range',
    description: 'Service nodePorts lie in the NodePort range, only on NodePort/LoadBalancer Services, and are unique',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 1, maximum: 65535 }, max: { type: 'integer', minimum: 1, maximum: 65535 } },
      additionalProperties: false,
    },
    defaultOptions: { min: 30000, max: 32767 },
    reads: [['spec', 'type'], ['spec', 'ports']],
  },
  check(ctx) {
    const { min, max } = ctx.options;
    // nodePorts are cluster-wide: the API server rejects a second Service claiming one.
    const claimed = new Map<number, { svc: Resource; index: number }>();
    for (const svc of ctx.index.ofKind('Service')) {
      if (svc.apiVersion !== 'v1') continue;
      const spec = svc.object.spec;
      const ports = spec?.ports;
      if (!Array.isArray(ports)) continue;
      const type = spec?.type ?? 'ClusterIP';
      ports.forEach((p: any, i: number) => {
        if (!p || p.nodePort === undefined || p.nodePort === null) return;
        const path = ['spec', 'ports', i, 'nodePort'];
        const np = p.nodePort;
        if (type !== 'NodePort' && type !== 'LoadBalancer') {
          ctx.report({ resource: svc, path, message: `nodePort ${np} is set on a Service of type ${type}; only NodePort and LoadBalancer Services take a nodePort` });
          return;
        }
        if (typeof np !== 'number' || !Number.isInteger(np)) {
          ctx.report({ resource: svc, path, message: `nodePort ${JSON.stringify(np)} is not an integer` });
          return;
        }
        if (np < min || np > max) {
          ctx.report({ resource: svc, path, message: `nodePort ${np} is outside ${min}-${max}` });
          return;
        }
        const prev = claimed.get(np);
        if (prev) {
          const loc = prev.svc.doc.locate([...prev.svc.basePath, 'spec', 'ports', prev.index, 'nodePort']).location;
          ctx.report({
            resource: svc,
            path,
            message: `nodePort ${np} is already used by Service ${prev.svc.name}`,
            related: [{ file: loc.file, line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn, message: `first claimed by Service ${prev.svc.name}` }],
          });
        } else {
          claimed.set(np, { svc, index: i });
        }
      });
    }
  },
});
