/** Where the chart loader places a chart that cannot be loaded. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-load-charts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('reports a broken values.yaml at values.yaml, not at Chart.yaml', async () => {
  const dir = path.join(tmp, 'app');
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 1.0.0\nappVersion: "1.0.0"\n');
  writeFileSync(path.join(dir, 'values.yaml'), 'image: [1\n');
  writeFileSync(path.join(dir, 'templates/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  const result = await lint({ paths: ['app'], cwd: tmp });
  const render = result.findings.filter((f) => f.ruleId === 'helm-render');
  expect(render.map((f) => [f.location.file, f.location.line, f.location.column])).toEqual([['app/values.yaml', 1, 1]]);
  expect(render[0].message).toMatch(/^chart cannot be loaded: cannot load values\.yaml: /);
});
