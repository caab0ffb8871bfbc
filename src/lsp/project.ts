/**
 * The language server's workspace model: which project a file belongs to and what must be
 * linted again when it changes. A project is what the pre-commit mode's `--context auto`
 * sees (src/load/project.ts): the config file's directory, else the git top level, else the
 * editor's workspace folder. Its lint targets are each chart (a change to any file of the
 * chart, values.yaml or ci/*-values.yaml included, renders it again) and its raw manifests
 * together (so cross-resource rules see every file); the config file, Dockerfiles and the
 * values files the config names concern every target.
 */
import path from 'node:path';
import { findConfig, loadConfig } from '../config/load.js';
import { enclosingChart, expandInputs } from '../load/inputs.js';
import { projectRoot, AUTO_CONTEXT } from '../load/project.js';
import type { TextOverlay } from '../load/read.js';
import { RULES } from '../../rules/index.js';

/** What one lint run covers: one chart (with the project's manifests as context), or the project's raw manifests. */
export type Target = { kind: 'chart'; root: string; chart: string } | { kind: 'raw'; root: string };

export function targetKey(t: Target): string {
  return t.kind === 'chart' ? `chart\u0000${t.chart}` : `raw\u0000${t.root}`;
}

/** The project root of an absolute file path: where `--context auto` would look from it. */
export function projectOf(file: string, workspaceFolders: readonly string[]): string {
  const dir = path.dirname(file);
  const folder = workspaceFolders.filter((f) => dir === f || dir.startsWith(`${f}${path.sep}`)).sort((a, b) => b.length - a.length)[0];
  return projectRoot(AUTO_CONTEXT, { cwd: folder ?? enclosingChart(file) ?? dir, configFile: findConfig(dir) });
}

/** The values files the project's config names (helm.values), absolute; none when the config cannot be read. */
export async function configValuesFiles(root: string, overlay: TextOverlay): Promise<string[]> {
  try {
    const loaded = await loadConfig(root, undefined, RULES, overlay);
    return (loaded.config.helm?.values ?? []).map((v) => path.resolve(loaded.baseDir, v));
  } catch {
    return [];
  }
}

/** Every target of a project. */
export function projectTargets(root: string): Target[] {
  let charts: string[] = [];
  try {
    charts = expandInputs([root], { cwd: root, ignore: [], ignoreBase: root }).charts;
  } catch {
    // An empty or unreadable project has no charts.
  }
  return [{ kind: 'raw', root }, ...charts.filter((c) => !c.toLowerCase().endsWith('.tgz')).map((chart): Target => ({ kind: 'chart', root, chart }))];
}

/**
 * The targets a change to `file` affects: its chart, or the raw manifests, or all of them (the
 * config, a Dockerfile, a values file the config names); none for other files.
 */
export function targetsOf(file: string, root: string, configValues: readonly string[]): Target[] {
  const name = path.basename(file);
  if (/^\.k8s-todo-lint\.(ya?ml|json)$/.test(name) || /dockerfile/i.test(name) || configValues.includes(file)) return projectTargets(root);
  const chart = enclosingChart(file);
  if (!/\.(ya?ml|json|tpl|txt)$/i.test(name) && !chart) return [];
  if (chart) return [{ kind: 'chart', root, chart }];
  return [{ kind: 'raw', root }];
}

/** Whether a file is a values file: a chart's values.yaml, a ci/*-values.yaml, or one the config names. */
export function isValuesFile(file: string, configValues: readonly string[]): boolean {
  const name = path.basename(file);
  return /^values\.ya?ml$/.test(name) || (path.basename(path.dirname(file)) === 'ci' && /-values\.ya?ml$/.test(name)) || configValues.includes(file);
}

/** Whether `# k8s-todo-lint-disable...` comments in this file are read: raw YAML manifests and chart templates. */
export function takesDirectives(file: string): boolean {
  if (!/\.ya?ml$/i.test(file)) return /\.tpl$/i.test(file) && !!enclosingChart(file);
  const chart = enclosingChart(file);
  return !chart || path.relative(chart, file).split(path.sep).includes('templates');
}
