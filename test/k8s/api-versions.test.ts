/**
 * The deprecation table and the deprecated-api rule's verdicts for the
 * removals every Kubernetes user meets, and what k8s-schema does with APIs
 * the chosen Kubernetes version does not serve.
 */
import { describe, expect, it } from 'vitest';
import { API_DEPRECATIONS, deprecationOfKindOrList, isRemoved, notYetServed } from '../../src/k8s/api-versions.js';
import { parseKubeVersion, resolveKubeVersion } from '../../src/k8s/kube-version.js';
import { schemaIndex } from '../../src/schema/schema-index.js';
import type { Report } from '../../src/engine/rule.js';
import type { Resource } from '../../src/engine/resource.js';
import { ResourceIndex } from '../../src/engine/resource-index.js';
import { rule as deprecatedApi } from '../../rules/deprecated-api.js';
import { emptyRuleInputs } from '../support/rule-inputs.js';

const v = (s: string) => parseKubeVersion(s)!;

function resource(apiVersion: string, kind: string): Resource {
  const slash = apiVersion.indexOf('/');
  return {
    apiVersion, kind, group: slash < 0 ? '' : apiVersion.slice(0, slash), name: 'x', namespaceExplicit: false,
    object: { apiVersion, kind, metadata: { name: 'x' } }, basePath: [],
    doc: { file: 'x.yaml', index: 0, locate: () => { throw new Error('not used'); }, start: () => { throw new Error('not used'); } },
  } as unknown as Resource;
}

function verdicts(kubeVersion: string, ...pairs: [string, string][]): string[] {
  const reports: Report[] = [];
  const resources = pairs.map(([av, k]) => resource(av, k));
  deprecatedApi.check({
    options: {}, resources, index: new ResourceIndex(resources), charts: [], ...emptyRuleInputs(), report: (r) => reports.push(r),
    // As src/lint.ts resolves it into the settings.
    settings: { kubeVersion: resolveKubeVersion(kubeVersion), defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: '.', cwd: '.' },
  });
  return reports.map((r) => `${r.severity ?? 'error'} ${(r.path ?? []).join('.')}: ${r.message}`);
}

describe('removed APIs', () => {
  it.each([
    ['extensions/v1beta1', 'Deployment', '1.16', 'extensions/v1beta1 Deployment was removed in Kubernetes 1.16 (deprecated since 1.9), so 1.16 rejects it; use apps/v1 Deployment'],
    ['policy/v1beta1', 'PodSecurityPolicy', '1.25', 'policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25 (deprecated since 1.21), so 1.25 rejects it; use Pod Security Admission (namespace labels pod-security.kubernetes.io/*) instead'],
    ['networking.k8s.io/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1beta1 Ingress was removed in Kubernetes 1.22 (deprecated since 1.19), so 1.22 rejects it; use networking.k8s.io/v1 Ingress'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.26', 'autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes 1.26 (deprecated since 1.23), so 1.26 rejects it; use autoscaling/v2 HorizontalPodAutoscaler'],
    ['flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', '1.32', 'flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration was removed in Kubernetes 1.32 (deprecated since 1.29), so 1.32 rejects it; use flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration'],
    ['batch/v1beta1', 'CronJob', '1.25', 'batch/v1beta1 CronJob was removed in Kubernetes 1.25 (deprecated since 1.21), so 1.25 rejects it; use batch/v1 CronJob'],
    ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', '1.22', 'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding was removed in Kubernetes 1.22 (deprecated since 1.17), so 1.22 rejects it; use rbac.authorization.k8s.io/v1 ClusterRoleBinding'],
  ])('%s %s is an error from %s on, a warning the version before', (apiVersion, kind, removedIn, message) => {
    expect(verdicts(removedIn, [apiVersion, kind])).toEqual([`error apiVersion: ${message}`]);
    const before = v(removedIn);
    const previous = `${before.major}.${before.minor - 1}`;
    const [warning] = verdicts(previous, [apiVersion, kind]);
    expect(warning).toMatch(new RegExp(`^warning apiVersion: ${apiVersion.replace(/\./g, '\\.')} ${kind} is deprecated since Kubernetes 1\\.\\d+ and is removed in ${removedIn.replace('.', '\\.')}; `));
  });

  it('says nothing before the deprecation, and nothing about current APIs', () => {
    expect(verdicts('1.8', ['extensions/v1beta1', 'Deployment'])).toEqual([]);
    expect(verdicts('1.30', ['apps/v1', 'Deployment'], ['networking.k8s.io/v1', 'Ingress'], ['example.com/v1', 'Widget'])).toEqual([]);
  });

  it('covers the List of a removed kind', () => {
    expect(verdicts('1.30', ['extensions/v1beta1', 'DeploymentList'])).toEqual([
      'error apiVersion: extensions/v1beta1 DeploymentList was removed in Kubernetes 1.16 (deprecated since 1.9), so 1.30 rejects it; use apps/v1 Deployment',
    ]);
  });

  it('warns about deprecated APIs that have no removal date', () => {
    expect(verdicts('1.33', ['v1', 'Endpoints'])).toEqual(['warning apiVersion: v1 Endpoints is deprecated since Kubernetes 1.33; use discovery.k8s.io/v1 EndpointSlice']);
    expect(verdicts('1.32', ['v1', 'Endpoints'])).toEqual([]);
  });

  it('uses 1.30 when kubeVersion cannot be read', () => {
    expect(verdicts('latest', ['autoscaling/v2beta2', 'HorizontalPodAutoscaler'])[0]).toMatch(/^error .* so 1\.30 rejects it/);
  });
});

describe('the table', () => {
  it('has one entry per apiVersion/kind, each removal after its deprecation', () => {
    const keys = API_DEPRECATIONS.map((d) => `${d.apiVersion} ${d.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of API_DEPRECATIONS) {
      if (d.removedIn) expect(parseKubeVersion(d.removedIn)!.minor, `${d.apiVersion} ${d.kind}`).toBeGreaterThan(parseKubeVersion(d.deprecatedIn)!.minor);
      expect(d.replacement !== undefined || d.note !== undefined, `${d.apiVersion} ${d.kind} says what to do instead`).toBe(true);
    }
  });

  it('only names replacements that the schemas know', () => {
    const index = schemaIndex().apiVersions;
    for (const d of API_DEPRECATIONS) {
      if (!d.replacement) continue;
      const [av, kind] = d.replacement.split(' ');
      expect(index[av]?.[kind], d.replacement).toBeDefined();
    }
  });

  it('answers isRemoved and notYetServed', () => {
    expect(isRemoved('apps/v1beta2', 'StatefulSet', v('1.16'))).toBe(true);
    expect(isRemoved('apps/v1beta2', 'StatefulSet', v('1.15'))).toBe(false);
    expect(notYetServed('resource.k8s.io/v1', 'ResourceClaim', v('1.33'))).toBe('1.34');
    expect(notYetServed('resource.k8s.io/v1', 'ResourceClaimList', v('1.33'))).toBe('1.34');
    expect(notYetServed('resource.k8s.io/v1', 'ResourceClaim', v('1.34'))).toBeUndefined();
    expect(notYetServed('apps/v1', 'Deployment', v('1.10'))).toBeUndefined();
    expect(deprecationOfKindOrList('apps/v1', 'Deployment')).toBeUndefined();
  });
});
