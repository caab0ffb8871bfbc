/**
 * helm-render findings are made by the chart loader (src/load/charts.ts), not
 * by the rule's check; the rule exists so that they can be configured. The
 * chart below cannot render (a `required` value is missing), so it gives
 * helm-render findings whether or not native rendering is wired in yet.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { ResourceIndex } from '../../src/engine/resource-index.js';
import type { Report } from '../../src/engine/rule.js';
import { rule } from '../../rules/helm-render.js';
import { FIXTURES, testRule } from '../support/rule-tester.js';
import { emptyRuleInputs } from '../support/rule-inputs.js';

// Chart fixtures under fixtures/rules/helm-render/{valid,invalid}/<chart>/, exact findings.
testRule('helm-render');

const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-helm-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeChart(): string {
  const chart = path.join(dir, 'todo-app');
  mkdirSync(path.join(chart, 'templates'), { recursive: true });
  writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: todo-app\nversion: 1.0.0\nappVersion: "1.0.0"\n');
  writeFileSync(path.join(chart, 'values.yaml'), 'backend: {}\n');
  writeFileSync(
    path.join(chart, 'templates', 'configmap.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: todo-config\ndata:\n  BACKEND_URL: {{ required "backend.url is required" .Values.backend.url | quote }}\n',
  );
  return chart;
}

describe('rule helm-render', () => {
  it('reports nothing from its own check', () => {
    const reports: Report[] = [];
    rule.check({
      options: {}, resources: [], index: new ResourceIndex([]), charts: [], ...emptyRuleInputs(), report: (r) => reports.push(r),
      settings: { kubeVersion: '1.30', defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: dir, cwd: dir },
    });
    expect(reports).toEqual([]);
  });
  it('loader findings about a chart that cannot render are helm-render findings in the chart', async () => {
    const chart = writeChart();
    const result = await lint({ paths: [chart], cwd: dir, configFile: path.join(FIXTURES, 'tester-config.json') });
    const mine = result.findings.filter((f) => f.ruleId === 'helm-render');
    expect(mine.length).toBeGreaterThan(0);
    for (const f of mine) expect(f.location.file.startsWith('todo-app/')).toBe(true);
  });
  it('is silenced by its setting like any rule', async () => {
    const chart = writeChart();
    const result = await lint({ paths: [chart], cwd: dir, configFile: path.join(FIXTURES, 'tester-config.json'), config: { rules: { 'helm-render': 'off' } } });
    expect(result.findings.filter((f) => f.ruleId === 'helm-render')).toEqual([]);
  });
});
