/** Where the chart loader places a chart that cannot be loaded. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-load-charts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('reports a broken values.yaml as yaml-syntax at the line and column of the error, not at Chart.yaml', async () => {
  const dir = path.join(tmp, 'app');
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 1.0.0\nappVersion: "1.0.0"\n');
  writeFileSync(path.join(dir, 'values.yaml'), 'image: [1\n');
  writeFileSync(path.join(dir, 'templates/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  const result = await lint({ paths: ['app'], cwd: tmp });
  const found = result.findings.filter((f) => f.ruleId === 'helm-render' || f.ruleId === 'yaml-syntax');
  expect(found.map((f) => [f.ruleId, f.location.file, f.location.line, f.location.column, f.message])).toEqual([
    ['yaml-syntax', 'app/values.yaml', 2, 1, "values.yaml does not parse: did not find expected ',' or ']'"],
  ]);
});

it('reads suppression comments of templates, a byte order mark kept in their columns as in the file', async () => {
  const findingsOf = async (name: string, bom: string) => {
    const dir = path.join(tmp, name);
    mkdirSync(path.join(dir, 'templates'), { recursive: true });
    writeFileSync(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\nappVersion: "1.0.0"\n`);
    writeFileSync(path.join(dir, 'templates/cm.yaml'), `${bom}# k8s-todo-lint-disable-next-line image-naming\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n`);
    const result = await lint({ paths: [name], cwd: tmp });
    return result.findings.filter((f) => f.ruleId === 'unused-suppression').map((f) => [f.location.file, f.location.line, f.location.column, f.location.endColumn]);
  };
  expect(await findingsOf('plain', '')).toEqual([['plain/templates/cm.yaml', 1, 1, 47]]);
  expect(await findingsOf('bom', '\uFEFF')).toEqual([['bom/templates/cm.yaml', 1, 2, 48]]);
});
