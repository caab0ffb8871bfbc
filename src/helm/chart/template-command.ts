/**
 * The `template` command (`helm template` of Helm v3.21) on options already
 * parsed: the CLI (src/cli/template.ts) parses argv, prints the outcome and
 * writes --output-dir files; this decides what Helm would print, with the
 * same output and error text. Warnings Helm logs go to `env.log` as they
 * happen (the caller adds Go's log prefix).
 */
import { isAbsolute, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { renderHelm } from '../template/helm-engine.js';
import { helmFuncMap } from '../sprig/index.js';
import type { GoMap } from '../go/value.js';
import { parseKubeVersion } from './builtins.js';
import { loadChartSync } from './loader.js';
import { ChartRenderError } from './render-error.js';
import { renderChart, mergeUserValues, DEFAULT_KUBE_VERSION, type RenderOptions } from './render.js';
import { showOnly, ShowOnlyError } from './show-only.js';

/** The flags and arguments of `helm template`, parsed. */
export interface TemplateOptions {
  /** The positional arguments: [NAME] CHART. */
  args: string[];
  values: string[];
  set: string[];
  setString: string[];
  setFile: string[];
  setJson: string[];
  setLiteral: string[];
  namespace?: string;
  kubeVersion?: string;
  apiVersions: string[];
  nameTemplate?: string;
  includeCrds?: boolean;
  skipTests?: boolean;
  showOnly: string[];
  debug?: boolean;
  isUpgrade?: boolean;
  noHooks: boolean;
  generateName?: boolean;
  skipSchemaValidation?: boolean;
  outputDir?: string;
  releaseName?: boolean;
}

/** What the command may read and where its log lines go. */
export interface TemplateEnv {
  /** Directory that relative paths are resolved against. */
  cwd: string;
  /** Standard input for `-f -`. */
  readStdin?: () => string;
  /** A line Helm logs with Go's log package (no prefix, no newline), as it happens. */
  log: (message: string) => void;
  /** Text Helm writes to stderr as is ("WARNING: This chart is deprecated\n"). */
  notice: (text: string) => void;
  /**
   * Kubernetes version when --kube-version is not given. Default v1.36.0, what
   * Helm v3.21.4 release binaries report; Helm's own goldens were made with v1.20.0.
   */
  defaultKubeVersion?: string;
}

/** A rendered document for --output-dir: its template path and text. */
export interface TemplateDocument {
  source: string;
  text: string;
  isHook: boolean;
  isCrd?: boolean;
}

/** What `template` prints: its standard output, the files of --output-dir, or an error. */
export type TemplateOutcome =
  | { kind: 'output'; text: string }
  | { kind: 'output-dir'; dir: string; releaseName: string; documents: TemplateDocument[] }
  /** `Error: <message>` on stderr, exit status 1; with --debug after a render, `partialOutput` goes to stdout first. */
  | { kind: 'error'; message: string; partialOutput?: string };

class TemplateError extends Error {}

/** action.TemplateName: the --name-template rendered with Sprig and no data. */
function templateName(text: string): string {
  const out = renderHelm([{ name: 'name-template', text, data: Object.create(null) as GoMap }], helmFuncMap(), { strict: false });
  return out.get('name-template')?.text ?? '';
}

/** Runs `template` on parsed options; throws only on an internal error (a bug). */
export async function runTemplate(flags: TemplateOptions, env: TemplateEnv): Promise<TemplateOutcome> {
  const { cwd, log: logLine } = env;
  const fail = (message: string): TemplateOutcome => ({ kind: 'error', message });
  const { args, noHooks } = flags;
  if (args.length < 1) return fail('"helm template" requires at least 1 argument\n\nUsage:  helm template [NAME] [CHART] [flags]');

  let output = '';
  try {
    let kubeVersion = env.defaultKubeVersion ?? DEFAULT_KUBE_VERSION;
    if (flags.kubeVersion !== undefined && flags.kubeVersion !== '') {
      try {
        kubeVersion = parseKubeVersion(flags.kubeVersion).version;
      } catch (e) {
        throw new TemplateError(`invalid kube version '${flags.kubeVersion}': ${(e as Error).message}`);
      }
    }
    // action.Install.NameAndChart
    let name: string;
    let chartArg: string;
    if (args.length > 2) throw new TemplateError(`expected at most two arguments, unexpected arguments: ${args.slice(2).join(', ')}`);
    if (args.length === 2) {
      [name, chartArg] = args;
      if (flags.generateName) throw new TemplateError('cannot set --generate-name and also specify a name');
      if (flags.nameTemplate) throw new TemplateError('cannot set --name-template and also specify a name');
    } else if (flags.nameTemplate) {
      chartArg = args[0];
      name = templateName(flags.nameTemplate);
    } else {
      // `helm template` presets the name, so --generate-name never gets to choose one.
      chartArg = args[0];
      name = 'release-name';
    }
    // LocateChart
    const chartPath = resolve(cwd, chartArg.trim());
    if (!existsSync(chartPath)) {
      if (isAbsolute(chartArg) || chartArg.startsWith('.')) throw new TemplateError(`path "${chartArg.trim()}" not found`);
      throw new TemplateError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${chartArg.trim()}`);
    }
    const options: RenderOptions = {
      releaseName: name,
      namespace: flags.namespace ?? 'default',
      kubeVersion,
      apiVersions: flags.apiVersions,
      includeCrds: flags.includeCrds ?? false,
      skipTests: flags.skipTests ?? false,
      isUpgrade: flags.isUpgrade ?? false,
      valueFiles: flags.values.map((f) => (f.trim() === '-' ? f : resolve(cwd, f))),
      set: flags.set,
      setString: flags.setString,
      setJson: flags.setJson,
      setFile: flags.setFile,
      setLiteral: flags.setLiteral,
      stdin: env.readStdin,
      cwd,
    };
    let vals: GoMap;
    try {
      vals = mergeUserValues(options);
    } catch (e) {
      // Messages name the files as the user wrote them.
      let msg = (e as Error).message;
      for (const f of flags.values) msg = msg.split(resolve(cwd, f)).join(f);
      throw new TemplateError(msg);
    }
    const chart = loadChartSync(chartPath, logLine);
    // Helm refuses a library chart before it warns about deprecation.
    const installable = chart.metadata.type === '' || chart.metadata.type === 'application';
    if (chart.metadata.deprecated && installable) env.notice('WARNING: This chart is deprecated\n');
    const result = await renderChart(chart, { ...options, skipSchemaValidation: flags.skipSchemaValidation ?? false, onWarning: logLine }, vals);
    if (flags.outputDir !== undefined && flags.outputDir !== '') {
      return { kind: 'output-dir', dir: flags.outputDir, releaseName: options.releaseName!, documents: result.documents };
    }
    output = noHooks ? result.output.slice(0, result.output.length - hooksLength(result)) : result.output;
    if (flags.showOnly.length > 0) output = showOnly(output, flags.showOnly);
    return { kind: 'output', text: output };
  } catch (e) {
    if (e instanceof ShowOnlyError) return fail(e.message);
    if (e instanceof ChartRenderError) {
      if (e.afterRender && flags.debug) {
        return { kind: 'error', message: e.message, partialOutput: e.partialOutput === '' ? '\n' : e.partialOutput };
      }
      return fail(e.afterRender ? `${e.message}\n\nUse --debug flag to render out invalid YAML` : e.message);
    }
    if (e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError) && !(e instanceof ReferenceError)) {
      return fail(e.message);
    }
    throw e;
  }
}

/** Length of the hooks part at the end of the output (for --no-hooks). */
function hooksLength(result: { documents: { isHook: boolean; source: string; text: string }[] }): number {
  let n = 0;
  for (const d of result.documents) if (d.isHook) n += `---\n# Source: ${d.source}\n${d.text}\n`.length;
  return n;
}
