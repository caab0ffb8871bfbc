/**
 * no-committed-secrets against real git: a repository laid out like seed 001 (k8s/ with a
 * committed secret.yaml holding real values and its secret.yaml.example, and a chart whose
 * values.yaml holds a real password rendered into a Secret), the same files untracked, and
 * outside any git work tree. Also the loader's git index on its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { gitIndex } from '../../src/load/git-index.js';
import { FIXTURES } from '../support/rule-tester.js';
import { git, gitRepo, haveGit } from '../support/git-repo.js';
import { tempDirs } from '../support/temp-dirs.js';

const newDir = tempDirs('k8s-todo-lint-committed-');

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: app-secrets
  labels:
    app: todo
type: Opaque
stringData:
  DATABASE_URL: postgresql://todo:Sup3rS3cret@ep-cool-name.neon.tech/todo
  BETTER_AUTH_SECRET: Jx8Tq2LmZr4Vn7Pw1Ks9Hd3Fg6Bc0Ya5Ue2Wi4Ro8Tl
  OPENAI_API_KEY: sk-proj-abcdefghijklmnopqrstuvwxyz0123
`;
const EXAMPLE = SECRET.replace(/(DATABASE_URL|BETTER_AUTH_SECRET|OPENAI_API_KEY): .*/g, '$1: <$1>');

const CHART = {
  'helm/todo-app/Chart.yaml': 'apiVersion: v2\nname: todo-app\nversion: 0.1.0\nappVersion: "1.0.0"\n',
  'helm/todo-app/values.yaml': 'backend:\n  databasePassword: Sup3rS3cret-hunter2\n  openaiApiKey: <set with --set>\n',
  'helm/todo-app/templates/secret.yaml': [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: {{ .Release.Name }}-secrets',
    'type: Opaque',
    'data:',
    '  DB_PASSWORD: {{ .Values.backend.databasePassword | b64enc | quote }}',
    '  OPENAI_API_KEY: {{ .Values.backend.openaiApiKey | b64enc | quote }}',
    '',
  ].join('\n'),
};

/** A seed-001 repository: k8s/secret.yaml, k8s/secret.yaml.example (also as secret.example.yaml, which the linter reads), the chart. */
function seed001(): string {
  const dir = newDir();
  const files: Record<string, string> = { 'k8s/secret.yaml': SECRET, 'k8s/secret.yaml.example': EXAMPLE, 'k8s/secret.example.yaml': SECRET, ...CHART };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function committedSecretFindings(cwd: string, paths = ['k8s', 'helm/todo-app']) {
  const result = await lint({ paths, cwd, configFile: path.join(FIXTURES, 'tester-config.json') });
  return result.findings.filter((f) => f.ruleId === 'no-committed-secrets').map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.message}`);
}

describe.skipIf(!haveGit)('no-committed-secrets with git', () => {
  it('reports the committed secret.yaml at each value line and the chart at its values line, not the example', async () => {
    const dir = seed001();
    gitRepo(dir, { commit: true });
    const got = await committedSecretFindings(dir);
    expect(got).toEqual([
      'helm/todo-app/values.yaml:2:21 Secret release-name-secrets key DB_PASSWORD is rendered from a real-looking value in helm/todo-app/values.yaml, which git tracks or has staged; keep real values out of git (a values file git ignores, or --set) and commit placeholders',
      'k8s/secret.yaml:9:17 Secret app-secrets key DATABASE_URL holds a real-looking value in k8s/secret.yaml, which git tracks or has staged; commit a template with placeholders (e.g. secret.yaml.example) and keep the real Secret out of git',
      'k8s/secret.yaml:10:23 Secret app-secrets key BETTER_AUTH_SECRET holds a real-looking value in k8s/secret.yaml, which git tracks or has staged; commit a template with placeholders (e.g. secret.yaml.example) and keep the real Secret out of git',
      'k8s/secret.yaml:11:19 Secret app-secrets key OPENAI_API_KEY holds a real-looking value in k8s/secret.yaml, which git tracks or has staged; commit a template with placeholders (e.g. secret.yaml.example) and keep the real Secret out of git',
    ]);
    // Never the value, in any message.
    for (const line of got) for (const secret of ['Sup3rS3cret', 'Jx8Tq2', 'sk-proj']) expect(line).not.toContain(secret);
  });

  it('reports a staged file (the pre-commit case), not an untracked one', async () => {
    const dir = seed001();
    git(dir, 'init', '-q');
    expect(await committedSecretFindings(dir)).toEqual([]);
    git(dir, 'add', 'k8s/secret.yaml');
    const got = await committedSecretFindings(dir);
    expect(got.map((l) => l.split(' ')[0])).toEqual(['k8s/secret.yaml:9:17', 'k8s/secret.yaml:10:23', 'k8s/secret.yaml:11:19']);
  });

  it('says nothing once the file is removed from the index and ignored', async () => {
    const dir = seed001();
    gitRepo(dir, { commit: true });
    git(dir, 'rm', '-q', '--cached', 'k8s/secret.yaml', 'helm/todo-app/values.yaml');
    writeFileSync(path.join(dir, '.gitignore'), 'k8s/secret.yaml\nhelm/todo-app/values.yaml\n');
    expect(await committedSecretFindings(dir)).toEqual([]);
  });

  it('says nothing outside a git work tree', async () => {
    const dir = seed001();
    expect(await committedSecretFindings(dir)).toEqual([]);
  });

  it('asks git about each file once, and about that file only', async () => {
    const dir = seed001();
    gitRepo(dir);
    const asked: string[][] = [];
    const index = gitIndex({ cwd: dir, run: (args, cwd) => (asked.push([...args, cwd]), { stdout: 'secret.yaml\0' }) });
    expect(index.inIndex('k8s/secret.yaml')).toBe(true);
    expect(index.inIndex('k8s/secret.yaml')).toBe(true);
    expect(index.inIndex('<stdin>')).toBe(false);
    expect(asked).toEqual([['-c', 'core.fsmonitor=false', '--literal-pathspecs', 'ls-files', '-z', '--', 'secret.yaml', path.join(dir, 'k8s')]]);
  });

  it('reads the real index: tracked, staged, untracked, outside a repository, a name with glob characters', () => {
    const dir = seed001();
    writeFileSync(path.join(dir, 'k8s/a[1].yaml'), SECRET);
    writeFileSync(path.join(dir, 'k8s/a1.yaml'), SECRET);
    git(dir, 'init', '-q');
    git(dir, 'add', 'k8s/secret.yaml', 'k8s/a1.yaml');
    const index = gitIndex({ cwd: dir });
    expect(index.inIndex('k8s/secret.yaml')).toBe(true);
    expect(index.inIndex('k8s/secret.yaml.example')).toBe(false);
    // Literal pathspecs: `a[1].yaml` is not the pattern that matches the staged a1.yaml.
    expect(index.inIndex('k8s/a[1].yaml')).toBe(false);
    expect(gitIndex({ cwd: newDir() }).inIndex('secret.yaml')).toBe(false);
  });

  it('notes once when git cannot be run, and counts nothing as committed', () => {
    const notes: string[] = [];
    const index = gitIndex({ cwd: newDir(), note: (m) => notes.push(m), run: () => ({ spawnError: 'git is not installed or not on PATH' }) });
    expect(index.inIndex('a.yaml')).toBe(false);
    expect(index.inIndex('b.yaml')).toBe(false);
    expect(notes).toEqual(['no-committed-secrets: git is not installed or not on PATH, so no file counts as committed']);
  });
});
