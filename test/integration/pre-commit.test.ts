/**
 * The pre-commit hook, end to end with the real `pre-commit` (Debian's; .ci/run
 * installs it on CI). A temporary repository's .pre-commit-config.yaml points at
 * THIS checkout at its HEAD commit: pre-commit clones it, installs it as a node
 * hook (npm install, npm pack, install of the tarball), then runs it. So this
 * tests what is committed, not the working tree.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badServiceManifest, cleanManifest, cleanNpmEnv, commandExists, repoRoot, run } from './support.js';

const havePreCommit = commandExists('pre-commit') && commandExists('git');

describe.skipIf(!havePreCommit)('pre-commit hook', { timeout: 600_000 }, () => {
  // Made in beforeAll, not while collecting: a skipped describe still runs its body, but not its hooks.
  let work = '';
  let repo = '';
  let rev = '';
  let env: ReturnType<typeof cleanNpmEnv> = {};
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'k8s-todo-lint-pre-commit-'));
    rev = run('git', ['rev-parse', 'HEAD'], { cwd: repoRoot }).stdout.trim();
    // A private cache: the hook is installed from scratch, as a user's first run would.
    env = cleanNpmEnv({ PRE_COMMIT_HOME: join(work, 'cache'), GIT_CONFIG_NOSYSTEM: '1' });
  });
  // Removing the hook's installed node_modules can take longer than the default 10 s hook timeout on a busy machine.
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  const git = (...args: string[]) => {
    const r = run('git', args, { cwd: repo, env });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.trim();
  };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const preCommit = () => run('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: repo, env });
  /** `pre-commit run` as the git hook runs it: on the staged files only. */
  const preCommitStaged = () => run('pre-commit', ['run', '--color', 'never'], { cwd: repo, env });
  // The same pre-commit cache (one install of the hook) for every repository.
  const newRepo = (name: string) => {
    expect(rev).toMatch(/^[0-9a-f]{40}$/);
    repo = join(work, name);
    mkdirSync(repo, { recursive: true });
    git('init', '-q');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'k8s-todo-lint test');
    write('.pre-commit-config.yaml', `repos:\n  - repo: ${repoRoot}\n    rev: ${rev}\n    hooks:\n      - id: k8s-todo-lint\n`);
  };
  const edit = (path: string, from: string, to: string) => {
    const text = readFileSync(join(repo, path), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(repo, path), text.replace(from, to));
  };

  it('passes a clean tree (leaving CI YAML alone) and fails a violation', () => {
    newRepo('repo');
    write('k8s/config.yaml', cleanManifest);
    // Not Kubernetes: the hook's filter must not hand it to the linter.
    write('.github/workflows/ci.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n');
    git('add', '.');

    const clean = preCommit();
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/^k8s-todo-lint\.+Passed$/m);

    write('k8s/service.yaml', badServiceManifest);
    git('add', '.');
    const bad = preCommit();
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/^k8s-todo-lint\.+Failed$/m);
    expect(bad.stdout).toContain('k8s/service.yaml');
    expect(bad.stdout).toMatch(/14:17 +error +nodePort 29999 is outside 30000-32767 +nodeport-range/);
  });

  it('lints a commit of one file of a multi-file app within its project', () => {
    // The app's Deployments and Services are in separate files (fixtures/repos/todo-mixed).
    newRepo('multi-file');
    cpSync(join(repoRoot, 'fixtures/repos/todo-mixed'), repo, { recursive: true });
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'the app');

    // A consistent change to the frontend Service alone: its Deployment is in another file.
    edit('k8s/40-frontend-svc.yaml', '  type: NodePort', '  type: NodePort\n  sessionAffinity: None');
    git('add', 'k8s/40-frontend-svc.yaml');
    const ok = preCommitStaged();
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^k8s-todo-lint\.+Passed$/m);

    // The same file now selects no pod of the app: reported at the selector (line 11 since the
    // edit above), in that file only.
    edit('k8s/40-frontend-svc.yaml', 'component: frontend', 'component: web');
    git('add', 'k8s/40-frontend-svc.yaml');
    const bad = preCommitStaged();
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/^k8s-todo-lint\.+Failed$/m);
    expect(bad.stdout).toContain('k8s/40-frontend-svc.yaml');
    expect(bad.stdout).toMatch(/^ {2}11:5 +error +Service frontend-svc selects no pod: no workload in namespace default has pod labels component=web +service-selector-match$/m);
    expect(bad.stdout).toMatch(/1 problem \(1 error/);
  });

  it('stops a commit of a Secret with real values (no-committed-secrets) and lets its .example through', () => {
    newRepo('secrets');
    write('k8s/config.yaml', cleanManifest);
    const real = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: app-secrets',
      '  namespace: todo',
      '  labels:',
      '    app: todo',
      'type: Opaque',
      'stringData:',
      '  DATABASE_URL: postgresql://todo:Sup3rS3cret@ep-cool-name.neon.tech/todo',
      '  OPENAI_API_KEY: sk-proj-abcdefghijklmnopqrstuvwxyz0123',
      '',
    ].join('\n');
    const template = real.replace(/(DATABASE_URL|OPENAI_API_KEY): .*/g, '$1: <$1>');
    // The design's template, and the same under a name the hook hands to the linter: both pass.
    write('k8s/secret.yaml.example', template);
    write('k8s/secret.example.yaml', template);
    run('pre-commit', ['install'], { cwd: repo, env });
    git('add', '.');
    const ok = run('git', ['commit', '-q', '-m', 'config and the Secret template'], { cwd: repo, env });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);

    // The real Secret, staged: the commit is refused at each value, and no value is printed.
    write('k8s/secret.yaml', real);
    git('add', 'k8s/secret.yaml');
    const bad = run('git', ['commit', '-q', '-m', 'the real Secret'], { cwd: repo, env });
    const out = bad.stdout + bad.stderr;
    expect(bad.status, out).not.toBe(0);
    expect(out).toMatch(/^k8s-todo-lint\.+Failed$/m);
    expect(out).toContain('k8s/secret.yaml');
    expect(out).toMatch(/10:17 +error +Secret app-secrets key DATABASE_URL holds a real-looking value in k8s\/secret\.yaml, which git tracks or has staged; .* +no-committed-secrets/);
    expect(out).toMatch(/11:19 +error +Secret app-secrets key OPENAI_API_KEY holds a real-looking value in k8s\/secret\.yaml/);
    expect(out).not.toMatch(/Sup3rS3cret|sk-proj/);
    expect(git('log', '--format=%s')).toBe('config and the Secret template');
  });
});
