/**
 * Manifests modelled on the seed designs, each with the config its conventions
 * need (labels, Secret names, namespace): the faithful versions give no
 * finding, the planted ones exactly their planted defects (expected.json, reviewed by hand).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const DESIGNS = path.join(ROOT, 'fixtures/designs');
const brief = (stdout: string) =>
  JSON.parse(stdout).findings.map((f: any) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}${f.related ? ` [${f.related.map((r: any) => `${r.file}:${r.line}:${r.column}`).join(", ")}]` : ""}`);

describe('seed designs', () => {
  it('the seed-000 manifest gives no finding with the default config', () => {
    const r = runCli(['fixtures/seeds/todo-app.yaml', '-f', 'json', '--config', 'fixtures/rules/tester-config.json']);
    expect(brief(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  });
  for (const dir of readdirSync(DESIGNS).sort()) {
    const cwd = path.join(DESIGNS, dir);
    const expectedFile = path.join(cwd, 'expected.json');
    if (existsSync(expectedFile)) {
      it(`${dir}: exactly the planted defects`, () => {
        const r = runCli(['.', '-f', 'json'], { cwd });
        expect(brief(r.stdout)).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
        expect(r.status).toBe(1);
      });
    } else {
      it(`${dir}: no finding on the faithful version`, () => {
        const r = runCli(['.', '-f', 'json'], { cwd });
        expect(brief(r.stdout)).toEqual([]);
        expect(r.status).toBe(0);
      });
    }
  }
});
