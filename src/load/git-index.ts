/**
 * What git has in its index for the input files, for no-committed-secrets. A file is in the
 * index when it is committed (and not removed with `git rm --cached`) or staged with
 * `git add`: exactly what `git ls-files` lists. In a pre-commit hook git points
 * GIT_INDEX_FILE at the index being committed and the child inherits the environment, so a
 * staged file counts there as well.
 *
 * Asked on first request, per file, and remembered for one lint() call: the rule asks only
 * about a file that holds a Secret value that is not a placeholder, so most lints never run
 * git. git runs without a shell, offline and read-only (no optional index lock, no fsmonitor
 * hook). Outside a work tree, without git, or on any failure, the answer is "not in the
 * index", and the rule says nothing.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { GitIndex } from '../engine/rule.js';

/** Runs `git args` in `cwd`; the output, or an error naming why git could not run, or null when git failed. */
export type GitRunner = (args: readonly string[], cwd: string) => { stdout: string } | { spawnError: string } | null;

// node:child_process is required on first use, not imported: it costs tens of milliseconds of
// start-up, and a lint runs git only for a Secret file with real-looking values.
const require = createRequire(import.meta.url);
let childProcess: typeof import('node:child_process') | undefined;

const runGit: GitRunner = (args, cwd) => {
  childProcess ??= require('node:child_process') as typeof import('node:child_process');
  const r = childProcess.spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 20_000,
    windowsHide: true,
    maxBuffer: 1 << 20,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
  });
  if (r.error) return (r.error as NodeJS.ErrnoException).code === 'ENOENT' && cwdExists(cwd) ? { spawnError: 'git is not installed or not on PATH' } : null;
  return r.status === 0 ? { stdout: r.stdout } : null;
};

function cwdExists(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export interface GitIndexSettings {
  /** Display paths are relative to it. */
  cwd: string;
  /** A `--verbose` note when git cannot be run at all. */
  note?: (message: string) => void;
  /** Tests replace git. */
  run?: GitRunner;
}

/** A new, empty memo of git's index for one lint() call. */
export function gitIndex(settings: GitIndexSettings): GitIndex {
  const run = settings.run ?? runGit;
  const answers = new Map<string, boolean>();
  let gitMissing = false;
  const ask = (abs: string): boolean => {
    if (gitMissing) return false;
    const dir = path.dirname(abs);
    const base = path.basename(abs);
    // Literal pathspecs: a file named `a[1].yaml` is that file, not a pattern.
    const r = run(['-c', 'core.fsmonitor=false', '--literal-pathspecs', 'ls-files', '-z', '--', base], dir);
    if (r === null) return false;
    if ('spawnError' in r) {
      gitMissing = true;
      settings.note?.(`no-committed-secrets: ${r.spawnError}, so no file counts as committed`);
      return false;
    }
    // Names come relative to `dir`, NUL-terminated; listing the file itself means it is in the index.
    return r.stdout.split('\0').includes(base);
  };
  return {
    inIndex(file: string): boolean {
      if (file === '<stdin>') return false;
      const abs = path.resolve(settings.cwd, file);
      let answer = answers.get(abs);
      if (answer === undefined) answers.set(abs, (answer = ask(abs)));
      return answer;
    },
  };
}
