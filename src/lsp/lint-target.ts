/**
 * One lint run of one target (src/lsp/project.ts) through the command line's pipeline
 * (src/lint.ts), with the editor's unsaved buffers as the overlay. A chart is linted as the
 * pre-commit mode lints it (`--context auto`: the project's manifests feed the cross-resource
 * rules); the raw manifests by walking the project without its charts (walked files are not
 * strict: a docker-compose.yaml is skipped, not an error). What ends a CLI run with exit 2
 * (an invalid config, an unreadable values file) becomes a problem at the config file.
 */
import path from 'node:path';
import { findConfig, loadConfig } from '../config/load.js';
import { FatalError, InputError } from '../errors.js';
import { lint } from '../lint.js';
import { AUTO_CONTEXT } from '../load/project.js';
import type { TextOverlay } from '../load/read.js';
import type { Finding } from '../types.js';
import { RULES } from '../../rules/index.js';
import { projectTargets, type Target } from './project.js';

export interface TargetResult {
  /** Findings with absolute file paths. */
  findings: Finding[];
  /** Why the run could not happen, at the file to fix (the config file, else the chart's Chart.yaml). */
  fatal?: { file: string; message: string };
}

export async function lintTarget(target: Target, overlay: TextOverlay): Promise<TargetResult> {
  const { root } = target;
  try {
    const result = target.kind === 'chart'
      ? await lint({ cwd: root, paths: [target.chart], context: AUTO_CONTEXT, overlay, fixes: true })
      : await lint({ cwd: root, paths: [root], config: { ignore: await rawIgnores(root, overlay) }, overlay, fixes: true });
    return { findings: result.findings.map((f) => absoluteFinding(f, root)) };
  } catch (e) {
    // A project without raw manifests (or an emptied chart) has nothing to say.
    if (e instanceof InputError && /^nothing to lint/.test(e.message)) return { findings: [] };
    if (!(e instanceof FatalError)) throw e;
    const at = findConfig(root) ?? (target.kind === 'chart' ? path.join(target.chart, 'Chart.yaml') : undefined);
    if (!at) throw e;
    return { findings: [], fatal: { file: at, message: e.message } };
  }
}

/** A finding with every file path (its place, related places, its fix's places) absolute. */
function absoluteFinding(f: Finding, root: string): Finding {
  const at = <T extends { file: string }>(x: T): T => ({ ...x, file: path.resolve(root, x.file) });
  const { fix } = f;
  return {
    ...f,
    location: at(f.location),
    ...(f.related ? { related: f.related.map(at) } : {}),
    ...(fix ? { fix: { ...fix, ...(fix.replace ? { replace: { ...fix.replace, at: fix.replace.at.map(at) } } : {}), ...(fix.insert ? { insert: { ...fix.insert, at: at(fix.insert.at) } } : {}) } } : {}),
  };
}

/** The config's ignore globs plus the project's chart directories (linted as their own targets), unless units share a cluster. */
async function rawIgnores(root: string, overlay: TextOverlay): Promise<string[]> {
  const { config, baseDir } = await loadConfig(root, undefined, RULES, overlay);
  const own = config.ignore ?? [];
  if (config.units === 'shared') return own;
  const charts = projectTargets(root).flatMap((t) => (t.kind === 'chart' ? [path.relative(baseDir, t.chart).split(path.sep).join('/')] : []));
  return [...own, ...charts.filter((c) => c !== '' && !c.startsWith('..')).map((c) => `/${c}/`)];
}
