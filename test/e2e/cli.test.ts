import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../support/run-cli.js';
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
    const r = runCli(['examples/designs/seed-000/todo-app.yaml']);
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
    expect(r.stdout).toMatch(/^service-type\s+error\s+Service types are the ones the design allows/m);
    expect(r.stdout).toMatch(/^probe-config\s+warning\s+Probe paths are the design's/m);
    expect(r.stdout).toMatch(/^naming-prefix\s+off\s+The resources of one component share its name prefix/m);
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

/** Runs the binary with standard input as given: 'null' (/dev/null) or 'closed' (no descriptor 0). */
function runWithStdin(args: string[], cwd: string, stdin: 'null' | 'closed'): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, NO_COLOR: '1' };
  const r =
    stdin === 'null'
      ? spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawnSync('sh', ['-c', `exec "$0" "$@" <&-`, process.execPath, BIN, ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('standard input without a path', () => {
  const CFG = { '.k8s-todo-lint.yaml': 'rules:\n  required-secret-keys: off\n' };

  it('`cat x.yaml | k8s-todo-lint` lints standard input, not the working directory', () => {
    const r = runCli(['-f', 'json'], { input: SERVICE, cwd: tmp(CFG) });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: any) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toContain('<stdin>:13:17 nodeport-range');
  });

  it('an empty pipe, /dev/null or a closed standard input (CI, git hooks) lints the working directory', () => {
    const dir = tmp({ ...CFG, 'svc.yaml': SERVICE });
    const expectDirLinted = (r: { status: number | null; stdout: string; stderr: string }) => {
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).findings.map((f: any) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toContain('svc.yaml:13:17 nodeport-range');
      expect(r.status).toBe(1);
    };
    expectDirLinted(runCli(['-f', 'json'], { cwd: dir, input: '' }));
    expectDirLinted(runCli(['-f', 'json'], { cwd: dir, input: '\n' }));
    expectDirLinted(runWithStdin(['-f', 'json'], dir, 'null'));
    expectDirLinted(runWithStdin(['-f', 'json'], dir, 'closed'));
  });

  it('capacity reads piped standard input too', () => {
    const r = runCli(['capacity', '-f', 'json'], { input: readFileSync(path.join(ROOT, 'examples/designs/seed-000/todo-app.yaml'), 'utf8'), cwd: tmp({}) });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).units[0].workloads.length).toBeGreaterThan(0);
  });
});

describe('newcomer paths', () => {
  it('--max-warnings exceeded says why, as ESLint does', () => {
    const dir = tmp({ 'svc.yaml': SERVICE.replace('29999', '30001') });
    const r = runCli(['svc.yaml', '--rule', 'required-secret-keys=warning', '--max-warnings', '0'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('k8s-todo-lint: too many warnings (1); maximum allowed is 0\n');
    expect(runCli(['svc.yaml', '--rule', 'required-secret-keys=warning', '--max-warnings', '1'], { cwd: dir }).stderr).toBe('');
  });

  it('the stylish summary counts the files the findings are in (a chart is one input, its findings in two templates)', () => {
    const svc = (name: string, port: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: ${port}\n`;
    const dir = tmp({
      'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: "1.0"\n',
      'web/values.yaml': '{}\n',
      'web/templates/a.yaml': svc('a', 29990),
      'web/templates/b.yaml': svc('b', 29991),
    });
    const r = runCli(['web', '--preset', 'generic'], { cwd: dir });
    expect(r.stdout.split('\n').filter((l) => l.includes('nodeport-range'))).toHaveLength(2);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('✖ 2 problems (2 errors, 0 warnings, 0 info) in 2 files, 2 resources');
  });

  it('--list-rules --format json is JSON: id, severity, description, docs', () => {
    const r = runCli(['--list-rules', '--format', 'json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list[0]).toEqual({
      id: 'image-naming',
      severity: 'error',
      description: 'Container images are named todo-<component>:<version> with an explicit tag',
      docs: 'https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/image-naming.md',
    });
    expect(list.map((x: any) => x.id)).toContain('unused-suppression');
  });

  it('-o makes missing directories; a missing -c file is one line, exit 2', () => {
    const dir = tmp({ 'svc.yaml': SERVICE });
    const r = runCli(['svc.yaml', '-f', 'json', '-o', 'reports/lint/out.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/lint/out.json'), 'utf8')).summary.files).toBe(1);
    const c = runCli(['svc.yaml', '-c', 'nope.yaml'], { cwd: dir });
    expect(c.status).toBe(2);
    expect(c.stderr).toBe('k8s-todo-lint: config file not found: nope.yaml\n');
  });

  it('config: `warn` is `warning` (config and --rule), and an unquoted kubeVersion says to quote it', () => {
    const dir = tmp({ 'svc.yaml': SERVICE, '.k8s-todo-lint.yaml': 'rules:\n  nodeport-range: warn\n  required-secret-keys: [warn]\n' });
    const r = runCli(['svc.yaml', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings.find((f: any) => f.ruleId === 'nodeport-range').severity).toBe('warning');
    const flag = runCli(['svc.yaml', '-f', 'json', '--rule', 'nodeport-range=warn', '-c', 'none.json'], { cwd: tmp({ 'svc.yaml': SERVICE, 'none.json': '{}' }) });
    expect(JSON.parse(flag.stdout).findings.find((f: any) => f.ruleId === 'nodeport-range').severity).toBe('warning');
    for (const [cfg, key] of [['kubeVersion: 1.30\n', 'kubeVersion'], ['helm:\n  kubeVersion: 1.30\n', 'helm.kubeVersion']]) {
      const bad = runCli(['svc.yaml'], { cwd: tmp({ 'svc.yaml': SERVICE, '.k8s-todo-lint.yaml': cfg }) });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toBe(`k8s-todo-lint: invalid config .k8s-todo-lint.yaml: ${key}: 1.30 must be quoted ("1.30"): unquoted, YAML reads it as the number 1.3\n`);
    }
  });
});

describe('presets', () => {
  const NOT_TODO = SERVICE.replace('app: todo', 'app.kubernetes.io/name: ingress');
  const ids = (r: { stdout: string }) => [...new Set(JSON.parse(r.stdout).findings.map((f: any) => f.ruleId))].sort();

  it('`extends: k8s-todo-lint:generic` keeps the Kubernetes rules and turns off the todo-app policy', () => {
    const dir = tmp({ 'svc.yaml': NOT_TODO, '.k8s-todo-lint.yaml': 'extends: k8s-todo-lint:generic\n' });
    expect(ids(runCli(['svc.yaml', '-f', 'json'], { cwd: tmp({ 'svc.yaml': NOT_TODO }) }))).toEqual(['nodeport-range', 'required-labels', 'required-secret-keys']);
    expect(ids(runCli(['svc.yaml', '-f', 'json'], { cwd: dir }))).toEqual(['nodeport-range']);
  });

  it('the config\'s rules and --rule layer over the preset; --preset replaces extends', () => {
    const dir = tmp({ 'svc.yaml': NOT_TODO, '.k8s-todo-lint.yaml': 'extends: k8s-todo-lint:generic\nrules:\n  required-labels: warn\n' });
    const r = runCli(['svc.yaml', '-f', 'json', '--rule', 'nodeport-range=off'], { cwd: dir });
    expect(ids(r)).toEqual(['required-labels']);
    expect(JSON.parse(r.stdout).findings[0].severity).toBe('warning');
    const viaFlag = runCli(['svc.yaml', '-f', 'json', '--preset', 'recommended'], { cwd: tmp({ 'svc.yaml': NOT_TODO, '.k8s-todo-lint.yaml': 'extends: k8s-todo-lint:generic\n' }) });
    expect(ids(viaFlag)).toEqual(['nodeport-range', 'required-labels', 'required-secret-keys']);
    expect(ids(runCli(['svc.yaml', '-f', 'json', '--preset', 'generic'], { cwd: tmp({ 'svc.yaml': NOT_TODO }) }))).toEqual(['nodeport-range']);
  });

  it('an unknown preset is exit 2', () => {
    expect(runCli(['--preset', 'strict']).status).toBe(2);
    const r = runCli(['svc.yaml'], { cwd: tmp({ 'svc.yaml': SERVICE, '.k8s-todo-lint.yaml': 'extends: strict\n' }) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^k8s-todo-lint: invalid config \.k8s-todo-lint\.yaml: extends must be one of "k8s-todo-lint:recommended", /);
  });
});

describe('Helm flags and versions', () => {
  const CHART = {
    'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: "1.0"\n',
    'web/values.yaml': 'replicas: 1\n',
    'web/templates/deploy.yaml': [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ .Release.Name }}-web', '  annotations:', '    kube: {{ .Capabilities.KubeVersion.Version | quote }}',
      'spec:', '  replicas: {{ .Values.replicas }}', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec:',
      '      containers:', '      - name: web', '        image: nginx:1.27', '        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}', '',
    ].join('\n'),
    'prod.yaml': 'replicas: 4\n',
  };

  it('capacity takes lint\'s Helm flags: --values, --set, --set-string, --release-name, --kube-version', () => {
    const dir = tmp(CHART);
    const workload = (args: string[]) => {
      const r = runCli(['capacity', 'web', '-f', 'json', ...args], { cwd: dir });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout).units[0].workloads[0];
    };
    expect(workload([])).toMatchObject({ name: 'release-name-web', replicas: 1 });
    expect(workload(['--values', 'prod.yaml'])).toMatchObject({ replicas: 4 });
    expect(workload(['-v', 'prod.yaml', '--set', 'replicas=2'])).toMatchObject({ replicas: 2 });
    expect(workload(['--set-string', 'replicas=3', '--release-name', 'shop', '--kube-version', '1.29'])).toMatchObject({ name: 'shop-web', replicas: 3 });
    expect(runCli(['capacity', 'web', '--kube-version', 'latest'], { cwd: dir }).stderr).toBe('k8s-todo-lint: --kube-version expects a version like 1.30, got "latest"\n');
  });

  it('template renders for the lint default Kubernetes version (v1.30.0) and says so in --help', () => {
    const dir = tmp(CHART);
    const r = runCli(['template', 'web'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('    kube: "v1.30.0"\n');
    expect(runCli(['template', 'web', '--kube-version', 'v1.36.0'], { cwd: dir }).stdout).toContain('    kube: "v1.36.0"\n');
    expect(runCli(['template', '--help']).stdout).toContain('(default v1.30.0, the\n                                 lint default; helm template\'s own is v1.36.0)');
  });
});

describe('standard output to /dev/null', () => {
  it('is no terminal, answered without loading node:tty (which loads net and streams)', () => {
    const dir = tmp({ 'svc.yaml': SERVICE });
    // Node's modules loaded by the end of the run, written straight to descriptor 2 (process.stderr is a stream too).
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList)));\n");
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, ['-r', probe, BIN, 'svc.yaml'], { cwd: dir, encoding: 'utf8', env, stdio: ['ignore', 'ignore', 'pipe'] });
    expect(r.status).toBe(1);
    const loaded = JSON.parse(r.stderr) as string[];
    expect(loaded.filter((m) => ['NativeModule tty', 'NativeModule net'].includes(m))).toEqual([]);
  });
});
