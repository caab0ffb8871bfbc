/**
 * chart-metadata reads ctx.charts, the ChartFacts the chart loader fills; the
 * rule's check runs here with a fake context over the Chart.yaml
 * fixtures (valid/*.Chart.yaml: no finding; invalid/*.Chart.yaml: exactly
 * <name>.expected.json). Every fixture chart has frontend and backend under charts/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report, RuleContext } from '../../src/engine/rule.js';
import { chartFacts } from '../../src/load/chart-facts.js';
import { ResourceIndex } from '../../src/engine/resource-index.js';
import { rule } from '../../rules/chart-metadata.js';
import { FIXTURES } from '../support/rule-tester.js';
import { emptyRuleInputs } from '../support/rule-inputs.js';

const DIR = path.join(FIXTURES, 'chart-metadata');

function check(file: string): Report[] {
  const chart = chartFacts({
    dir: path.dirname(file),
    file: path.basename(file),
    texts: { chartYaml: readFileSync(file, 'utf8'), subcharts: new Map() },
    presentDependencies: ['frontend', 'backend'],
  });
  const reports: Report[] = [];
  const ctx: RuleContext<Record<string, never>> = {
    options: {},
    resources: [],
    index: new ResourceIndex([]),
    settings: { kubeVersion: { major: 1, minor: 30 }, defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: DIR, cwd: DIR },
    charts: [chart],
    ...emptyRuleInputs(),
    report: (r) => reports.push(r),
  };
  rule.check(ctx);
  return reports;
}

const charts = (sub: string) => readdirSync(path.join(DIR, sub)).filter((f) => f.endsWith('.Chart.yaml')).sort();

describe('rule chart-metadata', () => {
  it('has valid and invalid fixtures', () => {
    expect(charts('valid').length).toBeGreaterThan(0);
    expect(charts('invalid').length).toBeGreaterThan(0);
  });
  for (const f of charts('valid')) {
    it(`valid/${f} gives no finding`, () => {
      expect(check(path.join(DIR, 'valid', f)).map((r) => r.message)).toEqual([]);
    });
  }
  for (const f of charts('invalid')) {
    it(`invalid/${f} gives exactly the expected findings`, () => {
      const file = path.join(DIR, 'invalid', f);
      const expected = JSON.parse(readFileSync(file.replace(/\.Chart\.yaml$/, '.expected.json'), 'utf8'));
      const got = check(file).map((r) => ({ file: r.location?.file, line: r.location?.line, column: r.location?.column, ...(r.severity ? { severity: r.severity } : {}), message: r.message }));
      expect(got).toEqual(expected);
    });
  }
  it('reports nothing when the input has no chart', () => {
    const reports: Report[] = [];
    rule.check({ options: {}, resources: [], index: new ResourceIndex([]), charts: [], ...emptyRuleInputs(), report: (r) => reports.push(r), settings: { kubeVersion: { major: 1, minor: 30 }, defaultNamespace: 'default', knownNamespaces: new Set(), baseDir: DIR, cwd: DIR } });
    expect(reports).toEqual([]);
  });
});

/** Lints one chart written from `files` (path inside the chart -> text) in a temporary directory. */
async function lintChart(name: string, files: Record<string, string>) {
  const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const { lint } = await import('../../src/lint.js');
  const root = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-chart-metadata-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name, rel)), { recursive: true });
      writeFileSync(path.join(root, name, rel), text);
    }
    return await lint({ paths: [name], cwd: root, configFile: path.join(FIXTURES, 'tester-config.json') });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('rule chart-metadata through lint()', () => {
  it('reports at the Chart.yaml lines of a chart the loader hands over', async () => {
    const result = await lintChart('todo-app', {
      'charts/frontend/Chart.yaml': 'apiVersion: v2\nname: frontend\nversion: 0.1.0\nappVersion: "1.0.0"\n',
      'Chart.yaml': [
        'apiVersion: v2', 'name: todo-app', 'version: 1.0.0', 'appVersion: 1.10',
        'dependencies:', '  - name: frontend', '    version: 0.1.0', '  - name: backend', '    version: 0.1.0', '',
      ].join('\n'),
      'values.yaml': '{}\n',
      'templates/.keep': '',
    });
    const got = result.findings.filter((f) => f.ruleId === 'chart-metadata').map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.message}`);
    expect(got).toEqual([
      'todo-app/Chart.yaml:4:13 appVersion 1.10 is read by YAML as the number 1.1, not a string: Helm uses "1.1"; quote it: appVersion: "1.10"',
      'todo-app/Chart.yaml:8:11 dependency backend is listed in Chart.yaml but not present under charts/; run helm dependency build',
    ]);
  });

  it('a library chart is not rendered and needs no appVersion, as helm lint has it', async () => {
    const result = await lintChart('todo-common', {
      'Chart.yaml': 'apiVersion: v2\nname: todo-common\ntype: library\nversion: v0.0.0\n',
      'templates/_helpers.tpl': '{{- define "todo-common.name" -}}todo{{- end -}}\n',
    });
    expect(result.findings.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.severity} ${f.ruleId} ${f.message}`)).toEqual([
      'todo-common/Chart.yaml:4:10 warning chart-metadata chart version v0.0.0 is not strict SemVer 2: Helm accepts it, but the strict form is 0.0.0',
    ]);
  });
});
