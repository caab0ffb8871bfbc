/** Facts about built-in kinds that loading and rules need. */

/** Built-in kinds that are not namespaced. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'StorageClass', 'PriorityClass', 'IngressClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'APIService', 'CSIDriver', 'CSINode', 'RuntimeClass', 'PodSecurityPolicy', 'ComponentStatus',
  'CertificateSigningRequest', 'VolumeAttachment', 'FlowSchema', 'PriorityLevelConfiguration',
  'ClusterTrustBundle', 'DeviceClass', 'ResourceSlice', 'VolumeAttributesClass', 'IPAddress', 'ServiceCIDR',
  'StorageVersion', 'StorageVersionMigration', 'SelfSubjectReview', 'TokenReview', 'SubjectAccessReview',
  'SelfSubjectAccessReview', 'SelfSubjectRulesReview',
]);

/** The API group of an apiVersion: '' for the core group ("v1"). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}
