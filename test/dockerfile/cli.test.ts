/**
 * The command line as a new user runs it in a repository laid out like the
 * designs: --verbose says which Dockerfile each image was checked against,
 * or why it was not, and the JSON report places findings in the Dockerfile.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';

const REPOS = path.resolve(import.meta.dirname, '../../fixtures/repos');

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readStdin: async () => '', env: {}, isTTY: false, cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-cli-docker-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('k8s-todo-lint on a repository with Dockerfiles', () => {
  it('--verbose names the Dockerfile of each image and how it was found', async () => {
    const r = await run(['--verbose', '-f', 'json'], path.join(REPOS, 'todo-planted'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'k8s-todo-lint: note: image todo-backend: Dockerfile deploy/docker/backend/Dockerfile (convention deploy/docker/backend/Dockerfile)\n' +
      'k8s-todo-lint: note: image todo-frontend: Dockerfile deploy/docker/frontend/Dockerfile (convention deploy/docker/frontend/Dockerfile)\n',
    );
    const report = JSON.parse(r.stdout);
    const user = report.findings.find((f: { ruleId: string }) => f.ruleId === 'dockerfile-user');
    const { file, line, column, endLine, endColumn } = user;
    expect({ file, line, column, endLine, endColumn }).toEqual({ file: 'deploy/docker/backend/Dockerfile', line: 8, column: 6, endLine: 8, endColumn: 10 });
    expect(user.path).toBe('spec.template.spec.containers[0].image');
  });

  it('an image without a Dockerfile is skipped with a note under --verbose, silently otherwise', async () => {
    const dir = path.join(tmp, 'no-docker');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.git'), ''); // the repository root: the search stops here
    writeFileSync(path.join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: todo-web:1.0.0\n');
    const quiet = await run(['-f', 'json', '--rule', 'dockerfile-user=error'], dir);
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout).findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('dockerfile-'))).toEqual([]);
    const verbose = await run(['--verbose', '-f', 'json'], dir);
    expect(verbose.stderr).toBe('k8s-todo-lint: note: image todo-web: not cross-checked with a Dockerfile: no deploy/docker/web/Dockerfile, deploy/docker/todo-web/Dockerfile, docker/web/Dockerfile, docker/todo-web/Dockerfile, web/Dockerfile, todo-web/Dockerfile under ., and no images entry in the config\n');
  });
});
