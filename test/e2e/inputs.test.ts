/** How PATHs expand: .gitignore, config `ignore`, globs, charts, --output-file. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-inputs-');

const BAD = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, labels: {app: todo}}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 80}]\n`;

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const files = (stdout: string) => [...new Set(JSON.parse(stdout).findings.map((f: any) => f.file))];

describe('inputs', () => {
  it('honours .gitignore (nested too) and the config ignore globs, and skips node_modules', () => {
    const dir = tree({
      '.gitignore': 'generated/\n',
      'k8s/.gitignore': 'local-*.yaml\n',
      'k8s/app.yaml': BAD('app'),
      'k8s/local-dev.yaml': BAD('dev'),
      'generated/out.yaml': BAD('gen'),
      'node_modules/pkg/x.yaml': BAD('nm'),
      'k8s/app.example.yaml': BAD('example'),
      '.k8s-todo-lint.yaml': 'ignore: ["**/*.example.yaml"]\nrules: {required-secret-keys: off}\n',
    });
    const r = runCli(['.', '-f', 'json'], { cwd: dir });
    expect(files(r.stdout)).toEqual(['k8s/app.yaml']);
  });

  it('expands globs, and a glob that matches nothing is exit 2', () => {
    const dir = tree({ 'a/one.yaml': BAD('one'), 'b/two.yml': BAD('two'), 'c.json': '{}', '.k8s-todo-lint.json': '{}' });
    expect(files(runCli(['**/*.y*ml', '-f', 'json'], { cwd: dir }).stdout)).toEqual(['a/one.yaml', 'b/two.yml']);
    const none = runCli(['nothing/**/*.yaml'], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('k8s-todo-lint: no files match nothing/**/*.yaml\n');
  });

  it('unpacks List kinds and reads JSON manifests', () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [JSON.parse(JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', labels: { app: 'todo' } }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 81 }] } }))] }, null, 2);
    const dir = tree({ 'list.json': list, '.k8s-todo-lint.json': '{"rules": {"required-secret-keys": "off", "service-selector-match": "off"}}' });
    const out = JSON.parse(runCli(['list.json', '-f', 'json'], { cwd: dir }).stdout);
    expect(out.summary.resources).toBe(1);
    expect(out.findings.map((f: any) => `${f.line}:${f.column} ${f.path} ${f.message}`)).toContain('19:25 spec.ports[0].nodePort nodePort 81 is outside 30000-32767');
  });

  it('writes the report to --output-file and nothing to stdout', () => {
    const dir = tree({ 'a.yaml': BAD('a'), '.k8s-todo-lint.json': '{}' });
    const r = runCli(['a.yaml', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.files).toBe(1);
  });

  it('colours stylish output with FORCE_COLOR and never with NO_COLOR', () => {
    const dir = tree({ 'a.yaml': BAD('a'), '.k8s-todo-lint.json': '{}' });
    expect(runCli(['a.yaml'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toContain('\u001b[');
    expect(runCli(['a.yaml'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(runCli(['a.yaml', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).not.toContain('\u001b[');
  });
});
