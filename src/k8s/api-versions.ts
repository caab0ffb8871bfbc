/**
 * Which built-in apiVersion/kind pairs a Kubernetes version serves: the
 * deprecations and removals of the Kubernetes deprecation guide, and when the
 * newer GA APIs arrived. The generated schemas merge every version the models
 * know, so this table is what makes `kubeVersion` matter.
 */
import { versionAtLeast, type KubeVersion } from './kube-version.js';

export interface ApiDeprecation {
  /** apiVersion, e.g. `extensions/v1beta1`. */
  apiVersion: string;
  kind: string;
  /** Minor version (as "1.N") whose release notes deprecated it. */
  deprecatedIn: string;
  /** First minor version that no longer serves it; absent while it is still served. */
  removedIn?: string;
  /** What to use instead: `apps/v1 Deployment`; absent when nothing replaces it. */
  replacement?: string;
  /** Extra advice when there is no direct replacement. */
  note?: string;
}

const ROLLBACK_NOTE = 'roll back with `kubectl rollout undo` instead';

function each(apiVersion: string, kinds: string[], rest: Omit<ApiDeprecation, 'apiVersion' | 'kind' | 'replacement'>, replace: (kind: string) => string | undefined): ApiDeprecation[] {
  return kinds.map((kind) => {
    const d: ApiDeprecation = { apiVersion, kind, ...rest };
    const r = replace(kind);
    if (r !== undefined) d.replacement = r;
    else if (kind === 'DeploymentRollback') d.note = ROLLBACK_NOTE;
    return d;
  });
}

const same = (apiVersion: string) => (kind: string) => `${apiVersion} ${kind}`;

export const API_DEPRECATIONS: readonly ApiDeprecation[] = [
  // Removed in 1.16.
  ...each('extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet', 'DeploymentRollback', 'Scale'], { deprecatedIn: '1.9', removedIn: '1.16' }, (k) => (k === 'DeploymentRollback' ? undefined : k === 'Scale' ? 'autoscaling/v1 Scale' : `apps/v1 ${k}`)),
  ...each('extensions/v1beta1', ['NetworkPolicy'], { deprecatedIn: '1.9', removedIn: '1.16' }, same('networking.k8s.io/v1')),
  ...each('extensions/v1beta1', ['PodSecurityPolicy'], { deprecatedIn: '1.11', removedIn: '1.16' }, same('policy/v1beta1')),
  ...each('apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision', 'DeploymentRollback', 'Scale'], { deprecatedIn: '1.9', removedIn: '1.16' }, (k) => (k === 'DeploymentRollback' ? undefined : k === 'Scale' ? 'autoscaling/v1 Scale' : `apps/v1 ${k}`)),
  ...each('apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision', 'Scale'], { deprecatedIn: '1.9', removedIn: '1.16' }, (k) => (k === 'Scale' ? 'autoscaling/v1 Scale' : `apps/v1 ${k}`)),
  // Removed in 1.22.
  ...each('extensions/v1beta1', ['Ingress'], { deprecatedIn: '1.14', removedIn: '1.22' }, same('networking.k8s.io/v1')),
  ...each('networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], { deprecatedIn: '1.19', removedIn: '1.22' }, same('networking.k8s.io/v1')),
  ...each('admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], { deprecatedIn: '1.16', removedIn: '1.22' }, same('admissionregistration.k8s.io/v1')),
  ...each('apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], { deprecatedIn: '1.16', removedIn: '1.22' }, same('apiextensions.k8s.io/v1')),
  ...each('apiregistration.k8s.io/v1beta1', ['APIService'], { deprecatedIn: '1.19', removedIn: '1.22' }, same('apiregistration.k8s.io/v1')),
  ...each('authentication.k8s.io/v1beta1', ['TokenReview'], { deprecatedIn: '1.19', removedIn: '1.22' }, same('authentication.k8s.io/v1')),
  ...each('authorization.k8s.io/v1beta1', ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'], { deprecatedIn: '1.19', removedIn: '1.22' }, same('authorization.k8s.io/v1')),
  ...each('certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], { deprecatedIn: '1.19', removedIn: '1.22' }, same('certificates.k8s.io/v1')),
  ...each('coordination.k8s.io/v1beta1', ['Lease'], { deprecatedIn: '1.19', removedIn: '1.22' }, same('coordination.k8s.io/v1')),
  ...each('rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], { deprecatedIn: '1.17', removedIn: '1.22' }, same('rbac.authorization.k8s.io/v1')),
  ...each('scheduling.k8s.io/v1beta1', ['PriorityClass'], { deprecatedIn: '1.14', removedIn: '1.22' }, same('scheduling.k8s.io/v1')),
  ...each('storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], { deprecatedIn: '1.19', removedIn: '1.22' }, same('storage.k8s.io/v1')),
  // Removed in 1.25.
  ...each('batch/v1beta1', ['CronJob'], { deprecatedIn: '1.21', removedIn: '1.25' }, same('batch/v1')),
  ...each('discovery.k8s.io/v1beta1', ['EndpointSlice'], { deprecatedIn: '1.21', removedIn: '1.25' }, same('discovery.k8s.io/v1')),
  ...each('events.k8s.io/v1beta1', ['Event'], { deprecatedIn: '1.19', removedIn: '1.25' }, same('events.k8s.io/v1')),
  ...each('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], { deprecatedIn: '1.23', removedIn: '1.25' }, same('autoscaling/v2')),
  ...each('policy/v1beta1', ['PodDisruptionBudget', 'Eviction'], { deprecatedIn: '1.21', removedIn: '1.25' }, same('policy/v1')),
  ...each('node.k8s.io/v1beta1', ['RuntimeClass'], { deprecatedIn: '1.20', removedIn: '1.25' }, same('node.k8s.io/v1')),
  { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', deprecatedIn: '1.21', removedIn: '1.25', note: 'use Pod Security Admission (namespace labels pod-security.kubernetes.io/*) instead' },
  // Removed in 1.26, 1.27, 1.29, 1.32.
  ...each('flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], { deprecatedIn: '1.23', removedIn: '1.26' }, same('flowcontrol.apiserver.k8s.io/v1')),
  ...each('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], { deprecatedIn: '1.23', removedIn: '1.26' }, same('autoscaling/v2')),
  ...each('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], { deprecatedIn: '1.24', removedIn: '1.27' }, same('storage.k8s.io/v1')),
  ...each('flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], { deprecatedIn: '1.26', removedIn: '1.29' }, same('flowcontrol.apiserver.k8s.io/v1')),
  ...each('flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], { deprecatedIn: '1.29', removedIn: '1.32' }, same('flowcontrol.apiserver.k8s.io/v1')),
  // Deprecated, still served.
  { apiVersion: 'v1', kind: 'ComponentStatus', deprecatedIn: '1.19', note: 'query the components\' health endpoints instead' },
  { apiVersion: 'v1', kind: 'Endpoints', deprecatedIn: '1.33', replacement: 'discovery.k8s.io/v1 EndpointSlice' },
];

/** GA APIs newer than 1.19: the first minor version that serves each. */
export const API_INTRODUCTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'networking.k8s.io/v1': { Ingress: '1.19', IngressClass: '1.19', IPAddress: '1.33', ServiceCIDR: '1.33' },
  'certificates.k8s.io/v1': { CertificateSigningRequest: '1.19' },
  'events.k8s.io/v1': { Event: '1.19' },
  'node.k8s.io/v1': { RuntimeClass: '1.20' },
  'batch/v1': { CronJob: '1.21' },
  'policy/v1': { PodDisruptionBudget: '1.21', Eviction: '1.22' },
  'discovery.k8s.io/v1': { EndpointSlice: '1.21' },
  'autoscaling/v2': { HorizontalPodAutoscaler: '1.23' },
  'storage.k8s.io/v1': { CSIStorageCapacity: '1.24', VolumeAttributesClass: '1.34' },
  'flowcontrol.apiserver.k8s.io/v1beta3': { FlowSchema: '1.26', PriorityLevelConfiguration: '1.26' },
  'flowcontrol.apiserver.k8s.io/v1': { FlowSchema: '1.29', PriorityLevelConfiguration: '1.29' },
  'authentication.k8s.io/v1': { SelfSubjectReview: '1.28' },
  'admissionregistration.k8s.io/v1': { ValidatingAdmissionPolicy: '1.30', ValidatingAdmissionPolicyBinding: '1.30', MutatingAdmissionPolicy: '1.36', MutatingAdmissionPolicyBinding: '1.36' },
  'resource.k8s.io/v1': { DeviceClass: '1.34', ResourceClaim: '1.34', ResourceClaimTemplate: '1.34', ResourceSlice: '1.34' },
};

const byGvk = new Map<string, ApiDeprecation>();
for (const d of API_DEPRECATIONS) byGvk.set(`${d.apiVersion}\0${d.kind}`, d);

export function deprecationOf(apiVersion: string, kind: string): ApiDeprecation | undefined {
  return byGvk.get(`${apiVersion}\0${kind}`);
}

/** The Kind and List-of-Kind forms share one entry: `DeploymentList` is gone with `Deployment`. */
export function deprecationOfKindOrList(apiVersion: string, kind: string): ApiDeprecation | undefined {
  return deprecationOf(apiVersion, kind) ?? (kind.endsWith('List') ? deprecationOf(apiVersion, kind.slice(0, -4)) : undefined);
}

/** True when `kubeVersion` no longer serves this apiVersion/kind. */
export function isRemoved(apiVersion: string, kind: string, kubeVersion: KubeVersion): boolean {
  const d = deprecationOfKindOrList(apiVersion, kind);
  return d?.removedIn !== undefined && versionAtLeast(kubeVersion, d.removedIn);
}

/** The version that first served this apiVersion/kind, when it is later than `kubeVersion`. */
export function notYetServed(apiVersion: string, kind: string, kubeVersion: KubeVersion): string | undefined {
  const kinds = API_INTRODUCTIONS[apiVersion];
  if (!kinds) return undefined;
  const since = kinds[kind] ?? (kind.endsWith('List') ? kinds[kind.slice(0, -4)] : undefined);
  return since !== undefined && !versionAtLeast(kubeVersion, since) ? since : undefined;
}
