import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-e2e-');

function tmp(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: todo-frontend
  namespace: todo-local
  labels:
    app: todo
spec:
  type: NodePort
  ports:
    - port: 3000
      targetPort: 3000
      nodePort: 29999
`;

describe('k8s-todo-lint (binary)', () => {
  it('reports a finding as JSON with its exact position and exits 1', () => {
    const dir = tmp({ 'svc.yaml': SERVICE, '.k8s-todo-lint.yaml': 'rules:\n  required-secret-keys: off\n' });
    const r = runCli(['svc.yaml', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    const np = out.findings.find((f: any) => f.ruleId === 'nodeport-range');
    expect(np).toEqual({
      ruleId: 'nodeport-range',
      severity: 'error',
      message: 'nodePort 29999 is outside 30000-32767',
      file: 'svc.yaml',
      line: 13,
      column: 17,
      endLine: 13,
      endColumn: 22,
      resource: { apiVersion: 'v1', kind: 'Service', namespace: 'todo-local', name: 'todo-frontend' },
      path: 'spec.ports[0].nodePort',
    });
    expect(out.summary.files).toBe(1);
    expect(out.summary.resources).toBe(1);
  });

  it('exits 0 on the faithful seed manifest', () => {
    const r = runCli(['fixtures/seeds/todo-app.yaml']);
    expect(r.stdout).toBe('✔ 0 problems (0 errors, 0 warnings, 0 info) in 1 file, 8 resources\n');
    expect(r.status).toBe(0);
  });

  it('prints stylish output grouped by file', () => {
    const dir = tmp({ 'svc.yaml': SERVICE, 'cfg.json': '{}' });
    const r = runCli(['svc.yaml', '--rule', 'required-secret-keys=off', '--config', 'cfg.json'], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toBe('svc.yaml');
    expect(r.stdout).toContain('  13:17  error  nodePort 29999 is outside 30000-32767  nodeport-range');
    expect(r.status).toBe(1);
  });

  it('reads standard input with -', () => {
    const r = runCli(['-', '-f', 'json', '--rule', 'required-secret-keys=off'], { input: SERVICE, cwd: tmp({ 'cfg.yaml': '' }) });
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: any) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toContain('<stdin>:13:17 nodeport-range');
  });

  it('--quiet hides warnings and --max-warnings turns them into exit 1', () => {
    const dir = tmp({ 'd.yaml': SERVICE.replace('29999', '30001') });
    const base = ['d.yaml', '--rule', 'required-secret-keys=warning', '--rule', 'image-naming=off'];
    const noSecretRef = runCli([...base, '-f', 'json'], { cwd: dir });
    expect(JSON.parse(noSecretRef.stdout).summary.errors).toBe(0);
    // A Pod that satisfies every rule but refers to a Secret the input does not define (a warning).
    const pod = [
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: p, labels: {app: todo}}', 'spec:',
      '  securityContext: {runAsNonRoot: true, runAsUser: 1000}', '  containers:', '  - name: c', '    image: todo-a:1',
      '    imagePullPolicy: IfNotPresent', '    ports: [{name: http, containerPort: 8080}]',
      '    resources: {requests: {cpu: 10m, memory: 10Mi}, limits: {cpu: 20m, memory: 20Mi}}',
      '    livenessProbe: {tcpSocket: {port: http}}', '    readinessProbe: {tcpSocket: {port: http}}',
      '    envFrom: [{secretRef: {name: todo-secrets}}]', '',
    ].join('\n');
    const dep = tmp({ 'd.yaml': pod });
    const warn = runCli(['d.yaml', '-f', 'json'], { cwd: dep });
    const summary = JSON.parse(warn.stdout).summary;
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBeGreaterThan(0);
    expect(warn.status).toBe(0);
    expect(runCli(['d.yaml', '--max-warnings', '0'], { cwd: dep }).status).toBe(1);
    const quiet = runCli(['d.yaml', '--quiet', '-f', 'json'], { cwd: dep });
    expect(JSON.parse(quiet.stdout).findings).toEqual([]);
  });

  it('--list-rules prints every rule with its default severity', () => {
    const r = runCli(['--list-rules']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^image-naming\s+error\s+Container images are named/m);
    expect(r.stdout).toMatch(/^cluster-capacity\s+error\s+/m);
  });

  it('a path that does not exist is exit 2 with one line', () => {
    const r = runCli(['no/such/dir']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('k8s-todo-lint: path not found: no/such/dir\n');
    expect(r.stdout).toBe('');
  });

  it('a bad config is exit 2 with one line naming the key', () => {
    const dir = tmp({ 'a.yaml': SERVICE, '.k8s-todo-lint.yaml': 'rules:\n  replicas-rangee: warning\n' });
    const r = runCli(['a.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('k8s-todo-lint: invalid config .k8s-todo-lint.yaml: unknown rule "replicas-rangee" in rules\n');
    const dir2 = tmp({ 'a.yaml': SERVICE, '.k8s-todo-lint.yaml': 'rules:\n  nodeport-range: [error, {min: "low"}]\n' });
    const r2 = runCli(['a.yaml'], { cwd: dir2 });
    expect(r2.status).toBe(2);
    expect(r2.stderr).toBe('k8s-todo-lint: invalid config .k8s-todo-lint.yaml: rules.nodeport-range[1].min must be integer\n');
  });

  it('bad arguments are exit 2', () => {
    expect(runCli(['--format', 'xml']).status).toBe(2);
    expect(runCli(['--max-warnings', 'many']).stderr).toBe('k8s-todo-lint: --max-warnings expects a number, got "many"\n');
  });

  it('an empty directory is exit 2', () => {
    const r = runCli(['.'], { cwd: tmp({}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('k8s-todo-lint: nothing to lint in .: no YAML/JSON manifests or charts found\n');
  });
});
