/**
 * SchemaChecker: which schema applies to an object and what k8s-schema says
 * when there is none (typos in built-in APIs, APIs the Kubernetes version
 * does not serve, custom resources without their CRD), skipKinds and strict.
 */
import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../../src/k8s/kube-version.js';
import { SchemaChecker } from '../../src/schema/check.js';
import { CrdCatalog } from '../../src/schema/crd.js';

function checker(opts: { kubeVersion?: string; strict?: boolean; skipKinds?: string[]; crds?: CrdCatalog } = {}) {
  return new SchemaChecker({ kubeVersion: parseKubeVersion(opts.kubeVersion ?? '1.30')!, strict: opts.strict ?? true, skipKinds: opts.skipKinds ?? [], crds: opts.crds ?? new CrdCatalog() });
}

const say = (c: SchemaChecker, obj: Record<string, unknown>) => c.check(obj).map((f) => `${f.severity} ${f.path.join('.')}${f.target ? ' (key)' : ''}: ${f.message}`);

describe('SchemaChecker', () => {
  it('validates built-in kinds, unknown fields on their key', () => {
    expect(say(checker(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, dta: {} })).toEqual([
      'error dta (key): unknown field "dta" in ConfigMap (did you mean "data"?)',
    ]);
  });

  it('drops unknown fields when not strict, and keeps the rest', () => {
    expect(say(checker({ strict: false }), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 1 }, dta: {} })).toEqual([
      'error metadata.name: metadata.name: expected string, got integer 1',
    ]);
  });

  it('leaves removed APIs to deprecated-api, but validates them for a version that serves them', () => {
    const obj = { apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'a' }, spec: { replicas: 'x', template: { spec: { containers: [] } } } };
    expect(say(checker({ kubeVersion: '1.30' }), obj)).toEqual([]);
    expect(say(checker({ kubeVersion: '1.15' }), obj)).toEqual(['error spec.replicas: spec.replicas: expected integer, got string "x"']);
  });

  it('rejects APIs newer than kubeVersion', () => {
    expect(say(checker({ kubeVersion: '1.30' }), { apiVersion: 'resource.k8s.io/v1', kind: 'ResourceClaim', metadata: { name: 'a' }, spec: {} })).toEqual([
      'error apiVersion: resource.k8s.io/v1 ResourceClaim is not served by Kubernetes 1.30 (it arrived in 1.34)',
    ]);
    expect(say(checker({ kubeVersion: '1.34' }), { apiVersion: 'resource.k8s.io/v1', kind: 'ResourceClaim', metadata: { name: 'a' }, spec: {} })).toEqual([]);
  });

  it('names typos in built-in kinds and versions', () => {
    const c = checker();
    expect(say(c, { apiVersion: 'apps/v1', kind: 'Deploymnt' })).toEqual(['error kind: unknown kind "Deploymnt" in apps/v1 (did you mean "Deployment"?)']);
    expect(say(c, { apiVersion: 'apps/v1', kind: 'Frobnicator' })).toEqual(['error kind: unknown kind "Frobnicator" in apps/v1']);
    expect(say(c, { apiVersion: 'v2', kind: 'Service' })).toEqual(['error apiVersion: v2 is not a Kubernetes API version (did you mean "v1"?)']);
    expect(say(c, { apiVersion: 'batch/v3', kind: 'Job' })).toEqual(['error apiVersion: batch/v3 is not a Kubernetes API version (did you mean "batch/v1"?)']);
  });

  it('does not guess about alpha and beta versions it has no schema for', () => {
    expect(say(checker(), { apiVersion: 'resource.k8s.io/v1beta2', kind: 'ResourceClaim' })).toEqual([
      'info : no schema for ResourceClaim in resource.k8s.io/v1beta2 (add its CustomResourceDefinition to the input or to the rule\'s crds option)',
    ]);
  });

  it('says "no schema" for custom resources without their CRD, marked for once-per-kind reporting', () => {
    const [f] = checker().check({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor' });
    expect(f).toEqual({ path: [], severity: 'info', noSchema: true, message: 'no schema for ServiceMonitor in monitoring.coreos.com/v1 (add its CustomResourceDefinition to the input or to the rule\'s crds option)' });
  });

  it('reports a version the CRD does not define', () => {
    const crds = new CrdCatalog();
    crds.add({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'ws.example.com' }, spec: { group: 'example.com', names: { kind: 'W', plural: 'ws' }, versions: [{ name: 'v1' }] } });
    expect(say(checker({ crds }), { apiVersion: 'example.com/v2', kind: 'W' })).toEqual(['error apiVersion: the CustomResourceDefinition of W in example.com has no version "v2"']);
    expect(say(checker({ crds }), { apiVersion: 'example.com/v1', kind: 'W', spec: { anything: 1 } })).toEqual([]);
  });

  it('skips kinds by Kind or apiVersion/Kind', () => {
    const bad = { apiVersion: 'v1', kind: 'ReplicationController', spec: { replicas: 'x' } };
    expect(say(checker({ skipKinds: ['ReplicationController'] }), bad)).toEqual([]);
    expect(say(checker({ skipKinds: ['v1/ReplicationController'] }), bad)).toEqual([]);
    expect(say(checker({ skipKinds: ['v2/ReplicationController'] }), bad)).toEqual(['error spec.replicas: spec.replicas: expected integer, got string "x"']);
  });

  it('leaves objects without apiVersion or kind to yaml-syntax', () => {
    expect(say(checker(), { kind: 'Service' })).toEqual([]);
    expect(say(checker(), { apiVersion: 'v1', kind: null })).toEqual([]);
  });
});
