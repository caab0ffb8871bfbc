/** Where each workload kind keeps its pod spec, labels and containers, and the run's workload list in the ResourceIndex. */
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/engine/resource.js';
import { ResourceIndex } from '../../src/engine/resource-index.js';
import { CLUSTER_SCOPED_KINDS } from '../../src/k8s/kinds.js';
import { containersOf, podLabelsPath, podSpecOf, podTemplateLabelsOf } from '../../src/k8s/workloads.js';

function resource(kind: string, object: Record<string, unknown>, name = 'x'): Resource {
  return { apiVersion: 'v1', kind, name, object: { kind, metadata: { name }, ...object } } as unknown as Resource;
}

const pod = { metadata: { labels: { app: 'a', tier: 1 } }, spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }, 'not a container', { name: 'side' }] } };

describe('workloads', () => {
  it('finds the pod spec of each workload kind, and none elsewhere', () => {
    expect(podSpecOf(resource('Deployment', { spec: { template: pod } }))?.path).toEqual(['spec', 'template', 'spec']);
    expect(podSpecOf(resource('CronJob', { spec: { jobTemplate: { spec: { template: pod } } } }))?.path).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    expect(podSpecOf(resource('Pod', pod))?.path).toEqual(['spec']);
    expect(podSpecOf(resource('ConfigMap', { spec: { template: pod } }))).toBeUndefined();
    expect(podSpecOf(resource('Deployment', { spec: { template: 'oops' } }))).toBeUndefined();
  });

  it('lists containers, init containers first when asked, skipping what is not a map', () => {
    const d = resource('Deployment', { spec: { template: pod } });
    expect(containersOf(d, { init: true }).map((c) => [c.container.name, c.path.join('.'), c.init])).toEqual([
      ['init', 'spec.template.spec.initContainers.0', true],
      ['app', 'spec.template.spec.containers.0', false],
      ['side', 'spec.template.spec.containers.2', false],
    ]);
    expect(containersOf(d, { init: false }).map((c) => c.container.name)).toEqual(['app', 'side']);
  });

  it('reads pod template labels as strings, where each kind keeps them', () => {
    const d = resource('Deployment', { spec: { template: pod } });
    expect(podLabelsPath(d)).toEqual(['spec', 'template', 'metadata', 'labels']);
    expect(podLabelsPath(resource('Pod', pod))).toEqual(['metadata', 'labels']);
    expect(podTemplateLabelsOf(d)).toEqual({ app: 'a', tier: '1' });
  });

  it('keeps the run\'s workload list in the ResourceIndex, in input order', () => {
    const list = [resource('Service', {}, 's'), resource('Job', { spec: { template: pod } }, 'j'), resource('ConfigMap', {}, 'c'), resource('Deployment', { spec: { template: pod } }, 'd')];
    expect(new ResourceIndex(list).workloads.map((r) => r.name)).toEqual(['j', 'd']);
  });

  it('knows which kinds are cluster-scoped', () => {
    expect(CLUSTER_SCOPED_KINDS.has('Namespace')).toBe(true);
    expect(CLUSTER_SCOPED_KINDS.has('ClusterRole')).toBe(true);
    expect(CLUSTER_SCOPED_KINDS.has('Deployment')).toBe(false);
  });
});
