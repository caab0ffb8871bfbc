/**
 * The cross-resource rules stay linear in resources: 10,000 Services that all
 * select the same 10,000 pods are matched once per distinct selector, not once
 * per Service (which checked every pod for every Service: 100 million checks).
 * Structural, not timed: it counts selector matches and pod templates checked.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { isCheckedRule } from '../../src/engine/rule.js';
import { selectorStats } from '../../src/engine/resource-index.js';
import { runRules, type RuleSetting } from '../../src/engine/run.js';
import { resolveKubeVersion } from '../../src/k8s/kube-version.js';
import { parseManifestText } from '../../src/load/documents.js';

const CROSS_RESOURCE = ['service-target-port', 'service-selector-match', 'env-refs', 'namespace-consistent', 'duplicate-resource', 'service-url-refs', 'required-secret-keys'];

describe('cross-resource rules on 10,000 Services selecting 10,000 pods', () => {
  it('match each distinct selector once, checking each pod template a bounded number of times', () => {
    const n = 10_000;
    const docs: string[] = [];
    for (let i = 0; i < n; i++) {
      docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-${i}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web, i: "${i}"}}\n  template:\n    metadata: {labels: {app: web, i: "${i}"}}\n    spec:\n      containers: [{name: web, image: "web:1", ports: [{name: http, containerPort: 8080}], envFrom: [{configMapRef: {name: env}}]}]\n`);
      docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: web-${i}, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}, {port: 81, targetPort: 8080}]\n`);
    }
    docs.push('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: env, namespace: shop}\ndata: {A: b}\n');
    const parsed = parseManifestText(docs.join('---\n'), 'all.yaml', { defaultNamespace: 'shop' });
    expect(parsed.resources).toHaveLength(2 * n + 1);
    const rules = RULES.filter(isCheckedRule).filter((r) => CROSS_RESOURCE.includes(r.meta.id));
    expect(rules).toHaveLength(CROSS_RESOURCE.length);
    const settings = new Map<string, RuleSetting>(rules.map((r) => [r.meta.id, { severity: 'error', options: r.meta.defaultOptions as Record<string, unknown> }]));
    const before = { ...selectorStats };
    const out = runRules({
      rules,
      settings,
      resources: parsed.resources,
      charts: [],
      git: { inIndex: () => false },
      dockerfiles: { lookup: () => ({ found: false, why: 'not-found', reason: 'none' }) } as never,
      crds: { catalog: { find: () => undefined } } as never,
      lintSettings: { kubeVersion: resolveKubeVersion(undefined), defaultNamespace: 'shop', knownNamespaces: new Set(['shop']), baseDir: '/', cwd: '/' },
      directives: new Map(),
    });
    expect(out.findings.filter((f) => f.ruleId.startsWith('service-'))).toEqual([]);
    // One distinct selector: matched once (per rule sharing the run's index at most), its 10,000 pods checked once.
    expect(selectorStats.selections - before.selections).toBeLessThanOrEqual(2);
    expect(selectorStats.candidates - before.candidates).toBeLessThanOrEqual(2 * n);
  }, 120_000);
});
