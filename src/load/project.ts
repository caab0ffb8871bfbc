/**
 * The project context of `--context`: when the PATHs name only some files of a
 * project (pre-commit passes the changed ones), the project's other manifests
 * and charts are loaded too, so cross-resource rules see the whole app, while
 * findings are reported only for what the PATHs name.
 *
 * The project root is the directory given, or with `auto` the config file's
 * directory, else the git top level (found by walking up for `.git`, a
 * directory or a worktree's file: no git process is started), else the
 * working directory.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { expandInputs, type ExpandedInputs } from './inputs.js';

/** `--context` value that means "find the project root". */
export const AUTO_CONTEXT = 'auto';

export function projectRoot(context: string, opts: { cwd: string; configFile?: string }): string {
  if (context !== AUTO_CONTEXT) {
    const abs = path.resolve(opts.cwd, context);
    if (!existsSync(abs)) throw new InputError(`--context: directory not found: ${context}`);
    return abs;
  }
  if (opts.configFile) return path.dirname(opts.configFile);
  return gitTopLevel(opts.cwd) ?? opts.cwd;
}

function gitTopLevel(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The project's manifest files and charts that the named inputs do not already hold. */
export function contextInputs(root: string, named: ExpandedInputs, opts: { cwd: string; ignore: readonly string[]; ignoreBase: string }): { files: string[]; charts: string[] } {
  const all = expandInputs([root], opts);
  const files = new Set(named.files);
  const charts = new Set(named.charts);
  return { files: all.files.filter((f) => !files.has(f)), charts: all.charts.filter((c) => !charts.has(c)) };
}
