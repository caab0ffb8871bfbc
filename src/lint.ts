/**
 * The whole pipeline behind both the CLI and the public API:
 * config -> inputs -> load (and render charts) -> rules -> sorted result.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, resolveRuleSettings, buildOverride, type ConfigFile } from './config/load.js';
import { parseDirectives, type Directive } from './engine/directives.js';
import type { Resource } from './engine/resource.js';
import { RULES } from './engine/registry.js';
import type { ChartInput, LintSettings } from './engine/rule.js';
import { runRules } from './engine/run.js';
import { InputError } from './errors.js';
import { parseManifestText, type LoadProblem } from './load/documents.js';
import { expandInputs } from './load/inputs.js';
import { loadCharts, type ChartLoadOptions } from './load/charts.js';
import { decodeText } from './load/read.js';
import type { Finding, LintResult } from './types.js';

export interface LintOptions {
  /** Files, directories, globs or `-` for standard input. Default `.`. */
  paths?: string[];
  cwd?: string;
  /** Config file path; default: found from cwd upward. */
  configFile?: string;
  /** Config given inline (instead of a file); merged over the file's. */
  config?: ConfigFile;
  /** `--rule id=severity` entries. */
  ruleFlags?: string[];
  /** Text of standard input, when a path is `-`. */
  stdinText?: string;
  kubeVersion?: string;
  namespace?: string;
  helm?: Partial<ChartLoadOptions>;
}

const DEFAULT_KUBE_VERSION = '1.30';

/** Everything loaded from the inputs, before rules run. */
export interface LoadedInput {
  cwd: string;
  config: ConfigFile;
  baseDir: string;
  resources: Resource[];
  problems: LoadProblem[];
  directives: Map<string, Directive[]>;
  charts: ChartInput[];
  fileCount: number;
  kubeVersion: string;
  defaultNamespace: string;
  ruleSettings: ReturnType<typeof resolveRuleSettings>;
}

export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const input = await loadInput(options);
  const { cwd, config, resources, problems, directives, charts, kubeVersion, defaultNamespace } = input;
  const knownNamespaces = new Set<string>([defaultNamespace]);
  for (const r of resources) {
    if (r.namespace) knownNamespaces.add(r.namespace);
    if (r.kind === 'Namespace' && r.name) knownNamespaces.add(r.name);
  }
  const lintSettings: LintSettings = { kubeVersion, defaultNamespace, knownNamespaces, baseDir: input.baseDir, cwd };
  const preFindings: Finding[] = problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity ?? 'error', message: p.message, location: p.location }));
  const out = runRules({
    rules: RULES,
    settings: input.ruleSettings,
    resources,
    charts,
    lintSettings,
    directives,
    override: buildOverride(config, input.baseDir, cwd),
    preFindings,
  });
  const findings = sortFindings(out.findings);
  return {
    findings,
    suppressed: sortFindings(out.suppressed),
    summary: {
      files: input.fileCount,
      resources: resources.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      suppressed: out.suppressed.length,
    },
  };
}

/** Config, inputs, parsing and chart rendering: everything but the rules. */
export async function loadInput(options: LintOptions = {}): Promise<LoadedInput> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadConfig(cwd, options.configFile, RULES);
  const config: ConfigFile = { ...loaded.config, ...(options.config ?? {}) };
  const settings = resolveRuleSettings(RULES, config, options.ruleFlags ?? []);
  const inputs = expandInputs(options.paths ?? ['.'], { cwd, ignore: config.ignore ?? [], ignoreBase: loaded.baseDir });
  if (!inputs.stdin && inputs.files.length === 0 && inputs.charts.length === 0) {
    throw new InputError(`nothing to lint in ${(options.paths ?? ['.']).join(' ')}: no YAML/JSON manifests or charts found`);
  }
  const kubeVersion = options.kubeVersion ?? config.kubeVersion ?? DEFAULT_KUBE_VERSION;
  const defaultNamespace = options.namespace ?? 'default';
  const display = (abs: string) => path.relative(cwd, abs).split(path.sep).join('/') || path.basename(abs);

  const resources: Resource[] = [];
  const problems: LoadProblem[] = [];
  const directives = new Map<string, Directive[]>();
  let fileCount = 0;

  const ingest = (text: string, file: string, json: boolean) => {
    const parsed = parseManifestText(text, file, { defaultNamespace, json });
    if (parsed.notKubernetes) return;
    fileCount++;
    resources.push(...parsed.resources);
    problems.push(...parsed.problems);
    const d = parseDirectives(text);
    if (d.length) directives.set(file, d);
  };

  for (const abs of inputs.files) {
    const file = display(abs);
    let buf: Buffer;
    try {
      // Never read a FIFO or device: it could block forever.
      if (!statSync(abs).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
      buf = readFileSync(abs);
    } catch (e) {
      fileCount++;
      problems.push({ ruleId: 'yaml-syntax', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } });
      continue;
    }
    const decoded = decodeText(buf);
    if (typeof decoded !== 'string') {
      fileCount++;
      problems.push({ ruleId: 'yaml-syntax', message: decoded.problem, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } });
      continue;
    }
    ingest(decoded, file, abs.toLowerCase().endsWith('.json'));
  }
  if (inputs.stdin) {
    const text = options.stdinText ?? '';
    ingest(text, '<stdin>', /^\s*[{[]/.test(text) && !/^\s*---/m.test(text));
  }

  const charts: ChartInput[] = [];
  if (inputs.charts.length) {
    const rendered = await loadCharts(inputs.charts, { display, defaultNamespace, kubeVersion, ...options.helm, config: config.helm });
    fileCount += rendered.files;
    resources.push(...rendered.resources);
    problems.push(...rendered.problems);
    charts.push(...rendered.charts);
    for (const [f, d] of rendered.directives) directives.set(f, d);
  }

  return { cwd, config, baseDir: loaded.baseDir, resources, problems, directives, charts, fileCount, kubeVersion, defaultNamespace, ruleSettings: settings };
}

export function sortFindings(list: Finding[]): Finding[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...list].sort(
    (a, b) =>
      cmp(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.message, b.message),
  );
}
