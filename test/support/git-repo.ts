/**
 * Real git repositories for tests of what git tracks (no-committed-secrets). git runs with
 * an environment of its own: a test run from a git hook must not read the hook's index.
 */
import { spawnSync } from 'node:child_process';

/** The environment without git's hook variables (GIT_DIR, GIT_INDEX_FILE...), with a fixed identity. */
export function gitEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^GIT_/.test(k)));
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'k8s-todo-lint test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'k8s-todo-lint test', GIT_COMMITTER_EMAIL: 'test@example.invalid' };
}

export const haveGit = spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;

/** Runs git in `cwd`; throws with git's stderr when it fails. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: gitEnv() });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** Makes `dir` a git work tree with everything in it staged (`git add -A`), and committed when asked. */
export function gitRepo(dir: string, opts: { commit?: boolean } = {}): void {
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  if (opts.commit) git(dir, 'commit', '-q', '-m', 'fixture');
}
