/** The kube version: its parse, its one default, and how lint() resolves it for the rules. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { DEFAULT_KUBE_VERSION, isKubeVersion, kubeVersionText, parseKubeVersion, resolveKubeVersion, versionAtLeast } from '../../src/k8s/kube-version.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('kube version', () => {
  it('reads versions as 1.N, v1.N or 1.N.P', () => {
    expect(parseKubeVersion('1.30')).toEqual({ major: 1, minor: 30 });
    expect(parseKubeVersion('v1.29.3')).toEqual({ major: 1, minor: 29 });
    expect(parseKubeVersion(' 1.31 ')).toEqual({ major: 1, minor: 31 });
    expect(parseKubeVersion('1')).toBeUndefined();
    expect(parseKubeVersion('master')).toBeUndefined();
  });

  it('accepts as --kube-version the same forms, as written', () => {
    for (const ok of ['1.30', 'v1.30', '1.29.3', 'v1.29.3']) expect(isKubeVersion(ok), ok).toBe(true);
    for (const bad of ['1', 'master', ' 1.30', '1.30 ', '1.30.1.2', 'v1', '1.x']) expect(isKubeVersion(bad), bad).toBe(false);
  });

  it('defaults to 1.30, for a missing or unreadable version', () => {
    expect(DEFAULT_KUBE_VERSION).toBe('1.30');
    expect(resolveKubeVersion(undefined)).toEqual({ major: 1, minor: 30 });
    expect(resolveKubeVersion('latest')).toEqual({ major: 1, minor: 30 });
    expect(resolveKubeVersion('')).toEqual({ major: 1, minor: 30 });
    expect(resolveKubeVersion('v1.25.4')).toEqual({ major: 1, minor: 25 });
  });

  it('compares minor versions and names them as 1.N', () => {
    const v = parseKubeVersion('1.30')!;
    expect(versionAtLeast(v, '1.30')).toBe(true);
    expect(versionAtLeast(v, '1.9')).toBe(true);
    expect(versionAtLeast(v, '1.31')).toBe(false);
    expect(versionAtLeast(v, '2.0')).toBe(false);
    expect(kubeVersionText(parseKubeVersion('v1.29.3')!)).toBe('1.29');
  });

  it('reaches the rules through lint(), resolved once', async () => {
    const stdinText = 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: x\n';
    const run = async (kubeVersion?: string) => {
      const result = await lint({ paths: ['-'], stdinText, cwd: ROOT, kubeVersion, config: { rules: { 'deprecated-api': 'error' } } });
      return result.findings.filter((f) => f.ruleId === 'deprecated-api').map((f) => `${f.severity} ${f.message}`);
    };
    const removed = 'error autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes 1.26 (deprecated since 1.23), so 1.30 rejects it; use autoscaling/v2 HorizontalPodAutoscaler';
    expect(await run()).toEqual([removed]);
    expect(await run('latest')).toEqual([removed]);
    expect(await run('1.25')).toEqual(['warning autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated since Kubernetes 1.23 and is removed in 1.26; use autoscaling/v2 HorizontalPodAutoscaler']);
  });
});
