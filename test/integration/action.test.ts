/**
 * The GitHub Action's metadata: valid against the action.yml schema, every
 * input it uses declared, inputs kept out of the shell script's text, and the
 * lint step's script turning inputs into the right command lines (run here
 * with bash as the runner does, against a stub CLI that records its arguments).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { badServiceManifest, cliBin, ensureBuilt } from './support.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schemaFile = resolve(repoRoot, '../shared/corpus/github/github-action.schema.json');
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
const steps: Step[] = action.runs.steps;
const lintStep = steps.find((s) => s.id === 'lint')!;

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
    delete broken.runs.steps[1].shell;
    expect(validate(broken)).toBe(false);
  });
});

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual([
      'paths', 'config', 'format', 'values', 'fail-on-warnings', 'max-warnings', 'sarif-file', 'working-directory', 'node-version',
    ]);
  });

  it('uses only declared inputs and splices none into a script', () => {
    const text = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
    const used = new Set([...text.matchAll(/inputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]));
    for (const name of used) expect(Object.keys(action.inputs)).toContain(name);
    for (const step of steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{/);
  });

  it('hands the lint step every input it reads as INPUT_<NAME>', () => {
    const inputEnv = Object.entries(lintStep.env!).filter(([k]) => k.startsWith('INPUT_'));
    for (const [k, v] of inputEnv) {
      expect(v).toBe(`\${{ inputs.${k.slice('INPUT_'.length).toLowerCase().replace(/_/g, '-')} }}`);
    }
    expect(inputEnv.map(([k]) => k)).toEqual([
      'INPUT_PATHS', 'INPUT_CONFIG', 'INPUT_FORMAT', 'INPUT_VALUES', 'INPUT_FAIL_ON_WARNINGS', 'INPUT_MAX_WARNINGS', 'INPUT_SARIF_FILE',
    ]);
  });

  it('runs the CLI from the action checkout after installing and building it', () => {
    const install = steps.find((s) => s.name === 'Install k8s-todo-lint')!;
    expect(install['working-directory']).toBe('${{ github.action_path }}');
    expect(install.run).toContain('npm ci');
    expect(install.run).toContain('npm run build');
    expect(lintStep.env!.K8S_TODO_LINT_CLI).toBe('${{ github.action_path }}/bin/k8s-todo-lint.cjs');
    // The shim the action runs is the package's bin.
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.bin['k8s-todo-lint']).toBe('bin/k8s-todo-lint.cjs');
  });
});

describe.skipIf(spawnSync('bash', ['--version']).status !== 0)('the lint step script', () => {
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
  function runStep(inputs: Record<string, string>, exits: { lint?: number; sarif?: number } = {}, cli = stub) {
    n += 1;
    const log = join(dir, `calls-${n}.jsonl`);
    const output = join(dir, `output-${n}.txt`);
    writeFileSync(log, '');
    writeFileSync(output, '');
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: output, STUB_LOG: log, K8S_TODO_LINT_CLI: cli };
    for (const [name, def] of Object.entries<any>(action.inputs)) {
      env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = inputs[name] ?? def.default ?? '';
    }
    if (exits.lint !== undefined) env.STUB_EXIT = String(exits.lint);
    if (exits.sarif !== undefined) env.STUB_SARIF_EXIT = String(exits.sarif);
    // GitHub runs a composite `shell: bash` step as `bash --noprofile --norc -eo pipefail {0}`.
    const script = join(dir, `step-${n}.sh`);
    writeFileSync(script, lintStep.run!);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { env, cwd: dir, encoding: 'utf8' });
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

  it('does not let an input run shell code', () => {
    const r = runStep({ paths: '$(touch pwned) `touch pwned2`', config: '"; touch pwned3; "' });
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(dir, 'pwned2'))).toBe(false);
    expect(existsSync(join(dir, 'pwned3'))).toBe(false);
    expect(r.calls).toEqual([['$(touch', 'pwned)', '`touch', 'pwned2`', '--config', '"; touch pwned3; "', '--format', 'github']]);
  });

  it('runs the real CLI: annotations in the log, a SARIF file, the exit code as output', () => {
    ensureBuilt();
    mkdirSync(join(dir, 'k8s'), { recursive: true });
    writeFileSync(join(dir, 'k8s/service.yaml'), badServiceManifest);
    const r = runStep({ paths: 'k8s', 'sarif-file': 'lint.sarif' }, {}, cliBin);
    expect(r.status).toBe(1);
    expect(r.outputs).toBe('sarif-file=lint.sarif\nexit-code=1\n');
    expect(r.stdout.split('\n')).toContain(
      '::error file=k8s/service.yaml,line=14,col=17,endLine=14,endColumn=22,title=nodeport-range::nodePort 29999 is outside 30000-32767',
    );
    const sarif = JSON.parse(readFileSync(join(dir, 'lint.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('nodeport-range');
  }, 300_000);
});
