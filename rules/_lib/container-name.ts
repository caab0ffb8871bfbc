/** How findings name a container: `container "app" of Deployment web` (`init container` for one). */
import type { Resource } from '../../src/engine/resource.js';
import type { ContainerRef } from '../../src/k8s/workloads.js';

/** `container "app"` (`init container "migrate"`): worded when a rule reports, not for every container it looks at. */
export function containerLabel(c: ContainerRef): string {
  return `${c.init ? 'init container' : 'container'} "${c.container.name ?? '?'}"`;
}

/** `container "app" of Deployment web`. */
export function containerOf(c: ContainerRef, r: Resource): string {
  return `${containerLabel(c)} of ${r.kind} ${r.name}`;
}
