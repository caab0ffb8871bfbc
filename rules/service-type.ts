/**
 * service-type: the Service types a design allows per Service (seed 004:
 * NodePort for Minikube access; seeds 001 and 003: the browser-facing Services
 * NodePort, the internal ones ClusterIP), and the one thing true of every local
 * cluster: a LoadBalancer Service gets no external IP there unless
 * `minikube tunnel` runs. Without `allowed` only that warning is made, so the
 * rule can be on by default without a design's map.
 */
import { defineRule } from '../src/engine/rule.js';
import { isObject } from '../src/k8s/object.js';
import { keyedEntry, keyedMapSchema } from './_lib/keyed-options.js';

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;

interface Options {
  /** Service name (glob) or `label=value` of the Service's selector -> the types it may have. */
  allowed: Record<string, string[]>;
  /** The cluster is a local one (Minikube, kind, Docker Desktop): warn about LoadBalancer. */
  localCluster: boolean;
}

/** A Service's selector as labels, for `label=value` keys: the component the Service selects. */
function selectorOf(spec: unknown): Record<string, string> {
  if (!isObject(spec) || !isObject(spec.selector)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(spec.selector)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

export const rule = defineRule<Options>({
  meta: {
    id: 'service-type',
    description: 'Service types are the ones the design allows per Service; LoadBalancer on a local cluster is a warning',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: {
        allowed: keyedMapSchema({ type: 'array', items: { enum: [...TYPES] }, uniqueItems: true, minItems: 1 }),
        localCluster: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowed: {}, localCluster: true },
    perResource: true,
  },
  check(ctx) {
    const { allowed, localCluster } = ctx.options;
    for (const svc of ctx.index.ofKind('Service')) {
      if (svc.apiVersion !== 'v1') continue;
      const spec = svc.object.spec;
      const written = isObject(spec) ? spec.type : undefined;
      const absent = written === undefined || written === null;
      // The API server defaults an absent type to ClusterIP.
      const type = absent ? 'ClusterIP' : String(written);
      const entry = keyedEntry(allowed, svc.name, selectorOf(spec));
      if (entry && !entry.value.includes(type)) {
        const what = absent ? 'sets no type (so ClusterIP)' : `is of type ${type}`;
        ctx.report({
          resource: svc,
          // An absent type is reported at spec, the object that lacks it.
          path: ['spec', 'type'],
          message: `Service ${svc.name} ${what}; allowed for it (key "${entry.key}"): ${entry.value.join(', ')}`,
        });
      } else if (type === 'LoadBalancer' && localCluster) {
        ctx.report({
          resource: svc,
          path: ['spec', 'type'],
          severity: 'warning',
          message: `Service ${svc.name} is of type LoadBalancer: on a local cluster its EXTERNAL-IP stays <pending> unless \`minikube tunnel\` runs; use NodePort (with \`minikube service ${svc.name}\`), or set localCluster: false for a cloud cluster`,
        });
      }
    }
  },
});
