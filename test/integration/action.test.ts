/**
 * The GitHub Action: its metadata valid against the action.yml schema (a
 * JavaScript action on node20 whose entry point runs the prebuilt CLI), every
 * input the entry point reads declared, the inputs turned into the right command
 * lines (run against a stub CLI that records its arguments), the real CLI's
 * annotations, and the release workflow that commits the build on a release tag.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { badServiceManifest, ensureBuilt } from './support.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schemaFile = resolve(repoRoot, '../shared/corpus/github/github-action.schema.json');
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
const entry = join(repoRoot, action.runs.main);
const { actionArgs } = createRequire(import.meta.url)(entry) as { actionArgs: (env: Record<string, string>) => { lint: string[]; sarif?: string[] } };
const INPUTS = ['paths', 'config', 'format', 'values', 'fail-on-warnings', 'max-warnings', 'sarif-file', 'shard', 'working-directory'];

describe.skipIf(!existsSync(schemaFile))('action.yml against the action metadata schema', () => {
  // The schema is draft-07; strict mode would only complain about its own `if` blocks.
  const AjvClass = ((Ajv as any).default ?? Ajv) as typeof import('ajv').default;
  // Compiled on first use: a skipped describe still runs its body while collecting.
  let compiled: ReturnType<InstanceType<typeof AjvClass>['compile']> | undefined;
  const validate = ((data: unknown) => {
    compiled ??= new AjvClass({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    const ok = compiled(data);
    validate.errors = compiled.errors;
    return ok;
  }) as ((data: unknown) => boolean) & { errors?: unknown };

  it('validates', () => {
    expect(validate(action) ? [] : validate.errors).toEqual([]);
  });

  it('rejects a broken action (the check is live)', () => {
    const broken = structuredClone(action);
    delete broken.runs.main;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...action, runs: { ...action.runs, using: 'node18' } })).toBe(false);
  });
});

describe('action.yml', () => {
  it('is a JavaScript action on node20 whose entry point is committed, with the documented inputs', () => {
    expect(action.runs).toEqual({ using: 'node20', main: 'bin/github-action.cjs' });
    expect(existsSync(entry)).toBe(true);
    expect(Object.keys(action.inputs)).toEqual(INPUTS);
    expect(Object.keys(action.outputs)).toEqual(['exit-code', 'sarif-file']);
  });

  it('declares every input the entry point reads, and the entry point reads every input', () => {
    const read = new Set([...readFileSync(entry, 'utf8').matchAll(/input\(env, '([a-z-]+)'\)/g)].map((m) => m[1]));
    expect([...read].sort()).toEqual([...INPUTS].sort());
  });

  it('installs and builds nothing when a workflow runs: the entry point runs the prebuilt CLI', () => {
    const text = readFileSync(entry, 'utf8');
    expect(text).not.toMatch(/npm (ci|install|run)/);
    expect(text).toContain("'bin/k8s-todo-lint.cjs'");
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.bin['k8s-todo-lint']).toBe('bin/k8s-todo-lint.cjs');
  });
});

describe('the release workflow', () => {
  const wf = parse(readFileSync(join(repoRoot, '.github/workflows/release.yml'), 'utf8'));
  const steps: Array<{ run?: string; if?: string; uses?: string }> = wf.jobs['build-action'].steps;
  const script = steps.map((st) => st.run ?? '').join('\n');

  it('runs for version tags, builds and tests, and commits the build on releases/v<major>', () => {
    expect(wf.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    expect(wf.permissions).toEqual({ contents: 'write' });
    expect(steps.find((st) => st.uses?.startsWith('actions/setup-node'))).toMatchObject({ with: { 'node-version': '20' } });
    expect(script).toContain('npm ci');
    expect(script).toContain('npm test');
    expect(script).toContain('npm prune --omit=dev');
    // dist/ and node_modules/ are git-ignored on main: the release commit adds them by force.
    expect(script).toContain('git add -f dist node_modules');
    expect(script).toMatch(/git checkout -B "releases\/\$major"/);
    expect(script).toMatch(/git push --force origin "releases\/\$major" "refs\/tags\/\$TAG" "refs\/tags\/\$major"/);
  });

  it('builds only a source commit (a moved tag already holds its build)', () => {
    for (const st of steps.filter((x) => x.run && /npm|git add/.test(x.run))) expect(st.if).toBe("steps.source.outputs.built == 'false'");
  });

  it('commits everything the entry point needs at run time', () => {
    const gitignore = readFileSync(join(repoRoot, '.gitignore'), 'utf8').split('\n');
    expect(gitignore).toContain('dist/');
    // What the entry point loads besides itself: the CLI shim (committed) and its build (dist, committed by the workflow).
    expect(readFileSync(join(repoRoot, 'bin/k8s-todo-lint.cjs'), 'utf8')).toContain("'dist/bundle/main.cjs'");
  });
});

describe('the entry point', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-todo-lint-action-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A stand-in CLI: records its arguments, exits with the status the test asks for.
  const stub = join(dir, 'stub-cli.mjs');
  writeFileSync(
    stub,
    `import { appendFileSync } from 'node:fs';
appendFileSync(process.env.STUB_LOG, JSON.stringify(process.argv.slice(2)) + '\\n');
const sarif = process.argv.includes('sarif');
process.exit(Number(sarif ? process.env.STUB_SARIF_EXIT ?? 0 : process.env.STUB_EXIT ?? 0));
`,
  );

  let n = 0;
  /** Runs the entry point as the runner does: node, with INPUT_<NAME> for every input (defaults included). */
  function runStep(inputs: Record<string, string>, exits: { lint?: number; sarif?: number } = {}, opts: { cli?: string; main?: string } = {}) {
    n += 1;
    const log = join(dir, `calls-${n}.jsonl`);
    const output = join(dir, `output-${n}.txt`);
    writeFileSync(log, '');
    writeFileSync(output, '');
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: output, GITHUB_WORKSPACE: dir, STUB_LOG: log, NO_COLOR: '1' };
    if (opts.cli !== '') env.K8S_TODO_LINT_CLI = opts.cli ?? stub;
    for (const [name, def] of Object.entries<any>(action.inputs)) {
      env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? def.default ?? '';
    }
    if (exits.lint !== undefined) env.STUB_EXIT = String(exits.lint);
    if (exits.sarif !== undefined) env.STUB_SARIF_EXIT = String(exits.sarif);
    const r = spawnSync(process.execPath, [opts.main ?? entry], { env, cwd: '/', encoding: 'utf8' });
    return {
      status: r.status,
      calls: readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]),
      outputs: readFileSync(output, 'utf8'),
      stdout: r.stdout,
    };
  }

  it('lints . with the github format by default', () => {
    const r = runStep({});
    expect({ status: r.status, calls: r.calls, outputs: r.outputs }).toEqual({ status: 0, calls: [['.', '--format', 'github']], outputs: 'exit-code=0\n' });
  });

  it('passes paths, config, values files and the warning limit', () => {
    const r = runStep({
      paths: 'charts/todo k8s/*.yaml\nextra dir/',
      config: 'ci/lint config.yaml',
      values: 'charts/todo/values-local.yaml\n  values prod.yaml  \n\n',
      'max-warnings': '3',
      format: 'stylish',
    });
    expect(r.calls).toEqual([
      ['charts/todo', 'k8s/*.yaml', 'extra', 'dir/', '--config', 'ci/lint config.yaml', '--values', 'charts/todo/values-local.yaml', '--values', 'values prod.yaml', '--max-warnings', '3', '--format', 'stylish'],
    ]);
  });

  it('turns fail-on-warnings into --max-warnings 0', () => {
    expect(runStep({ 'fail-on-warnings': 'true', 'max-warnings': '7' }).calls).toEqual([['.', '--max-warnings', '0', '--format', 'github']]);
    expect(actionArgs({ 'INPUT_FAIL-ON-WARNINGS': 'true' }).lint).toEqual(['.', '--max-warnings', '0', '--format', 'github']);
  });

  it('passes the shard to both runs, so each matrix job lints and uploads its own share', () => {
    const r = runStep({ shard: '2/3', 'sarif-file': 'shard-2.sarif' });
    expect(r.calls).toEqual([
      ['.', '--shard', '2/3', '--format', 'github'],
      ['.', '--shard', '2/3', '--format', 'sarif', '--output-file', 'shard-2.sarif'],
    ]);
  });

  it('fails the step with the linter status, and still writes the SARIF file', () => {
    const r = runStep({ 'sarif-file': 'results.sarif' }, { lint: 1, sarif: 1 });
    expect(r.status).toBe(1);
    expect(r.calls).toEqual([
      ['.', '--format', 'github'],
      ['.', '--format', 'sarif', '--output-file', 'results.sarif'],
    ]);
    expect(r.outputs).toBe('sarif-file=results.sarif\nexit-code=1\n');
  });

  it('reports a fatal SARIF run', () => {
    expect(runStep({ 'sarif-file': 'r.sarif' }, { lint: 0, sarif: 2 }).status).toBe(2);
  });

  it('hands inputs over as arguments, never as shell text', () => {
    const r = runStep({ paths: '$(touch pwned) `touch pwned2`', config: '"; touch pwned3; "' });
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(dir, 'pwned2'))).toBe(false);
    expect(existsSync(join(dir, 'pwned3'))).toBe(false);
    expect(r.calls).toEqual([['$(touch', 'pwned)', '`touch', 'pwned2`', '--config', '"; touch pwned3; "', '--format', 'github']]);
  });

  it('on a ref without a build (main), fails with one annotation saying to use a release tag', () => {
    const bare = join(dir, 'bare');
    mkdirSync(join(bare, 'bin'), { recursive: true });
    copyFileSync(entry, join(bare, 'bin/github-action.cjs'));
    const r = runStep({}, {}, { cli: '', main: join(bare, 'bin/github-action.cjs') });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('::error title=k8s-todo-lint::this ref of the action holds sources, not a build: use a release tag (k8s-todo-lint/k8s-todo-lint@v0)\n');
    expect(r.outputs).toBe('exit-code=2\n');
  });

  it('runs the real CLI from the working directory: annotations in the log, a SARIF file, the exit code as output', () => {
    ensureBuilt();
    mkdirSync(join(dir, 'repo/k8s'), { recursive: true });
    writeFileSync(join(dir, 'repo/k8s/service.yaml'), badServiceManifest);
    const r = runStep({ paths: 'k8s', 'sarif-file': 'lint.sarif', 'working-directory': 'repo' }, {}, { cli: '' });
    expect(r.status).toBe(1);
    expect(r.outputs).toBe('sarif-file=lint.sarif\nexit-code=1\n');
    expect(r.stdout.split('\n')).toContain(
      '::error file=k8s/service.yaml,line=14,col=17,endLine=14,endColumn=22,title=nodeport-range::nodePort 29999 is outside 30000-32767',
    );
    const sarif = JSON.parse(readFileSync(join(dir, 'repo/lint.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('nodeport-range');
  }, 300_000);
});
