/**
 * The lint command (the default one): arguments to options, the lint
 * pipeline, the report in the chosen format, and the exit status.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import { RULES } from '../../rules/index.js';
import { timings } from '../engine/run.js';
import { UsageError } from '../errors.js';
import { DEFAULT_KUBE_VERSION, isKubeVersion } from '../k8s/kube-version.js';
import { FORMAT_NAMES, formatters } from '../format/index.js';
import { writeGithubStepSummary } from '../format/github.js';
import { ruleInfos } from '../format/rule-info.js';
import type { FormatContext } from '../format/types.js';
import { lint } from '../lint.js';
import type { LintResult } from '../types.js';
import { VERSION } from '../version.js';
import { useColor, type Io } from './io.js';
import { baseProgram, collect } from './program.js';

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  const program = baseProgram(io, 'k8s-todo-lint')
    .description('Lint Kubernetes manifests and Helm charts of the todo-app deployments.\nSubcommands: template [NAME] CHART (render like helm template), capacity [PATH...] (cluster capacity report).')
    .argument('[paths...]', 'files, directories, globs, or - for standard input', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
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
    .option('--kube-version <v>', `Kubernetes version (default from config, else ${DEFAULT_KUBE_VERSION})`)
    .option('--context <dir>', 'lint the PATHs within their project: <dir>, or auto (the config file\'s directory, else the git top level); its other manifests feed cross-file rules, findings only for the PATHs')
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
  if (o.kubeVersion !== undefined && !isKubeVersion(o.kubeVersion)) throw new UsageError(`--kube-version expects a version like ${DEFAULT_KUBE_VERSION}, got "${o.kubeVersion}"`);

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
    context: o.context,
    onNote: o.verbose ? (message: string) => io.stderr(`k8s-todo-lint: note: ${message}\n`) : undefined,
  });
  const shown = o.quiet ? quietResult(result) : result;
  const color = useColor(o.color !== false, io);
  const ctx: FormatContext = { cwd: io.cwd, color: color && !o.outputFile, rules: ruleInfos(RULES), toolVersion: VERSION, reportSuppressed: !!o.reportSuppressed };
  const format = o.format as (typeof FORMAT_NAMES)[number];
  const text = formatters[format](shown, ctx);
  if (o.outputFile) {
    try {
      writeFileSync(path.resolve(io.cwd, o.outputFile), text);
    } catch (e) {
      throw new UsageError(`cannot write ${o.outputFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else {
    io.stdout(text);
  }
  if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) writeGithubStepSummary(shown, ctx, io.env);
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

function listRules(): string {
  const w = Math.max(...RULES.map((r) => r.meta.id.length));
  return RULES.map((r) => `${r.meta.id.padEnd(w)}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.description}`).join('\n') + '\n';
}
