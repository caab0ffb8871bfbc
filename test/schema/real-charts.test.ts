/**
 * No false alarms on real manifests: the `helm template` output of the
 * real-world charts in the shared corpus (argo-cd, bitnami, cert-manager with
 * its CRDs, ingress-nginx, kube-prometheus-stack...) is valid Kubernetes, so
 * k8s-schema and deprecated-api say nothing but "no schema" for the
 * Prometheus operator's custom resources, whose CRDs those renders leave out.
 * Skipped when the shared corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/load.js';
import { RULES } from '../../rules/index.js';
import { lint } from '../../src/lint.js';

const CHARTS = path.resolve(import.meta.dirname, '../../../shared/corpus/charts');
const SCHEMA_RULES = new Set(['k8s-schema', 'deprecated-api']);
const noSchema = (kind: string) => `k8s-schema info no schema for ${kind} in monitoring.coreos.com/v1 (add its CustomResourceDefinition to the input or to the rule's crds option)`;

/** Findings expected per chart; every other chart: none. */
const EXPECTED: Record<string, string[]> = {
  'cert-manager': [noSchema('ServiceMonitor')],
  'ingress-nginx': [noSchema('ServiceMonitor')],
  'prometheus-kube-prometheus-stack': [noSchema('Alertmanager'), noSchema('Prometheus'), noSchema('PrometheusRule'), noSchema('ServiceMonitor')],
};

/** The rendered documents with a kind, less `helm test` hooks (not part of the deployment, not linted). */
function deployedDocuments(text: string): number {
  const testHook = /^\s*["']?helm\.sh\/hook["']?:\s*["']?\s*(?:test|test-success|test-failure)(?:\s*,\s*(?:test|test-success|test-failure))*\s*["']?\s*$/m;
  return text.split(/^---/m).filter((doc) => /^kind: /m.test(doc) && !testHook.test(doc)).length;
}

const charts = existsSync(CHARTS) ? readdirSync(CHARTS).filter((c) => existsSync(path.join(CHARTS, c, 'rendered.yaml'))).sort() : [];

describe.skipIf(charts.length === 0)('real charts rendered by helm', () => {
  const rules: ConfigFile['rules'] = {};
  for (const r of RULES) if (!SCHEMA_RULES.has(r.meta.id)) rules[r.meta.id] = 'off';

  it('kube-prometheus-stack with the operator CRDs (crds option): its custom resources validate too', async () => {
    const dir = path.join(CHARTS, 'prometheus-kube-prometheus-stack');
    const crds = path.join(dir, 'chart/charts/crds/crds');
    const withCrds: ConfigFile['rules'] = { ...rules, 'k8s-schema': ['error', { crds: [crds] }] };
    const result = await lint({ paths: ['rendered.yaml', 'rendered-1.yaml'], cwd: dir, config: { rules: withCrds } });
    expect(result.findings.filter((f) => SCHEMA_RULES.has(f.ruleId)).map((f) => f.message)).toEqual([]);
  }, 120_000);

  for (const chart of charts) {
    it(`${chart}: no schema or API finding${EXPECTED[chart] ? ' but "no schema" for the operator CRs' : ''}`, async () => {
      const dir = path.join(CHARTS, chart);
      const files = readdirSync(dir).filter((f) => /^rendered.*\.yaml$/.test(f)).sort();
      for (const kubeVersion of ['1.30', '1.36']) {
        const result = await lint({ paths: files, cwd: dir, config: { kubeVersion, rules } });
        const documents = files.reduce((n, f) => n + deployedDocuments(readFileSync(path.join(dir, f), 'utf8')), 0);
        expect(result.summary.resources, 'every rendered object but `helm test` hooks is linted').toBeGreaterThanOrEqual(documents);
        const got = result.findings.filter((f) => SCHEMA_RULES.has(f.ruleId)).map((f) => `${f.ruleId} ${f.severity} ${f.message}`);
        expect(got, `kubeVersion ${kubeVersion}`).toEqual(EXPECTED[chart] ?? []);
      }
    }, 120_000);
  }
});
