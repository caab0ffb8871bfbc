/**
 * The command line: arguments to options, the lint pipeline, the report, and
 * the exit status (0 clean, 1 errors or too many warnings, 2 fatal). Only
 * bin/ sets process.exitCode; this module returns the code.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { FatalError, UsageError } from '../errors.js';
import { RULES } from '../engine/registry.js';
import { lint } from '../lint.js';
import { timings } from '../engine/run.js';
import type { LintResult } from '../types.js';
import type { Formatter, FormatContext, RuleInfo } from '../format/types.js';
import { VERSION } from '../version.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  cwd: string;
}

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
const DOCS_BASE = 'https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/';

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    if (argv[0] === 'template') {
      const { runTemplateCommand } = await import('./template.js');
      return await runTemplateCommand(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    }
    if (argv[0] === 'capacity') return await capacity(argv.slice(1), io);
    return await lintCommand(argv, io);
  } catch (e) {
    if (e instanceof FatalError) {
      io.stderr(`k8s-todo-lint: ${e.message}\n`);
      return 2;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // An unexpected failure is our bug: one line, with the stack only when debugging.
    const debug = (io.env.DEBUG ?? '').split(',').includes('k8s-todo-lint');
    io.stderr(`k8s-todo-lint: internal error: ${(e as Error)?.message ?? String(e)}${debug ? `\n${(e as Error)?.stack}` : ' (set DEBUG=k8s-todo-lint for details)'}\n`);
    return 2;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function baseProgram(io: Io, name: string): Command {
  const program = new Command(name);
  program
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(`k8s-todo-lint: ${s.replace(/^error: /, '')}`) })
    .allowExcessArguments(false);
  return program;
}

async function lintCommand(argv: string[], io: Io): Promise<number> {
  const program = baseProgram(io, 'k8s-todo-lint')
    .description('Lint Kubernetes manifests and Helm charts of the todo-app deployments.\nSubcommands: template [NAME] CHART (render like helm template), capacity [PATH...] (cluster capacity report).')
    .argument('[paths...]', 'files, directories, globs, or - for standard input', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices([...FORMATS]).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .option('-c, --config <path>', 'config file (default: .k8s-todo-lint.yaml found upward)')
    .option('--rule <id=severity>', 'override one rule\'s severity (repeatable)', collect, [])
    .option('--max-warnings <n>', 'exit 1 when warnings exceed n')
    .option('--quiet', 'report errors only')
    .option('--report-suppressed', 'list suppressed findings too')
    .option('--list-rules', 'print every rule and exit')
    .option('-v, --values <file>', 'Helm values file (repeatable, later wins)', collect, [])
    .option('--set <k=v>', 'Helm value override (repeatable)', collect, [])
    .option('--set-string <k=v>', 'Helm string value override (repeatable)', collect, [])
    .option('--release-name <name>', 'Helm release name', undefined)
    .option('--namespace <ns>', 'release namespace / default namespace')
    .option('--kube-version <v>', 'Kubernetes version (default from config, else 1.30)')
    .option('--no-color', 'no colour')
    .option('--verbose', 'print notes on standard error (e.g. which Dockerfile each image is checked against, or why none)')
    .version(VERSION, '-V, --version');
  program.parse(argv, { from: 'user' });
  const o = program.opts();
  const paths = program.processedArgs[0] as string[];

  if (o.listRules) {
    io.stdout(listRules());
    return 0;
  }
  let maxWarnings: number | undefined;
  if (o.maxWarnings !== undefined) {
    if (!/^\d+$/.test(o.maxWarnings)) throw new UsageError(`--max-warnings expects a number, got "${o.maxWarnings}"`);
    maxWarnings = Number(o.maxWarnings);
  }
  if (o.kubeVersion !== undefined && !/^v?\d+\.\d+(\.\d+)?$/.test(o.kubeVersion)) throw new UsageError(`--kube-version expects a version like 1.30, got "${o.kubeVersion}"`);

  const stdinText = paths.includes('-') ? await io.readStdin() : undefined;
  const result = await lint({
    paths: paths.length ? paths : ['.'],
    cwd: io.cwd,
    configFile: o.config,
    ruleFlags: o.rule,
    stdinText,
    kubeVersion: o.kubeVersion?.replace(/^v/, ''),
    namespace: o.namespace,
    helm: { values: o.values, set: o.set, setString: o.setString, releaseName: o.releaseName },
    onNote: o.verbose ? (message: string) => io.stderr(`k8s-todo-lint: note: ${message}\n`) : undefined,
  });
  const shown = o.quiet ? quietResult(result) : result;
  const color = useColor(o.color !== false, io);
  const ctx: FormatContext = { cwd: io.cwd, color: color && !o.outputFile, rules: ruleInfos(), toolVersion: VERSION, reportSuppressed: !!o.reportSuppressed };
  const formatter = await loadFormatter(o.format);
  const text = formatter(shown, ctx);
  if (o.outputFile) {
    try {
      writeFileSync(path.resolve(io.cwd, o.outputFile), text);
    } catch (e) {
      throw new UsageError(`cannot write ${o.outputFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else {
    io.stdout(text);
  }
  if (o.format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
    const mod = await import('../format/github.js');
    const write = (mod as any).writeGithubStepSummary;
    if (typeof write === 'function') write(shown, ctx, io.env);
  }
  if (timings) io.stderr(timingTable(timings));
  return exitCode(result, maxWarnings);
}

function timingTable(t: Map<string, number>): string {
  const rows = [...t].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const total = [...t.values()].reduce((a, b) => a + b, 0);
  const lines = rows.map(([id, ms]) => `${id.padEnd(30)}| ${ms.toFixed(1).padStart(9)} | ${((ms / total) * 100).toFixed(1)}%`);
  return [`${'Rule'.padEnd(30)}| Time (ms) | Relative`, ...lines].join('\n') + '\n';
}

/** Exit status as a pure function of the counts. */
export function exitCode(result: LintResult, maxWarnings?: number): number {
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return 1;
  return 0;
}

function quietResult(r: LintResult): LintResult {
  const findings = r.findings.filter((f) => f.severity === 'error');
  return { ...r, findings, summary: { ...r.summary, warnings: 0, infos: 0 } };
}

function useColor(flag: boolean, io: Io): boolean {
  if (!flag) return false;
  if ('NO_COLOR' in io.env && io.env.NO_COLOR !== '') return false;
  if ('FORCE_COLOR' in io.env) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

export function ruleInfos(): RuleInfo[] {
  return RULES.map((r) => ({ id: r.meta.id, description: r.meta.description, defaultSeverity: r.meta.defaultSeverity, helpUri: `${DOCS_BASE}${r.meta.id}.md` }));
}

function listRules(): string {
  const w = Math.max(...RULES.map((r) => r.meta.id.length));
  return RULES.map((r) => `${r.meta.id.padEnd(w)}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.description}`).join('\n') + '\n';
}

async function loadFormatter(name: string): Promise<Formatter> {
  switch (name) {
    case 'json': return (await import('../format/json.js')).json;
    case 'stylish': return (await import('../format/stylish.js')).stylish;
    default: {
      const mod = (await import(`../format/${name}.js`)) as Record<string, Formatter>;
      const f = mod[name];
      if (typeof f !== 'function') throw new UsageError(`format ${name} is not available`);
      return f;
    }
  }
}

async function capacity(argv: string[], io: Io): Promise<number> {
  const program = baseProgram(io, 'k8s-todo-lint capacity')
    .description('Cluster capacity: replicas x requests/limits per workload against allocatable and the 70% bar')
    .argument('[paths...]', 'files, directories, globs, or -', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <path>', 'config file')
    .option('--namespace <ns>', 'default namespace')
    .option('--no-color', 'no colour');
  program.parse(argv, { from: 'user' });
  const o = program.opts();
  const paths = program.processedArgs[0] as string[];
  const stdinText = paths.includes('-') ? await io.readStdin() : undefined;
  const { capacityReport } = await import('../capacity.js');
  const text = await capacityReport({ paths: paths.length ? paths : ['.'], cwd: io.cwd, configFile: o.config, stdinText, namespace: o.namespace }, { format: o.format, color: useColor(o.color !== false, io) });
  io.stdout(text);
  return 0;
}

