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
  // Inputs hold thousands of resources of a few kinds: each group and kind is judged once.
  const custom = new Map<string, Map<string, boolean>>();
  for (const r of resources) {
    if (r.namespace === undefined) continue;
    let kinds = custom.get(r.group);
    if (!kinds) custom.set(r.group, (kinds = new Map()));
    let verdict = kinds.get(r.kind);
    if (verdict === undefined) kinds.set(r.kind, (verdict = isCustomResource(r, crds)));
    if (!verdict) continue;
    const list = out.get(r.namespace);
    if (list) list.push(r);
    else out.set(r.namespace, [r]);
  }
  return out;
}
