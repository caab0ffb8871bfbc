/**
 * Custom resources: objects of a kind Kubernetes itself does not serve, whose
 * meaning (often pods an operator creates) the linter cannot know. A kind is
 * custom when the input holds its CustomResourceDefinition, or when its API
 * group is none of the built-in schemas' groups.
 */
import type { Resource } from '../../src/engine/resource.js';
import type { CrdCatalog } from '../../src/schema/crd.js';
import { groupOf } from '../../src/k8s/api-groups.js';
import { schemaIndex } from '../../src/schema/schema-index.js';

let builtinGroups: ReadonlySet<string> | undefined;

/** The API groups of the built-in schemas ('' for core), read once. */
function builtins(): ReadonlySet<string> {
  return (builtinGroups ??= new Set(Object.keys(schemaIndex().apiVersions).map(groupOf)));
}

export function isCustomResource(r: Resource, crds: CrdCatalog): boolean {
  return crds.hasKind(r.group, r.kind) || !builtins().has(r.group);
}

/** The custom resources of each namespace (cluster-scoped ones are left out). */
export function customResourcesByNamespace(resources: readonly Resource[], crds: CrdCatalog): Map<string, Resource[]> {
  const out = new Map<string, Resource[]>();
  for (const r of resources) {
    if (r.namespace === undefined || !isCustomResource(r, crds)) continue;
    const list = out.get(r.namespace);
    if (list) list.push(r);
    else out.set(r.namespace, [r]);
  }
  return out;
}
