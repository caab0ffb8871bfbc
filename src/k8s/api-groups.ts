/**
 * API groups: the group of an apiVersion, and the groups that serve the same
 * stored objects.
 */

/** The API group of an apiVersion: '' for the core group ("v1"). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** The version of an apiVersion: `v1` for both "apps/v1" and "v1". */
export function versionOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
}

/**
 * API groups that serve the same objects. A Deployment created through
 * extensions/v1beta1 is the same stored object as apps/v1's (the API server
 * kept both groups for a while), so duplicates are found across them.
 */
const SAME_OBJECT_GROUPS: Record<string, Record<string, string>> = {
  Deployment: { extensions: 'apps' },
  DaemonSet: { extensions: 'apps' },
  ReplicaSet: { extensions: 'apps' },
  Ingress: { extensions: 'networking.k8s.io' },
  NetworkPolicy: { extensions: 'networking.k8s.io' },
  PodSecurityPolicy: { extensions: 'policy' },
  Event: { 'events.k8s.io': '' },
};

/** The group under which a kind's objects are stored, folding aliases together. */
export function canonicalGroup(kind: string, group: string): string {
  return SAME_OBJECT_GROUPS[kind]?.[group] ?? group;
}
