/**
 * Deployment units: the README's `k8s-todo-lint ./k8s ./charts` on a repository holding
 * the same app as raw manifests and as a chart (fixtures/repos/todo-mixed). Each chart
 * release and the raw manifests given together are one unit each; `units: shared` in the
 * config puts them in one cluster.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-units-');

const REPO = path.join(ROOT, 'fixtures/repos/todo-mixed');

const findings = (stdout: string) => JSON.parse(stdout).findings.map((f: any) => `${f.ruleId} ${f.file}:${f.line}`);

describe('deployment units', () => {
  it('lints raw manifests and a chart of the same app as two units: no duplicate, capacity counted once', () => {
    const r = runCli(['./k8s', './charts', '-f', 'json'], { cwd: REPO });
    expect(r.stderr).toBe('');
    expect(findings(r.stdout)).toEqual([]);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 6, resources: 10, errors: 0 });
    expect(r.status).toBe(0);
  });

  it('with units: shared, both go to one cluster: duplicates and the doubled capacity are reported', () => {
    const r = runCli(['./k8s', './charts', '-f', 'json', '-c', 'shared-cluster.k8s-todo-lint.yaml'], { cwd: REPO });
    expect(findings(r.stdout)).toEqual([
      'duplicate-resource charts/todo-app/templates/backend.yaml:4',
      'duplicate-resource charts/todo-app/templates/backend.yaml:45',
      'duplicate-resource charts/todo-app/templates/frontend.yaml:4',
      'duplicate-resource charts/todo-app/templates/frontend.yaml:45',
      'nodeport-range charts/todo-app/templates/frontend.yaml:55',
      'duplicate-resource charts/todo-app/templates/secret.yaml:4',
      'cluster-capacity k8s/10-backend.yaml:33',
    ]);
    const capacity = JSON.parse(r.stdout).findings.find((f: any) => f.ruleId === 'cluster-capacity');
    expect(capacity.message).toMatch(/^total cpu limits 2 are 133\.3% of allocatable 1500m/);
    expect(r.status).toBe(1);
  });

  it('capacity shows each unit on its own: the README command counts each unit once, not their sum', () => {
    const units = (args: string[]) => {
      const r = runCli(['capacity', './k8s', './charts', '-f', 'json', ...args], { cwd: REPO });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout).units.map((u: any) => ({ unit: u.unit, workloads: u.workloads.map((w: any) => w.name), cpuLimits: u.total.limits.cpu, percent: u.percent.limits.cpu }));
    };
    expect(units([])).toEqual([
      { unit: 'manifests', workloads: ['backend', 'frontend'], cpuLimits: '1', percent: 66.7 },
      { unit: 'chart charts/todo-app', workloads: ['backend', 'frontend'], cpuLimits: '1', percent: 66.7 },
    ]);
    expect(units(['-c', 'shared-cluster.k8s-todo-lint.yaml'])).toEqual([
      { unit: 'all inputs (units: shared)', workloads: ['backend', 'frontend', 'backend', 'frontend'], cpuLimits: '2', percent: 133.3 },
    ]);
    const text = runCli(['capacity', './k8s', './charts', '--no-color'], { cwd: REPO }).stdout;
    expect(text.split('\n').filter((l) => l.startsWith('Cluster capacity') || l.startsWith('TOTAL'))).toEqual([
      'Cluster capacity of manifests  allocatable: cpu 1500m, memory 6Gi; limits bar 70% (│)',
      'TOTAL                                  200m     1        512Mi    1Gi',
      'Cluster capacity of chart charts/todo-app  allocatable: cpu 1500m, memory 6Gi; limits bar 70% (│)',
      'TOTAL                                  200m     1        512Mi    1Gi',
    ]);
  });

  it('units takes separate or shared; anything else is an invalid config (exit 2)', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.k8s-todo-lint.yaml'), 'units: together\n');
    writeFileSync(path.join(dir, 'app.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: todo, labels: {app: todo}}\n');
    const r = runCli(['app.yaml'], { cwd: dir });
    expect(r.stderr).toBe('k8s-todo-lint: invalid config .k8s-todo-lint.yaml: units must be one of "separate", "shared"\n');
    expect(r.status).toBe(2);
  });
});
