/**
 * A chart's renders share the parse of its template files (src/helm/template/template.ts
 * parseShared): a linter renders a chart once per values file, and parsing the same texts
 * again was a tenth of each render. The trees are keyed by text, so a changed file is parsed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadChart, renderChart } from '../../src/helm/index.js';
import { parseStats } from '../../src/helm/template/template.js';

const repo = path.join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'helm-shared-parse-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/charts/todo-app with a comment unique to this run in every template: the parse cache outlives one test. */
function uniqueChart(): string {
  const dir = path.join(scratch, 'todo-app');
  cpSync(path.join(repo, 'fixtures/charts/todo-app'), dir, { recursive: true });
  const stamp = `{{/* ${path.basename(scratch)} */}}`;
  for (const t of ['templates/_helpers.tpl', 'charts/backend/templates/configmap.yaml', 'charts/backend/templates/deployment.yaml']) {
    const file = path.join(dir, t);
    writeFileSync(file, stamp + readFileSync(file, 'utf8'));
  }
  return dir;
}

it('parses each template file once across renders, and a changed file again', async () => {
  const dir = uniqueChart();
  const before = parseStats.files;
  const first = await renderChart(await loadChart(dir));
  const parsed = parseStats.files - before;
  expect(parsed).toBeGreaterThanOrEqual(3);

  // Another render, another load of the same files, other values: nothing parsed again.
  const again = await renderChart(await loadChart(dir), { set: ['backend.replicaCount=3'] });
  expect(parseStats.files - before).toBe(parsed);
  expect(again.output).not.toBe(first.output);
  expect((await renderChart(await loadChart(dir))).output).toBe(first.output);

  // A changed template (same name) is parsed and rendered as it now is.
  const file = path.join(dir, 'charts/backend/templates/configmap.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('data:', 'data:\n  CHANGED: "yes"'));
  const changed = await renderChart(await loadChart(dir));
  expect(parseStats.files - before).toBe(parsed + 1);
  expect(changed.output).toContain('CHANGED: "yes"');
  expect(first.output).not.toContain('CHANGED');
});
