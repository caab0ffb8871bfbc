/**
 * The generated validators of built-in kinds, on parsed objects: one valid
 * and one invalid object per API group, and the message of each kind of
 * problem (types, required, enums, quantities, int-or-string, nulls, unknown
 * fields with suggestions).
 */
import { describe, expect, it } from 'vitest';
import { builtinValidator, validateObjectMeta } from '../../src/schema/runtime.js';

function issues(apiVersion: string, kind: string, obj: Record<string, unknown>): string[] {
  const v = builtinValidator(apiVersion, kind);
  if (!v) throw new Error(`no validator for ${apiVersion} ${kind}`);
  return v.validate({ apiVersion, kind, ...obj }).map((i) => `${i.path.join('/')} | ${i.message}`);
}

const meta = { name: 'x' };
const podSpec = { containers: [{ name: 'c', image: 'todo-c:1' }] };
const template = { metadata: { labels: { app: 'todo' } }, spec: podSpec };
const selector = { matchLabels: { app: 'todo' } };

/** [apiVersion, kind, valid object, invalid object, expected issues of the invalid one] */
const FAMILIES: [string, string, Record<string, unknown>, Record<string, unknown>, string[]][] = [
  ['v1', 'Pod', { metadata: meta, spec: podSpec }, { metadata: meta, spec: {} },
    ['spec | missing required field "containers" in PodSpec']],
  ['v1', 'ConfigMap', { metadata: meta, data: { a: 'b' }, binaryData: { c: 'ZA==' } }, { metadata: meta, data: { a: 1 } },
    ['data/a | data.a: expected string, got integer 1']],
  ['apps/v1', 'Deployment', { metadata: meta, spec: { selector, template } }, { metadata: meta, spec: { selector, template, replicas: '3' } },
    ['spec/replicas | spec.replicas: expected integer, got string "3"']],
  ['batch/v1', 'Job', { metadata: meta, spec: { template: { spec: { ...podSpec, restartPolicy: 'Never' } } } }, { metadata: meta, spec: { backofLimit: 1, template } },
    ['spec/backofLimit | unknown field "backofLimit" in JobSpec (did you mean "backoffLimit"?)']],
  ['networking.k8s.io/v1', 'Ingress', { metadata: meta, spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } }] } }] } },
    { metadata: meta, spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefixed', backend: {} }] } }] } },
    ['spec/rules/0/http/paths/0/pathType | spec.rules[0].http.paths[0].pathType: unsupported value "Prefixed" (did you mean "Prefix"?); expected one of "Exact", "ImplementationSpecific", "Prefix"']],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', { metadata: meta, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'u' }] },
    { metadata: meta, subjects: [{ kind: 'User' }] },
    ['subjects/0 | missing required field "name" in Subject', ' | missing required field "roleRef" in ClusterRoleBinding']],
  ['policy/v1', 'PodDisruptionBudget', { metadata: meta, spec: { minAvailable: '50%', selector } }, { metadata: meta, spec: { minAvailable: 1.5 } },
    ['spec/minAvailable | spec.minAvailable: expected integer or string, got number 1.5']],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', { metadata: meta, spec: { scaleTargetRef: { kind: 'Deployment', name: 'd' }, maxReplicas: 3 } },
    { metadata: meta, spec: { scaleTargetRef: { kind: 'Deployment', name: 'd' } } },
    ['spec | missing required field "maxReplicas" in HorizontalPodAutoscalerSpec']],
  ['storage.k8s.io/v1', 'StorageClass', { metadata: meta, provisioner: 'p', reclaimPolicy: 'Retain' }, { metadata: meta, provisioner: 'p', allowVolumeExpansion: 'yes' },
    ['allowVolumeExpansion | allowVolumeExpansion: expected boolean, got string "yes"']],
  // kubernetes-models marks PriorityClass.value optional, so only its type is checked.
  ['scheduling.k8s.io/v1', 'PriorityClass', { metadata: meta, value: 100 }, { metadata: meta, value: '100', preemptionPolicy: 'Never' },
    ['value | value: expected integer, got string "100"']],
  ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration',
    { metadata: meta, webhooks: [{ name: 'w.example.com', admissionReviewVersions: ['v1'], sideEffects: 'None', clientConfig: { url: 'https://w' } }] },
    { metadata: meta, webhooks: [{ name: 'w.example.com', admissionReviewVersions: ['v1'], sideEffects: 'Maybe', clientConfig: {} }] },
    ['webhooks/0/sideEffects | webhooks[0].sideEffects: unsupported value "Maybe"; expected one of "None", "NoneOnDryRun", "Some", "Unknown"']],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition',
    { metadata: meta, spec: { group: 'g.io', names: { kind: 'K', plural: 'ks' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', additionalProperties: true, 'x-kubernetes-preserve-unknown-fields': true } } }] } },
    { metadata: meta, spec: { group: 'g.io', names: { kind: 'K', plural: 'ks' }, scope: 'Namespaced', versions: [{ name: 'v1', served: 'yes', storage: true }] } },
    ['spec/versions/0/served | spec.versions[0].served: expected boolean, got string "yes"']],
  ['coordination.k8s.io/v1', 'Lease', { metadata: meta, spec: { holderIdentity: 'a', leaseDurationSeconds: 10 } }, { metadata: meta, spec: { leaseDurationSeconds: 'ten' } },
    ['spec/leaseDurationSeconds | spec.leaseDurationSeconds: expected integer, got string "ten"']],
  ['discovery.k8s.io/v1', 'EndpointSlice', { metadata: meta, addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.1'] }] }, { metadata: meta, addressType: 'IPv5', endpoints: [] },
    ['addressType | addressType: unsupported value "IPv5" (did you mean "IPv4"?); expected one of "FQDN", "IPv4", "IPv6"']],
  ['node.k8s.io/v1', 'RuntimeClass', { metadata: meta, handler: 'runsc' }, { metadata: meta, handlr: 'runsc' },
    ['handlr | unknown field "handlr" in RuntimeClass (did you mean "handler"?)', ' | missing required field "handler" in RuntimeClass']],
  ['flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', { metadata: meta, spec: { priorityLevelConfiguration: { name: 'p' }, matchingPrecedence: 100 } },
    { metadata: meta, spec: { priorityLevelConfiguration: {} } },
    ['spec/priorityLevelConfiguration | missing required field "name" in PriorityLevelConfigurationReference']],
  ['certificates.k8s.io/v1', 'CertificateSigningRequest', { metadata: meta, spec: { request: 'LS0t', signerName: 'kubernetes.io/kubelet-serving' } },
    { metadata: meta, spec: { request: 'LS0t', signerName: 'x', usages: ['client auth', 7] } },
    ['spec/usages/1 | spec.usages[1]: expected string, got integer 7']],
  ['resource.k8s.io/v1', 'DeviceClass', { metadata: meta, spec: { selectors: [{ cel: { expression: 'true' } }] } }, { metadata: meta, spec: { selectors: [{ cel: {} }] } },
    ['spec/selectors/0/cel | missing required field "expression" in CELDeviceSelector']],
  ['events.k8s.io/v1', 'Event', { metadata: meta, eventTime: '2024-01-01T00:00:00Z' }, { metadata: meta },
    [' | missing required field "eventTime" in Event']],
  ['apiregistration.k8s.io/v1', 'APIService', { metadata: meta, spec: { groupPriorityMinimum: 100, versionPriority: 10 } }, { metadata: meta, spec: { groupPriorityMinimum: 100 } },
    ['spec | missing required field "versionPriority" in APIServiceSpec']],
];

describe('one valid and one invalid object per API group', () => {
  for (const [apiVersion, kind, valid, invalid, expected] of FAMILIES) {
    it(`${apiVersion} ${kind}`, () => {
      expect(issues(apiVersion, kind, valid)).toEqual([]);
      expect(issues(apiVersion, kind, invalid)).toEqual(expected);
    });
  }
});

describe('messages', () => {
  it('words types, unknown fields and missing fields as a person would', () => {
    expect(issues('apps/v1', 'Deployment', { metadata: meta, spec: { replica: 2, replicas: 'three', template } })).toEqual([
      'spec/replica | unknown field "replica" in DeploymentSpec (did you mean "replicas"?)',
      'spec/replicas | spec.replicas: expected integer, got string "three"',
      'spec | missing required field "selector" in DeploymentSpec',
    ]);
  });

  it('suggests nothing for a field that is not close to any', () => {
    expect(issues('v1', 'Service', { metadata: meta, spec: { loadBalancerWhatever: true } })).toEqual([
      'spec/loadBalancerWhatever | unknown field "loadBalancerWhatever" in ServiceSpec',
    ]);
  });

  it('names the definition where an unknown field sits, deep in a pod template', () => {
    const spec = { selector, template: { ...template, spec: { containers: [{ name: 'c', image: 'i', imagePullPolicyy: 'Always', livenessProbe: { httpGet: { port: 80, pth: '/' } } }] } } };
    expect(issues('apps/v1', 'Deployment', { metadata: meta, spec })).toEqual([
      'spec/template/spec/containers/0/imagePullPolicyy | unknown field "imagePullPolicyy" in Container (did you mean "imagePullPolicy"?)',
      'spec/template/spec/containers/0/livenessProbe/httpGet/pth | unknown field "pth" in HTTPGetAction (did you mean "path"?)',
    ]);
  });

  it('truncates long string values in messages', () => {
    const long = 'x'.repeat(100);
    expect(issues('v1', 'Service', { metadata: meta, spec: { ports: [{ port: long }] } })).toEqual([
      `spec/ports/0/port | spec.ports[0].port: expected integer, got string "${'x'.repeat(57)}..."`,
    ]);
  });
});

describe('enums', () => {
  it('checks imagePullPolicy, protocol, restartPolicy and Service type', () => {
    expect(issues('v1', 'Pod', { metadata: meta, spec: { restartPolicy: 'always', containers: [{ name: 'c', imagePullPolicy: 'Never', ports: [{ containerPort: 80, protocol: 'HTTP' }] }] } })).toEqual([
      'spec/restartPolicy | spec.restartPolicy: unsupported value "always" (did you mean "Always"?); expected one of "Always", "Never", "OnFailure"',
      'spec/containers/0/ports/0/protocol | spec.containers[0].ports[0].protocol: unsupported value "HTTP"; expected one of "SCTP", "TCP", "UDP"',
    ]);
    expect(issues('v1', 'Service', { metadata: meta, spec: { type: 'Nodeport' } })).toEqual([
      'spec/type | spec.type: unsupported value "Nodeport" (did you mean "NodePort"?); expected one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it('says "expected string" for a non-string enum value', () => {
    expect(issues('v1', 'Service', { metadata: meta, spec: { type: 1 } })).toEqual(['spec/type | spec.type: expected string, got integer 1']);
  });
});

describe('quantities', () => {
  const withResources = (resources: unknown) => ({ metadata: meta, spec: { containers: [{ name: 'c', resources }] } });
  it('accepts the Kubernetes quantity grammar as strings and plain numbers', () => {
    const ok = ['100m', '0.5', '.5', '5.', '1e3', '1E-2', '+1', '-1', '128Mi', '1Gi', '2Ki', '1G', '1M', '3k', '1Ei', '10n', '10u'];
    const numbers = [1, 0.25, 256000, 1e3];
    expect(issues('v1', 'Pod', withResources({ requests: Object.fromEntries(ok.map((q, i) => [`r${i}`, q])), limits: Object.fromEntries(numbers.map((q, i) => [`l${i}`, q])) }))).toEqual([]);
  });

  it('rejects anything else', () => {
    const bad = ['12Gb', '1.5.0', '100 m', '', 'm', '1Ki2', '1e', '0x10', '1mi', '1 Gi', 'one'];
    expect(issues('v1', 'Pod', withResources({ limits: Object.fromEntries(bad.map((q, i) => [`l${i}`, q])) }))).toEqual(
      bad.map((q, i) => `spec/containers/0/resources/limits/l${i} | spec.containers[0].resources.limits.l${i}: invalid quantity ${JSON.stringify(q)} (expected a number with an optional suffix, e.g. 500m, 0.5, 128Mi, 1G)`),
    );
    expect(issues('v1', 'Pod', withResources({ limits: { cpu: true, memory: [] } }))).toEqual([
      'spec/containers/0/resources/limits/cpu | spec.containers[0].resources.limits.cpu: expected quantity (string or number), got boolean true',
      'spec/containers/0/resources/limits/memory | spec.containers[0].resources.limits.memory: expected quantity (string or number), got array',
    ]);
  });

  it('checks quantities outside containers too (LimitRange, ResourceQuota, PVC)', () => {
    expect(issues('v1', 'LimitRange', { metadata: meta, spec: { limits: [{ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: 256000 }, max: { cpu: '2cores' } }] } })).toEqual([
      'spec/limits/0/max/cpu | spec.limits[0].max.cpu: invalid quantity "2cores" (expected a number with an optional suffix, e.g. 500m, 0.5, 128Mi, 1G)',
    ]);
    expect(issues('v1', 'PersistentVolumeClaim', { metadata: meta, spec: { resources: { requests: { storage: '1Gi' } } } })).toEqual([]);
  });
});

describe('integers', () => {
  it('keeps int32 fields within 32 bits, int64 ones need not', () => {
    expect(issues('apps/v1', 'Deployment', { metadata: { name: 'x', generation: 2 ** 40 }, spec: { selector, template, replicas: 2 ** 31, revisionHistoryLimit: -(2 ** 31) } })).toEqual([
      'spec/replicas | spec.replicas: 2147483648 is out of range for a 32-bit integer',
    ]);
    expect(issues('v1', 'Pod', { metadata: meta, spec: { ...podSpec, activeDeadlineSeconds: 2 ** 40, securityContext: { runAsUser: 2 ** 40, supplementalGroups: [1, 2.5] } } })).toEqual([
      'spec/securityContext/supplementalGroups/1 | spec.securityContext.supplementalGroups[1]: expected integer, got number 2.5',
    ]);
  });
});

describe('int-or-string', () => {
  it('accepts integers and strings, nothing else', () => {
    const port = (targetPort: unknown) => issues('v1', 'Service', { metadata: meta, spec: { ports: [{ port: 80, targetPort }] } });
    expect(port(8080)).toEqual([]);
    expect(port('http')).toEqual([]);
    expect(port(80.5)).toEqual(['spec/ports/0/targetPort | spec.ports[0].targetPort: expected integer or string, got number 80.5']);
    expect(port(true)).toEqual(['spec/ports/0/targetPort | spec.ports[0].targetPort: expected integer or string, got boolean true']);
    expect(port({})).toEqual(['spec/ports/0/targetPort | spec.ports[0].targetPort: expected integer or string, got object']);
  });
});

describe('null', () => {
  it('is "not set" on optional fields, at every depth', () => {
    expect(issues('apps/v1', 'Deployment', {
      metadata: { name: 'x', creationTimestamp: null, labels: null },
      spec: { replicas: null, strategy: null, selector, template: { metadata: null, spec: { containers: [{ name: 'c', args: null, env: null, resources: null }] } } },
      status: null,
    })).toEqual([]);
  });

  it('is a wrong type on required fields, array items and map values', () => {
    expect(issues('apps/v1', 'Deployment', { metadata: { name: 'x', labels: { a: null } }, spec: { selector: null, template: { spec: { containers: [null] } } } })).toEqual([
      'metadata/labels/a | metadata.labels.a: expected string, got null',
      'spec/template/spec/containers/0 | spec.template.spec.containers[0]: expected object, got null',
      'spec/selector | spec.selector: expected object, got null',
    ]);
    expect(issues('v1', 'Pod', { metadata: meta, spec: { containers: null } })).toEqual(['spec/containers | spec.containers: expected array, got null']);
  });
});

describe('structure', () => {
  it('validates StatefulSet volumeClaimTemplates (an anonymous object type in the models)', () => {
    const spec = { selector, template, serviceName: 's', volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, extra: 1 }] };
    expect(issues('apps/v1', 'StatefulSet', { metadata: meta, spec })).toEqual([
      'spec/volumeClaimTemplates/0/extra | unknown field "extra" in StatefulSetSpec.volumeClaimTemplates',
    ]);
  });

  it('takes any value where the API takes any JSON (CRD defaults, RawExtension)', () => {
    const schema = { openAPIV3Schema: { type: 'object', properties: { a: { type: 'string', default: 'x', enum: ['x', 1, null] } }, additionalProperties: false } };
    expect(issues('apiextensions.k8s.io/v1', 'CustomResourceDefinition', { metadata: meta, spec: { group: 'g.io', names: { kind: 'K', plural: 'ks' }, scope: 'Cluster', versions: [{ name: 'v1', served: true, storage: true, schema }] } })).toEqual([]);
  });

  it('reports objects where arrays belong and the reverse', () => {
    expect(issues('v1', 'Pod', { metadata: meta, spec: { containers: { name: 'c' }, nodeSelector: ['a'] } })).toEqual([
      'spec/containers | spec.containers: expected array, got object',
      'spec/nodeSelector | spec.nodeSelector: expected object, got array',
    ]);
  });

  it('has no validator for kinds the models do not have', () => {
    expect(builtinValidator('apps/v1', 'Deploymnt')).toBeUndefined();
    expect(builtinValidator('example.com/v1', 'Widget')).toBeUndefined();
  });

  it('checks metadata alone (for custom resources)', () => {
    expect(validateObjectMeta({ name: 'a', labels: { b: 1 }, nmae: 'x' }).map((i) => i.message)).toEqual([
      'metadata.labels.b: expected string, got integer 1',
      'unknown field "nmae" in ObjectMeta (did you mean "name"?)',
    ]);
  });
});
