import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import type { ResourcePath } from '../src/types.js';
import { isObject } from '../src/k8s/object.js';
import { containersOf } from '../src/k8s/workloads.js';
import { findUrls, serviceTarget, type UrlRef } from './_lib/service-url.js';
import { containerReads } from './_lib/reads.js';

/** A string value that may hold URLs, and where it is. */
interface UrlSource {
  resource: Resource;
  path: ResourcePath;
  where: string;
  value: string;
}

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
    for (const src of sources(ctx.resources, ctx.index.workloads)) {
      const from = src.resource.namespace ?? ctx.settings.defaultNamespace;
      for (const url of findUrls(src.value)) {
        const target = serviceTarget(url.host, from, ctx.settings.knownNamespaces);
        if (!target) continue;
        const problem = checkTarget(ctx.index.find('Service', target.namespace, target.service), url, target.namespace, target.service);
        if (problem) ctx.report({ resource: src.resource, path: src.path, message: `${url.display} in ${src.where} ${problem}` });
      }
    }
  },
});

function sources(resources: readonly Resource[], workloads: readonly Resource[]): UrlSource[] {
  const out: UrlSource[] = [];
  for (const r of resources) {
    if (r.kind !== 'ConfigMap' || r.apiVersion !== 'v1' || !isObject(r.object.data)) continue;
    for (const [key, value] of Object.entries(r.object.data)) {
      // Most values hold no URL: only those that may are worded as sources.
      if (typeof value === 'string' && value.includes('://')) out.push({ resource: r, path: ['data', key], where: `ConfigMap ${r.name} key ${key}`, value });
    }
  }
  for (const w of workloads) {
    for (const c of containersOf(w, { init: true })) {
      const env = c.container.env;
      if (!Array.isArray(env)) continue;
      env.forEach((e: unknown, i: number) => {
        if (isObject(e) && typeof e.value === 'string' && e.value.includes('://')) {
          out.push({ resource: w, path: [...c.path, 'env', i, 'value'], where: `env ${String(e.name)} of container "${c.container.name ?? '?'}" of ${w.kind} ${w.name}`, value: e.value });
        }
      });
    }
  }
  return out;
}

/** What is wrong with a URL's Service, or undefined when the Service exposes the port. */
function checkTarget(services: readonly Resource[], url: UrlRef, namespace: string, name: string): string | undefined {
  const portText = url.portExplicit ? `port ${url.port}` : `port ${url.port} (the ${url.scheme} default)`;
  if (services.length === 0) return `names Service ${name}, which is not defined in namespace ${namespace}`;
  const exposed = new Set<number>();
  for (const svc of services) {
    const spec = svc.object.spec;
    // ExternalName Services are a DNS alias: the port is the remote host's business.
    if (!isObject(spec) || spec.type === 'ExternalName') return undefined;
    const headless = spec.clusterIP === 'None';
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
      if (!isObject(p)) continue;
      if (typeof p.port === 'number') exposed.add(p.port);
      // A headless Service's name resolves to pod IPs, so the target port is what answers.
      if (headless && typeof p.targetPort === 'number') exposed.add(p.targetPort);
    }
  }
  if (exposed.has(url.port)) return undefined;
  const list = exposed.size ? [...exposed].sort((a, b) => a - b).join(', ') : 'no port';
  return `uses ${portText}, but Service ${name} exposes ${list}`;
}
