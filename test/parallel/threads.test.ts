/**
 * Charts on worker threads (src/parallel/): the built CLI's output with
 * --threads 2 is byte for byte its output with --threads 1, on a monorepo of
 * several charts (one with a values variant) and raw manifests; one chart
 * stays on the main thread.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { makeMonorepo } from '../support/monorepo.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-threads-');

describe('worker threads', () => {
  it('give the same output as the main thread alone, in every format that lists findings', () => {
    const dir = tempDir();
    makeMonorepo(dir);
    for (const format of ['json', 'sarif']) {
      const one = runCli(['.', '-f', format, '--threads', '1', '--verbose'], { cwd: dir });
      const two = runCli(['.', '-f', format, '--threads', '2', '--verbose'], { cwd: dir });
      expect(one.stderr).not.toContain('worker threads');
      expect(two.stderr).toContain('k8s-todo-lint: note: 2 worker threads rendered and linted the charts\n');
      expect(two.stdout).toBe(one.stdout);
      expect(two.status).toBe(one.status);
    }
    const result = JSON.parse(runCli(['.', '-f', 'json', '--threads', '2'], { cwd: dir }).stdout);
    // The variant's findings say which values file they need; the raw directories' duplicates are found across them.
    expect(result.findings.some((f: any) => / \(with values charts\/app2\/ci\/pull-values\.yaml\)$/.test(f.message))).toBe(true);
    expect(result.findings.some((f: any) => f.ruleId === 'duplicate-resource' && f.file === 'manifests/b/todo.yaml')).toBe(true);
    expect(result.summary.files).toBe(6);
  });

  it('leave one chart, and a file, on the main thread; K8S_TODO_LINT_THREADS sets the default', () => {
    const dir = tempDir();
    makeMonorepo(dir, 1);
    expect(runCli([path.join('charts', 'app1'), 'manifests', '--verbose'], { cwd: dir }).stderr).not.toContain('worker threads');
    const three = tempDir();
    makeMonorepo(three, 3);
    expect(runCli(['charts', '--verbose'], { cwd: three, env: { K8S_TODO_LINT_THREADS: '1' } }).stderr).not.toContain('worker threads');
    expect(runCli(['charts', '--verbose'], { cwd: three, env: { K8S_TODO_LINT_THREADS: '2' } }).stderr).toContain('2 worker threads');
  });

  it('split the values variants of one chart: a comment only a variant uses is used, as on one thread', () => {
    const dir = tempDir();
    makeMonorepo(dir, 2);
    const chart = path.join(dir, 'charts/app2');
    writeFileSync(path.join(chart, 'ci/replicas-values.yaml'), 'frontend:\n  replicaCount: 2\n');
    const template = path.join(chart, 'charts/backend/templates/deployment.yaml');
    const lines = readFileSync(template, 'utf8').split('\n');
    // Line 22 sets imagePullPolicy: only ci/pull-values.yaml makes it Always, which image-pull-policy reports.
    lines.splice(21, 0, '          # k8s-todo-lint-disable-next-line replicas -- never used', '          # k8s-todo-lint-disable-next-line image-pull-policy -- pulled on purpose in CI');
    writeFileSync(template, lines.join('\n'));
    const one = runCli(['charts/app2', '-f', 'json', '--threads', '1', '--report-suppressed'], { cwd: dir });
    const two = runCli(['charts/app2', '-f', 'json', '--threads', '2', '--report-suppressed', '--verbose'], { cwd: dir });
    expect(two.stderr).toContain('2 worker threads');
    expect(two.stdout).toBe(one.stdout);
    const result = JSON.parse(two.stdout);
    expect(result.findings.filter((f: any) => f.ruleId === 'unused-suppression' && !f.suppressed).map((f: any) => `${f.file}:${f.line}`)).toEqual(['charts/app2/charts/backend/templates/deployment.yaml:22']);
    expect(result.findings.filter((f: any) => f.suppressed).map((f: any) => `${f.ruleId} ${f.line}`)).toContain('image-pull-policy 24');
  });

  it('--threads takes a whole number from 1', () => {
    for (const bad of ['0', 'x', '1.5']) {
      const r = runCli(['.', '--threads', bad]);
      expect(r.stderr).toBe(`k8s-todo-lint: --threads expects a number of threads (1 or more), got "${bad}"\n`);
      expect(r.status).toBe(2);
    }
  });
});
