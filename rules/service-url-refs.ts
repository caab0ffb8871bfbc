import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import type { ResourcePath } from '../src/types.js';
import { isObject } from '../src/k8s/object.js';
import { containersOf, type ContainerRef } from '../src/k8s/workloads.js';
import { findUrls, serviceTarget, type UrlRef } from './_lib/service-url.js';
import { containerReads } from './_lib/reads.js';

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'service-url-refs',
    description: 'In-cluster Service URLs in ConfigMaps and env values name a Service that exposes that port',
    defaultSeverity: 'warning',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    reads: [['data'], ...containerReads('env', 'name'), ['spec', 'type'], ['spec', 'clusterIP'], ['spec', 'ports']],
  },
  check(ctx) {
    // Values are checked where they are found: where a value sits and how a message names it are
    // worded only for a report (most URLs name a Service that exposes the port).
    const checkValue = (resource: Resource, value: string, at: ValueAt) => {
      const from = resource.namespace ?? ctx.settings.defaultNamespace;
      for (const url of findUrls(value)) {
        const target = serviceTarget(url.host, from, ctx.settings.knownNamespaces);
        if (!target) continue;
        const problem = checkTarget(ctx.index.find('Service', target.namespace, target.service), url, target.namespace, target.service);
        if (problem) ctx.report({ resource, path: pathOf(at), message: `${url.display} in ${whereOf(resource, at)} ${problem}` });
      }
    };
    for (const r of ctx.resources) {
      if (r.kind !== 'ConfigMap' || r.apiVersion !== 'v1' || !isObject(r.object.data)) continue;
      const data = r.object.data;
      for (const key of Object.keys(data)) {
        const value = data[key];
        // Most values hold no URL.
        if (typeof value === 'string' && value.includes('://')) checkValue(r, value, { key });
      }
    }
    for (const w of ctx.index.workloads) {
      for (const c of containersOf(w, { init: true })) {
        const env = c.container.env;
        if (!Array.isArray(env)) continue;
        for (let i = 0; i < env.length; i++) {
          const e: unknown = env[i];
          if (isObject(e) && typeof e.value === 'string' && e.value.includes('://')) checkValue(w, e.value, { container: c, env: i });
        }
      }
    }
  },
});

/** Where a value sits: a ConfigMap's data key, or a container's env entry. */
type ValueAt = { key: string } | { container: ContainerRef; env: number };

function pathOf(at: ValueAt): ResourcePath {
  return 'key' in at ? ['data', at.key] : [...at.container.path, 'env', at.env, 'value'];
}

function whereOf(r: Resource, at: ValueAt): string {
  if ('key' in at) return `ConfigMap ${r.name} key ${at.key}`;
  const c = at.container.container;
  return `env ${String(c.env[at.env].name)} of container "${c.name ?? '?'}" of ${r.kind} ${r.name}`;
}

/** What is wrong with a URL's Service, or undefined when the Service exposes the port. */
function checkTarget(services: readonly Resource[], url: UrlRef, namespace: string, name: string): string | undefined {
  if (services.length === 0) return `names Service ${name}, which is not defined in namespace ${namespace}`;
  // First whether a Service exposes the port (the common case); the ports are listed only for a report.
  for (const svc of services) {
    const spec = svc.object.spec;
    // ExternalName Services are a DNS alias: the port is the remote host's business.
    if (!isObject(spec) || spec.type === 'ExternalName') return undefined;
    if (exposes(spec, url.port)) return undefined;
  }
  const exposed = new Set<number>();
  for (const svc of services) addExposed(svc.object.spec, exposed);
  const portText = url.portExplicit ? `port ${url.port}` : `port ${url.port} (the ${url.scheme} default)`;
  const list = exposed.size ? [...exposed].sort((a, b) => a - b).join(', ') : 'no port';
  return `uses ${portText}, but Service ${name} exposes ${list}`;
}

/** A Service answers on its ports; a headless one (its name resolves to pod IPs) also on the target ports. */
function exposes(spec: Record<string, any>, port: number): boolean {
  if (!Array.isArray(spec.ports)) return false;
  const headless = spec.clusterIP === 'None';
  for (const p of spec.ports) {
    if (!isObject(p)) continue;
    if (typeof p.port === 'number' && p.port === port) return true;
    if (headless && typeof p.targetPort === 'number' && p.targetPort === port) return true;
  }
  return false;
}

/** The ports exposes() answers true for, added to a set (for a message). */
function addExposed(spec: Record<string, any>, into: Set<number>): void {
  if (!Array.isArray(spec.ports)) return;
  const headless = spec.clusterIP === 'None';
  for (const p of spec.ports) {
    if (!isObject(p)) continue;
    if (typeof p.port === 'number') into.add(p.port);
    if (headless && typeof p.targetPort === 'number') into.add(p.targetPort);
  }
}
