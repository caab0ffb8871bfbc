import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { FIXTURES, testRule } from '../support/rule-tester.js';

testRule('image-tag-matches');

/** Charts: the tester lints single files, so chart cases lint fixtures/rules/image-tag-matches/charts/<name>. */
const CHARTS = path.join(FIXTURES, 'image-tag-matches/charts');
async function chartFindings(name: string, resources: number) {
  const result = await lint({ paths: [name], cwd: CHARTS, configFile: path.join(FIXTURES, 'tester-config.json') });
  // The charts must render, or an empty list would prove nothing.
  expect(result.findings.filter((f) => f.ruleId === 'helm-render')).toEqual([]);
  expect(result.summary.resources).toBe(resources);
  return result.findings.filter((f) => f.ruleId === 'image-tag-matches').map((f) => ({
    at: `${f.location.file}:${f.location.line}:${f.location.column}`,
    message: f.message,
    related: (f.related ?? []).map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`),
  }));
}

describe('image-tag-matches on charts', () => {
  it('a values tag for the repository wins over appVersion; a template that ignores it is reported', async () => {
    expect(await chartFindings('values-tag', 2)).toEqual([{
      at: 'values-tag/templates/deployments.yaml:17:18',
      message: 'image todo-frontend:1.0.0 is tagged 1.0.0, but the version is 1.1.0 (frontend.image.tag in values-tag/values.yaml)',
      related: ['values-tag/values.yaml:4:10 frontend.image.tag: 1.1.0'],
    }]);
  });
  it('an empty values tag means appVersion; images outside the pattern are not checked', async () => {
    expect(await chartFindings('app-version', 1)).toEqual([{
      at: 'app-version/templates/deployments.yaml:20:18',
      message: "image todo-backend:phase3 is tagged phase3, but the version is phase4 (the chart's appVersion (app-version/Chart.yaml))",
      related: ['app-version/Chart.yaml:4:13 appVersion phase4'],
    }]);
  });
  it('a subchart\'s own values and appVersion name its images, not the parent\'s', async () => {
    expect(await chartFindings('umbrella', 2)).toEqual([{
      at: 'umbrella/charts/backend/templates/deployment.yaml:17:18',
      message: "image todo-backend:2.0 is tagged 2.0, but the version is 1.0.0 (the chart's appVersion (umbrella/charts/backend/Chart.yaml))",
      related: ['umbrella/charts/backend/Chart.yaml:4:13 appVersion 1.0.0'],
    }]);
  });
  it('a loose values tag or appVersion both name a version', async () => {
    expect(await chartFindings('loose-tag', 2)).toEqual([]);
  });
});
