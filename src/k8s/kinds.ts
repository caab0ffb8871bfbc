/**
 * Built-in kinds and their scope: which kinds are cluster-scoped (a
 * namespace on them means nothing), for loading and for rules.
 */

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
