/**
 * `--context`: named files (what pre-commit passes) linted within their project, so
 * cross-file rules see the files that were not named, and only the named files are reported.
 * A copy of fixtures/repos/todo-mixed: raw manifests in k8s/, one resource per file.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-context-');

function repo(opts: { config?: boolean } = {}): string {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'fixtures/repos/todo-mixed'), dir, { recursive: true });
  if (opts.config === false) {
    rmSync(path.join(dir, '.k8s-todo-lint.yaml'));
    mkdirSync(path.join(dir, '.git'));
  }
  return dir;
}

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

const findings = (stdout: string) => JSON.parse(stdout).findings.map((f: any) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);

describe('--context', () => {
  it('without it, a Service file alone selects no pod (its Deployment is in another file)', () => {
    const r = runCli(['k8s/40-frontend-svc.yaml', '-f', 'json'], { cwd: repo() });
    expect(findings(r.stdout)).toContain('service-selector-match k8s/40-frontend-svc.yaml:10:5');
  });

  it('auto: the project of the config file feeds the cross-file rules; one consistent file passes', () => {
    const r = runCli(['--context', 'auto', 'k8s/40-frontend-svc.yaml', '-f', 'json'], { cwd: repo() });
    expect(findings(r.stdout)).toEqual([]);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 1, resources: 1 });
    expect(r.status).toBe(0);
  });

  it('auto without a config: the git top level, also from a subdirectory', () => {
    // From charts/, whose own tree holds no Deployment: only the top level has the one it selects.
    const r = runCli(['--context', 'auto', '../k8s/40-frontend-svc.yaml', '-f', 'json'], { cwd: path.join(repo({ config: false }), 'charts') });
    expect(findings(r.stdout)).toEqual([]);
  });

  it('reports a cross-file defect of the named file at its line, and nothing of the files only read', () => {
    const dir = repo();
    edit(path.join(dir, 'k8s/40-frontend-svc.yaml'), 'component: frontend', 'component: web');
    // A defect in a file that is not named: read for context, not reported.
    edit(path.join(dir, 'k8s/20-backend-svc.yaml'), 'component: backend', 'component: api');
    const r = runCli(['--context', '.', 'k8s/40-frontend-svc.yaml', '-f', 'json'], { cwd: dir });
    expect(findings(r.stdout)).toEqual(['service-selector-match k8s/40-frontend-svc.yaml:10:5']);
    expect(JSON.parse(r.stdout).findings[0].message).toMatch(/^Service frontend-svc selects no pod/);
    expect(r.status).toBe(1);
  });

  it('a file inside a chart stands for its chart, which is reported whole; the raw manifests stay context', () => {
    const dir = repo();
    edit(path.join(dir, 'k8s/20-backend-svc.yaml'), 'component: backend', 'component: api');
    const r = runCli(['--context', 'auto', 'charts/todo-app/values.yaml', '-f', 'json'], { cwd: dir });
    expect(findings(r.stdout)).toEqual([]);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 1, resources: 5 });
  });

  it('a context directory that does not exist is exit 2', () => {
    const r = runCli(['--context', 'nowhere', 'k8s/40-frontend-svc.yaml'], { cwd: repo() });
    expect(r.stderr).toMatch(/--context: directory not found: nowhere/);
    expect(r.status).toBe(2);
  });
});
