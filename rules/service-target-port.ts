import { defineRule } from '../src/engine/rule.js';
import { declaredPorts, describePorts, podContainers, portRef, type DeclaredPort } from './_lib/ports.js';
import { isObject } from '../src/k8s/object.js';
import { selectingServices } from './_lib/services.js';

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'service-target-port',
    description: "A Service's targetPort resolves on the pods it selects (named ports by name and protocol)",
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
  },
  check(ctx) {
    for (const { svc, selector } of selectingServices(ctx.index.ofKind('Service'))) {
      const pods = ctx.index.selectPods(svc.namespace, selector);
      // A Service that selects nothing is service-selector-match's finding, not ours.
      if (pods.length === 0) continue;
      const declared: DeclaredPort[] = pods.flatMap((p) => podContainers(p.spec).flatMap(declaredPorts));
      const selected = pods.map((p) => `${p.workload.kind} ${p.workload.name}`).join(', ');
      const ports = svc.object.spec.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((p: unknown, i: number) => {
        if (!isObject(p)) return;
        const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
        const defaulted = p.targetPort === undefined || p.targetPort === null;
        const ref = portRef(defaulted ? p.port : p.targetPort);
        if (!ref) return; // malformed: k8s-schema's finding
        const path = ['spec', 'ports', i, defaulted ? 'port' : 'targetPort'];
        if (ref.kind === 'name') {
          // The endpoints controller looks a named port up by name and protocol in each selected pod.
          if (declared.some((d) => d.name === ref.name && d.protocol === protocol)) return;
          const sameName = declared.find((d) => d.name === ref.name);
          const why = sameName ? `; "${ref.name}" is ${sameName.protocol}` : '';
          const numeric = ref.numeric ? '; a quoted number is read as a port name, write it unquoted' : '';
          ctx.report({
            resource: svc,
            path,
            message: `targetPort "${ref.name}" of Service ${svc.name} names no ${protocol} container port of the pods it selects (${selected}: ${describePorts(declared)})${why}${numeric}`,
          });
        } else {
          if (declared.some((d) => d.containerPort === ref.port)) return;
          const what = defaulted ? `port ${ref.port} (the targetPort when none is given)` : `targetPort ${ref.port}`;
          ctx.report({
            resource: svc,
            path,
            severity: 'warning',
            message: `${what} of Service ${svc.name} is not a declared containerPort of the pods it selects (${selected}: ${describePorts(declared)})`,
          });
        }
      });
    }
  },
});
