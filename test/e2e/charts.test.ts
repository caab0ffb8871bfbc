/**
 * Charts linted natively: findings land on template lines with `related` at
 * the values line, and match what linting `helm template` output gives.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-chart-');

function chartCopy(): string {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'fixtures/charts/todo'), path.join(dir, 'todo'), { recursive: true });
  writeFileSync(path.join(dir, '.k8s-todo-lint.json'), '{}');
  return dir;
}

const nodePortFindings = (stdout: string) => JSON.parse(stdout).findings.filter((f: any) => f.ruleId === 'nodeport-range');

describe('charts', () => {
  it('a bad nodePort in values.yaml is reported at the template action and the values line', () => {
    const dir = chartCopy();
    const values = path.join(dir, 'todo/values.yaml');
    writeFileSync(values, readFileSync(values, 'utf8').replace('nodePort: 30000}', 'nodePort: 29999}'));
    const r = runCli(['todo', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(nodePortFindings(r.stdout)).toEqual([
      {
        ruleId: 'nodeport-range',
        severity: 'error',
        message: 'nodePort 29999 is outside 30000-32767',
        file: 'todo/templates/services.yaml',
        line: 15,
        column: 17,
        endLine: 15,
        endColumn: 24,
        resource: { apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'frontend-svc' },
        path: 'spec.ports[0].nodePort',
        related: [{ file: 'todo/values.yaml', line: 7, column: 41, endLine: 7, endColumn: 46, message: 'value set here' }],
      },
    ]);
  });

  it('a value from --set is named in related', () => {
    const dir = chartCopy();
    const r = runCli(['todo', '-f', 'json', '--set', 'components.backend.service.nodePort=40000'], { cwd: dir });
    const f = nodePortFindings(r.stdout);
    expect(f.map((x: any) => [x.message, x.line, x.related])).toEqual([
      ['nodePort 40000 is outside 30000-32767', 15, [{ file: '<command line>', line: 1, column: 1, message: 'value set by --set components.backend.service.nodePort=40000' }]],
    ]);
  });

  it('names only files that exist, for nodes printed by helpers and tpl too', () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'fixtures/charts/shared-helpers'), path.join(dir, 'shop'), { recursive: true });
    writeFileSync(path.join(dir, '.k8s-todo-lint.json'), '{}');
    const findings = JSON.parse(runCli(['shop', '-f', 'json'], { cwd: dir }).stdout).findings;
    const files = findings.flatMap((f: any) => [f.file, ...(f.related ?? []).map((r: any) => r.file)]);
    expect(new Set(files)).toEqual(new Set(['shop/templates/config.yaml', 'shop/templates/web.yaml', 'shop/templates/worker.yaml', 'shop/templates/_helpers.tpl', 'shop/values.yaml']));
    for (const file of files) expect(existsSync(path.join(dir, file)), file).toBe(true);
  });

  it('gives the same findings as linting the output of `template`', () => {
    const dir = chartCopy();
    const rendered = runCli(['template', 'todo'], { cwd: dir });
    expect(rendered.status).toBe(0);
    const viaStdin = JSON.parse(runCli(['-', '-f', 'json'], { cwd: dir, input: rendered.stdout }).stdout);
    // ci/*-values.yaml renders add variant findings to the native lint; compare with the default render only.
    const native = JSON.parse(runCli(['todo', '-f', 'json'], { cwd: dir }).stdout);
    const key = (f: any) => `${f.ruleId} ${f.resource ? `${f.resource.kind}/${f.resource.name}` : ''} ${f.path ?? ''} ${f.message}`;
    const nativeDefault = native.findings.filter((f: any) => !/\(with values /.test(f.message) && f.ruleId !== 'chart-metadata');
    expect(nativeDefault.map(key).sort()).toEqual(viaStdin.findings.map(key).sort());
    expect(native.summary.resources).toBe(viaStdin.summary.resources);
  });

  it('skips `helm test` hook pods in raw mode as in chart mode (template | lint - agrees with lint <chart>)', () => {
    const dir = chartCopy();
    // A test pod with no resources, probes or securityContext: linted, it would add findings.
    writeFileSync(
      path.join(dir, 'todo/templates/test-connection.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-connection-test\n  annotations:\n    "helm.sh/hook": test-success, test\nspec:\n  restartPolicy: Never\n  containers:\n    - name: wget\n      image: busybox:latest\n      command: ["wget", "http://backend-svc:8000/health"]\n',
    );
    const rendered = runCli(['template', 'todo'], { cwd: dir });
    expect(rendered.stdout).toContain('name: release-name-connection-test');
    const viaStdin = JSON.parse(runCli(['-', '-f', 'json'], { cwd: dir, input: rendered.stdout }).stdout);
    const native = JSON.parse(runCli(['todo', '-f', 'json'], { cwd: dir }).stdout);
    const onTestPod = (out: any) => out.findings.filter((f: any) => f.resource?.name === 'release-name-connection-test');
    expect(onTestPod(viaStdin)).toEqual([]);
    expect(onTestPod(native)).toEqual([]);
    expect(viaStdin.summary.resources).toBe(native.summary.resources);
  });

  it('a values file that cannot be read is a user error: exit 2 and one line naming it as given', () => {
    const dir = chartCopy();
    const r = runCli(['todo', '-v', 'missing-values.yaml'], { cwd: dir });
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'k8s-todo-lint: cannot read values file missing-values.yaml: no such file or directory\n']);
  });

  it('a --set that does not parse is a user error: exit 2 and one line naming the flag', () => {
    const dir = chartCopy();
    const r = runCli(['todo', '--set', 'components[=1'], { cwd: dir });
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'k8s-todo-lint: cannot parse --set components[=...: error parsing index: EOF\n']);
  });

  it('a -v values file that does not parse is one yaml-syntax finding at its line and column', () => {
    const dir = chartCopy();
    writeFileSync(path.join(dir, 'staging.yaml'), 'components:\n  backend:\n\treplicas: 2\n');
    const r = runCli(['todo', '-v', 'staging.yaml', '-f', 'json'], { cwd: dir });
    const findings = JSON.parse(r.stdout).findings.map((f: any) => [f.ruleId, f.file, f.line, f.column, f.message]);
    expect(findings).toEqual([['yaml-syntax', 'staging.yaml', 3, 1, 'staging.yaml does not parse: found character that cannot start any token']]);
    expect(r.status).toBe(1);
  });
});
