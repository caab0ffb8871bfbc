/**
 * chart-metadata reads ctx.charts, which the chart loader fills; until it
 * does, the rule's check runs here with a fake context over the Chart.yaml
 * fixtures (valid/*.Chart.yaml: no finding; invalid/*.Chart.yaml: exactly
 * <name>.expected.json). Every fixture chart has frontend and backend under charts/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChartInput, Report, RuleContext } from '../../src/engine/rule.js';
import { ResourceIndex } from '../../src/engine/resource-index.js';
import { rule } from '../../rules/chart-metadata.js';
import { FIXTURES } from '../support/rule-tester.js';

const DIR = path.join(FIXTURES, 'chart-metadata');

function check(file: string): Report[] {
  const chart: ChartInput = {
    dir: path.dirname(file),
    file: path.basename(file),
    text: readFileSync(file, 'utf8'),
    presentDependencies: ['frontend', 'backend'],
  };
  const reports: Report[] = [];
  const ctx: RuleContext<Record<string, never>> = {
    options: {},
    resources: [],
    index: new ResourceIndex([]),
    settings: { kubeVersion: '1.30', defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: DIR, cwd: DIR },
    charts: [chart],
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
      const got = check(file).map((r) => ({ file: r.location?.file, line: r.location?.line, column: r.location?.column, message: r.message }));
      expect(got).toEqual(expected);
    });
  }
  it('reports nothing when the input has no chart', () => {
    const reports: Report[] = [];
    rule.check({ options: {}, resources: [], index: new ResourceIndex([]), charts: [], report: (r) => reports.push(r), settings: { kubeVersion: '1.30', defaultNamespace: 'default', knownNamespaces: new Set(), baseDir: DIR, cwd: DIR } });
    expect(reports).toEqual([]);
  });
});
