import { defineRule } from '../src/engine/rule.js';
import { isObject } from '../src/k8s/object.js';
import { containersOf } from '../src/k8s/workloads.js';
import { containerOf } from './_lib/container-name.js';
import { declaredPorts, describePorts, portRef } from './_lib/ports.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'probe-port',
    description: "Probe ports name or number a port the container declares",
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    perResource: true,
  },
  check(ctx) {
    for (const r of ctx.index.workloads) {
      // Init containers only probe as sidecars (restartPolicy Always), and then the same rules apply.
      for (const c of containersOf(r, { init: true })) {
        const ports = declaredPorts(c.container);
        for (const probe of PROBES) {
          const p = c.container[probe];
          if (!isObject(p)) continue;
          for (const handler of HANDLERS) {
            const h = p[handler];
            if (!isObject(h)) continue;
            const ref = portRef(h.port);
            if (!ref) continue;
            const path = [...c.path, probe, handler, 'port'];
            if (ref.kind === 'name') {
              // The kubelet resolves a named probe port in the probed container only.
              if (ports.some((d) => d.name === ref.name)) continue;
              ctx.report({ resource: r, path, message: `${probe} ${handler} port "${ref.name}" of ${containerOf(c, r)} names no port of the container (${describePorts(ports)})` });
            } else if (!ports.some((d) => d.containerPort === ref.port)) {
              ctx.report({ resource: r, path, severity: 'warning', message: `${probe} ${handler} port ${ref.port} of ${containerOf(c, r)} is not a declared containerPort (${describePorts(ports)})` });
            }
          }
        }
      }
    }
  },
});
