/** API groups: splitting an apiVersion, and the groups that store the same objects. */
import { describe, expect, it } from 'vitest';
import { canonicalGroup, groupOf, versionOf } from '../../src/k8s/api-groups.js';

describe('api groups', () => {
  it('splits an apiVersion into group and version', () => {
    expect(groupOf('apps/v1')).toBe('apps');
    expect(versionOf('apps/v1')).toBe('v1');
    expect(groupOf('v1')).toBe('');
    expect(versionOf('v1')).toBe('v1');
    expect(groupOf('networking.k8s.io/v1beta1')).toBe('networking.k8s.io');
    expect(versionOf('networking.k8s.io/v1beta1')).toBe('v1beta1');
  });

  it('folds API groups that store the same objects', () => {
    expect(canonicalGroup('Deployment', 'extensions')).toBe('apps');
    expect(canonicalGroup('Deployment', 'apps')).toBe('apps');
    expect(canonicalGroup('Ingress', 'extensions')).toBe('networking.k8s.io');
    expect(canonicalGroup('ConfigMap', '')).toBe('');
    expect(canonicalGroup('Widget', 'extensions')).toBe('extensions');
  });
});
