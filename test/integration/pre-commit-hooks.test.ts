/**
 * The pre-commit hook definition: what pre-commit needs to install and run it,
 * and which files its filter hands to the linter (pre-commit applies `files`
 * and `exclude` with Python's re.search; these patterns mean the same in JS).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8'));
const hook = hooks[0];

function selected(path: string): boolean {
  return new RegExp(hook.files).test(path) && !new RegExp(hook.exclude).test(path);
}

describe('.pre-commit-hooks.yaml', () => {
  it('defines one serial node hook running the package bin', () => {
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({ id: 'k8s-todo-lint', language: 'node', entry: 'k8s-todo-lint --context auto', require_serial: true });
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
  });

  it.each([
    'k8s/deployment.yaml',
    'k8s/base/service.yml',
    'deploy/k8s/secret.json',
    'charts/todo/Chart.yaml',
    'charts/todo/values.yaml',
    'charts/todo/templates/deployment.yaml',
    'charts/todo/templates/_helpers.tpl',
    'charts/todo/.helmignore',
    'charts/todo/values.schema.json',
    'helm/todo/templates/svc.yaml',
    'infra/kubernetes/app.yaml',
    'manifests/all.yml',
  ])('lints %s', (path) => {
    expect(selected(path)).toBe(true);
  });

  it.each([
    '.pre-commit-config.yaml',
    'k8s/.pre-commit-config.yaml',
    '.github/workflows/ci.yml',
    'deploy/.github/workflows/ci.yml',
    '.gitlab-ci.yml',
    'k8s/package.json',
    'deploy/tsconfig.build.json',
    'docker-compose.yaml',
    'src/config.yaml',
    'charts/todo/templates/NOTES.txt',
    'charts/todo/README.md',
    'k8s/deployment.yaml.bak',
    'mycharts/x.yaml',
  ])('leaves %s alone', (path) => {
    expect(selected(path)).toBe(false);
  });
});
