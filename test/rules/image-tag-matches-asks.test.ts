/**
 * image-tag-matches asks the chart for its image versions (values.yaml parsed with positions,
 * the larger part of a chart lint's rule time when every workload asked) only for an image the
 * rule checks: one matching its pattern and carrying a tag. Structural: it counts the questions.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import type { ChartFacts } from '../../src/engine/rule.js';
import { isCheckedRule } from '../../src/engine/rule.js';
import { runRules, type RuleSetting } from '../../src/engine/run.js';
import { resolveKubeVersion } from '../../src/k8s/kube-version.js';
import { parseManifestText } from '../../src/load/documents.js';

function asked(image: string): { asked: number; findings: number } {
  const manifest = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;
  const parsed = parseManifestText(manifest, 'chart/templates/deployment.yaml', { defaultNamespace: 'default' });
  const rule = RULES.filter(isCheckedRule).find((r) => r.meta.id === 'image-tag-matches')!;
  const settings = new Map<string, RuleSetting>([[rule.meta.id, { severity: 'warning', options: rule.meta.defaultOptions as Record<string, unknown> }]]);
  let questions = 0;
  const chart = {
    dir: '/chart',
    file: 'chart/Chart.yaml',
    prefix: 'chart/',
    presentDependencies: [],
    imageVersions: () => (questions++, { prefix: 'chart/', repositories: new Map(), looseTags: [], appVersion: { version: '9.9', what: 'appVersion', where: { file: 'chart/Chart.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm' } } }),
  } as unknown as ChartFacts;
  const out = runRules({
    rules: [rule],
    settings,
    resources: parsed.resources,
    charts: [chart],
    git: { inIndex: () => false },
    dockerfiles: { lookup: () => ({ found: false, why: 'not-found', reason: 'none' }) } as never,
    crds: { catalog: { find: () => undefined } } as never,
    lintSettings: { kubeVersion: resolveKubeVersion(undefined), defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: '/', cwd: '/' },
    directives: new Map(),
  });
  return { asked: questions, findings: out.findings.length };
}

describe('image-tag-matches and the chart image versions', () => {
  it('does not ask for an image outside its pattern', () => {
    expect(asked('quay.io/argoproj/argocd:v2.1')).toEqual({ asked: 0, findings: 0 });
  });

  it('asks for an image it checks, and reports against the chart version', () => {
    expect(asked('todo-api:1.0')).toEqual({ asked: 1, findings: 1 });
  });
});
