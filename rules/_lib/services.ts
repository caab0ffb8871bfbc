/** Services and the pods they select, shared by the Service rules. */
import type { Resource } from '../../src/engine/resource.js';
import { isObject } from '../../src/k8s/object.js';

export interface SelectingService {
  svc: Resource;
  selector: Record<string, unknown>;
}

/** Services whose selector picks the pods: core v1, not ExternalName, with a non-empty selector. */
export function selectingServices(services: readonly Resource[]): SelectingService[] {
  const out: SelectingService[] = [];
  for (const svc of services) {
    if (svc.apiVersion !== 'v1') continue;
    const spec = svc.object.spec;
    if (!isObject(spec) || spec.type === 'ExternalName') continue;
    // No selector means manually managed Endpoints: nothing to match.
    if (!isObject(spec.selector) || Object.keys(spec.selector).length === 0) continue;
    out.push({ svc, selector: spec.selector });
  }
  return out;
}
