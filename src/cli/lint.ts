/**
 * The lint command (the default one): arguments to options, the lint
 * pipeline, the report in the chosen format, and the exit status.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import { RULES } from '../../rules/index.js';
import { timings } from '../engine/run.js';
import { UsageError } from '../errors.js';
import { PRESET_NAMES } from '../config/presets.js';
import { FORMAT_NAMES, formatters } from '../format/index.js';
import { writeGithubStepSummary } from '../format/github.js';
import { ruleInfos } from '../format/rule-info.js';
import type { FormatContext } from '../format/types.js';
import { defaultThreads, lint } from '../lint.js';
import { streamSettings } from '../lint-units.js';
import { parseShard } from '../shard.js';
import type { LintResult } from '../types.js';
import { VERSION } from '../version.js';
import { resolveInputs, useColor, type Io } from './io.js';
import { addHelmOptions, baseProgram, collect, helmOptions } from './program.js';
import { capHeapGrowth } from './heap-growth.js';
import { escapeControlChars } from '../format/control-chars.js';

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  const program = baseProgram(io, 'k8s-todo-lint')
    .description('Lint Kubernetes manifests and Helm charts of the todo-app deployments.\nSubcommands: template [NAME] CHART (render like helm template), capacity [PATH...] (cluster capacity report).')
    .argument('[paths...]', 'files, directories, globs, or - for standard input (default: standard input when piped, else .)', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .option('-c, --config <path>', 'config file (default: .k8s-todo-lint.yaml found upward)')
    .addOption(new Option('--preset <name>', 'rule set to start from, instead of the config\'s extends (generic: Kubernetes-generic rules only, for third-party charts)').choices(PRESET_NAMES))
    .option('--rule <id=severity>', 'override one rule\'s severity (repeatable)', collect, [])
    .option('--max-warnings <n>', 'exit 1 when warnings exceed n')
    .option('--quiet', 'report errors only')
    .option('--report-suppressed', 'list suppressed findings too')
    .option('--list-rules', 'print every rule and exit (with --format json: as JSON)')
    .option('--threads <n>', 'worker threads for charts (1: none; default: K8S_TODO_LINT_THREADS, else as many as pay off, up to one per core)')
    .option('--cache', 'reuse the findings of unchanged charts and manifests from the cache file')
    .option('--cache-location <path>', 'the cache file (default: .k8s-todo-lint-cache in the working directory)')
    .option('--shard <i/n>', 'lint only the i-th of n shares of the units (charts, manifest directories), for CI matrices')
    .option('--context <dir>', 'lint the PATHs within their project: <dir>, or auto (the config file\'s directory, else the git top level); its other manifests feed cross-file rules, findings only for the PATHs');
  addHelmOptions(program)
    .option('--no-color', 'no colour')
    .option('--verbose', 'print notes on standard error (e.g. which Dockerfile each image is checked against, or why none)')
    .version(VERSION, '-V, --version');
  program.parse(argv, { from: 'user' });
  const o = program.opts();
  const paths = program.processedArgs[0] as string[];

  if (o.listRules) {
    io.stdout(o.format === 'json' ? listRulesJson() : listRules());
    return 0;
  }
  let maxWarnings: number | undefined;
  if (o.maxWarnings !== undefined) {
    if (!/^\d+$/.test(o.maxWarnings)) throw new UsageError(`--max-warnings expects a number, got "${o.maxWarnings}"`);
    maxWarnings = Number(o.maxWarnings);
  }
  const helm = helmOptions(o);
  let threads: number | undefined;
  if (o.threads !== undefined) {
    if (!/^\d+$/.test(o.threads) || Number(o.threads) < 1) throw new UsageError(`--threads expects a number of threads (1 or more), got "${o.threads}"`);
    threads = Number(o.threads);
  }
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);

  const inputs = await resolveInputs(paths, io);
  // A large input's peak memory is V8's heap growth (src/cli/heap-growth.ts).
  streamSettings.onStreaming = capHeapGrowth;
  const result = await lint({
    ...inputs,
    cwd: io.cwd,
    configFile: o.config,
    ruleFlags: o.rule,
    preset: o.preset,
    ...helm,
    context: o.context,
    // The CLI uses the machine's cores; the API's default is the main thread only.
    threads: threads ?? defaultThreads(io.env),
    cache: !!o.cache,
    cacheLocation: o.cacheLocation,
    shard,
    onNote: o.verbose ? (message: string) => io.stderr(`k8s-todo-lint: note: ${escapeControlChars(message)}\n`) : undefined,
  });
  const shown = o.quiet ? quietResult(result) : result;
  const color = useColor(o.color !== false, io);
  const ctx: FormatContext = { cwd: io.cwd, color: color && !o.outputFile, rules: ruleInfos(RULES), toolVersion: VERSION, reportSuppressed: !!o.reportSuppressed };
  const format = o.format as (typeof FORMAT_NAMES)[number];
  const text = formatters[format](shown, ctx);
  if (o.outputFile) {
    const out = path.resolve(io.cwd, o.outputFile);
    try {
      // Missing directories are made, as ESLint's --output-file does.
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, text);
    } catch (e) {
      throw new UsageError(`cannot write ${o.outputFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else {
    io.stdout(text);
  }
  if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
    // The report is out already: a summary that cannot be written is a warning, not a failure.
    try {
      writeGithubStepSummary(shown, ctx, io.env);
    } catch (e) {
      io.stderr(`k8s-todo-lint: warning: cannot write GITHUB_STEP_SUMMARY: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    }
  }
  if (timings) io.stderr(timingTable(timings));
  const code = exitCode(result, maxWarnings);
  // ESLint's line: without it an exit 1 with only warnings shown has no visible reason.
  if (code === 1 && result.summary.errors === 0) io.stderr(`k8s-todo-lint: too many warnings (${result.summary.warnings}); maximum allowed is ${maxWarnings}\n`);
  return code;
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

/** --list-rules --format json: one object per rule, in --list-rules order. */
function listRulesJson(): string {
  return JSON.stringify(ruleInfos(RULES).map((r) => ({ id: r.id, severity: r.defaultSeverity, description: r.description, docs: r.helpUri })), null, 2) + '\n';
}

function listRules(): string {
  const w = RULES.reduce((n, r) => Math.max(n, r.meta.id.length), 0);
  return RULES.map((r) => `${r.meta.id.padEnd(w)}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.description}`).join('\n') + '\n';
}
