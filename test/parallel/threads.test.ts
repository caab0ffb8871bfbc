/**
 * Charts on worker threads (src/parallel/): the built CLI's output with
 * --threads 2 is byte for byte its output with --threads 1, on a monorepo of
 * several charts (one with a values variant) and raw manifests; one chart
 * stays on the main thread.
 */
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

  it('--threads takes a whole number from 1', () => {
    for (const bad of ['0', 'x', '1.5']) {
      const r = runCli(['.', '--threads', bad]);
      expect(r.stderr).toBe(`k8s-todo-lint: --threads expects a number of threads (1 or more), got "${bad}"\n`);
      expect(r.status).toBe(2);
    }
  });
});
