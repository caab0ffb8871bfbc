#!/usr/bin/env node
'use strict';
// The GitHub Action's entry point (action.yml: `runs: using: node20, main: bin/github-action.cjs`).
// It turns the action's inputs into command lines and runs the prebuilt CLI, bin/k8s-todo-lint.cjs:
// on a release tag the build (dist/) and the production node_modules are committed by
// .github/workflows/release.yml, so a workflow run installs and builds nothing. main holds
// sources only: run from there, the action says to use a release tag. Plain CommonJS with no
// dependencies, so that it runs from any ref.
const { spawnSync } = require('node:child_process');
const { appendFileSync, existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** An input as GitHub hands it to a JavaScript action: INPUT_<NAME>, upper case, spaces as `_` (hyphens kept). */
function input(env, name) {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The lint run's arguments, and the SARIF run's when sarif-file is given. Inputs are arguments, never shell text. */
function actionArgs(env) {
  const given = input(env, 'paths').split(/\s+/).filter(Boolean);
  const paths = given.length ? given : ['.'];
  const opts = [];
  const config = input(env, 'config');
  if (config) opts.push('--config', config);
  for (const line of input(env, 'values').split('\n')) if (line.trim()) opts.push('--values', line.trim());
  if (input(env, 'fail-on-warnings') === 'true') opts.push('--max-warnings', '0');
  else if (input(env, 'max-warnings')) opts.push('--max-warnings', input(env, 'max-warnings'));
  if (input(env, 'shard')) opts.push('--shard', input(env, 'shard'));
  const sarifFile = input(env, 'sarif-file');
  return {
    lint: [...paths, ...opts, '--format', input(env, 'format') || 'github'],
    sarif: sarifFile ? [...paths, ...opts, '--format', 'sarif', '--output-file', sarifFile] : undefined,
    sarifFile,
  };
}

/** Runs the action; returns the step's exit status (the linter's: 0, 1, or 2 when a run was fatal). */
function runAction(env, cli = env.K8S_TODO_LINT_CLI || path.join(root, 'bin/k8s-todo-lint.cjs')) {
  const output = (name, value) => {
    if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
  };
  if (!env.K8S_TODO_LINT_CLI && !existsSync(path.join(root, 'dist/src/cli/main.js'))) {
    process.stdout.write('::error title=k8s-todo-lint::this ref of the action holds sources, not a build: use a release tag (k8s-todo-lint/k8s-todo-lint@v0)\n');
    output('exit-code', 2);
    return 2;
  }
  const args = actionArgs(env);
  const cwd = path.resolve(env.GITHUB_WORKSPACE || process.cwd(), input(env, 'working-directory') || '.');
  // Standard input is not the linter's: with paths always given it would not be read anyway.
  const run = (argv) => spawnSync(process.execPath, [cli, ...argv], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] }).status ?? 2;
  let status = run(args.lint);
  if (args.sarif) {
    // A second run for the upload: its findings are the same, so only a fatal error counts.
    if (run(args.sarif) === 2) status = 2;
    output('sarif-file', args.sarifFile);
  }
  output('exit-code', status);
  return status;
}

module.exports = { actionArgs, runAction };

if (require.main === module) process.exitCode = runAction(process.env);
