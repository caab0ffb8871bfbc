/**
 * Positions through named templates and `tpl` (fixtures/charts/shared-helpers): a node a
 * shared helper emitted is placed at the include call in each resource's own template, with
 * the helper line as related; a node a tpl string printed is placed at the tpl call, with the
 * values line of the string as related; findings of two resources never merge.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { ROOT } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-helper-positions-');

const helper = (line: number, column: number, endColumn: number) => ({
  file: 'shop/templates/_helpers.tpl',
  line,
  column,
  endLine: line,
  endColumn,
  message: 'emitted here by a named template',
});
const appValue = { file: 'shop/values.yaml', line: 1, column: 6, endLine: 1, endColumn: 10, message: 'value set here' };
const secretMessage = 'Secret shop-db is not defined in the input; create it before deploying, or declare it under env-refs external in the config';

/** Each Deployment's two findings, at its own include calls (lines 6 and 26), with the helper lines related. */
const deploymentFindings = (name: string) => [
  {
    ruleId: 'required-labels',
    message: `Deployment ${name} label app is "shop", expected "todo"`,
    resource: name,
    at: [`shop/templates/${name}.yaml`, 6, 5, 6, 47],
    related: [helper(3, 6, 23), appValue],
  },
  { ruleId: 'env-refs', message: secretMessage, resource: name, at: [`shop/templates/${name}.yaml`, 26, 13, 26, 55], related: [helper(10, 13, 20)] },
];

it('places helper and tpl findings at the call in each resource template', async () => {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'fixtures/charts/shared-helpers'), path.join(dir, 'shop'), { recursive: true });
  writeFileSync(path.join(dir, '.k8s-todo-lint.json'), '{}');
  // The chart makes no todo-secrets Secret: that policy rule is beside the point here.
  const result = await lint({ paths: ['shop'], cwd: dir, ruleFlags: ['required-secret-keys=off'] });
  const found = result.findings.map((f) => ({
    ruleId: f.ruleId,
    message: f.message,
    resource: f.resource?.name,
    at: [f.location.file, f.location.line, f.location.column, f.location.endLine, f.location.endColumn],
    related: f.related,
  }));
  expect(found).toEqual([
    {
      ruleId: 'required-labels',
      message: 'ConfigMap shop-config label app is "shop-extra", expected "todo"',
      resource: 'shop-config',
      // The `{{- tpl .Values.extraLabels . | nindent 4 }}` action; the tpl string's block scalar in values.yaml.
      at: ['shop/templates/config.yaml', 6, 5, 6, 49],
      related: [{ file: 'shop/values.yaml', line: 4, column: 14, endLine: 6, endColumn: 1, message: 'value set here' }],
    },
    ...deploymentFindings('web'),
    ...deploymentFindings('worker'),
  ]);
});

it('keeps the findings of resources one template line makes for each (range), in every values variant', async () => {
  const dir = tempDir();
  const chart = path.join(dir, 'loop');
  mkdirSync(path.join(chart, 'templates'), { recursive: true });
  mkdirSync(path.join(chart, 'ci'));
  writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: loop\nversion: 1.0.0\nappVersion: "1.0.0"\n');
  writeFileSync(path.join(chart, 'values.yaml'), 'workers: [a, b]\n');
  writeFileSync(path.join(chart, 'ci/three-values.yaml'), 'workers: [a, b, c]\n');
  writeFileSync(
    path.join(chart, 'templates/workers.yaml'),
    [
      '{{- range .Values.workers }}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: worker-{{ . }}',
      'spec:',
      '  containers:',
      '    - name: w',
      '      image: todo-worker:1.0.0',
      '      envFrom:',
      '        - secretRef: {name: shop-db}',
      '{{- end }}',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, '.k8s-todo-lint.json'), '{}');
  const result = await lint({ paths: ['loop'], cwd: dir });
  const refs = result.findings.filter((f) => f.ruleId === 'env-refs');
  expect(refs.map((f) => [f.resource?.name, f.location.line, f.location.column, f.message.replace(secretMessage, 'S')])).toEqual([
    ['worker-a', 12, 29, 'S'],
    ['worker-b', 12, 29, 'S'],
    ['worker-c', 12, 29, 'S (with values loop/ci/three-values.yaml)'],
  ]);
});
