/**
 * Expands the command line's PATHs into manifest files, chart roots and
 * standard input. Directories are walked with fast-glob, honouring
 * .gitignore files and the config's `ignore` globs; a directory with
 * Chart.yaml is a chart, and files inside a chart stand for the whole chart.
 * A name that is not UTF-8 is listed and read by its bytes (byte-names.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignoreFactory from 'ignore';
import { fastGlob } from '../vendor.js';
import { isRegularFile } from './read.js';
import { byteNameFs, fsPath } from './byte-names.js';

// fast-glob costs ~23 ms to import; a single named file does not need it.
const fg = { sync: (...args: Parameters<ReturnType<typeof fastGlob>['sync']>) => fastGlob().sync(...args) };
import { InputError } from '../errors.js';
import { archiveHoldsChart } from './chart-archive.js';

export interface ExpandedInputs {
  /** Absolute paths of manifest files, sorted. */
  files: string[];
  /** The files among them that were named on the command line (not found by a walk or a glob). */
  explicit: Set<string>;
  /** Absolute paths of chart directories or .tgz archives, sorted. */
  charts: string[];
  stdin: boolean;
}

const MANIFEST_EXT = /\.(ya?ml|json)$/i;
const GLOB_CHARS = /[*?[\]{}]/;

export function expandInputs(paths: readonly string[], opts: { cwd: string; ignore: readonly string[]; ignoreBase: string }): ExpandedInputs {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const charts = new Set<string>();
  let stdin = false;
  const configIgnore = ignoreFactory().add([...opts.ignore]);
  const ignoredByConfig = (abs: string) => {
    const rel = path.relative(opts.ignoreBase, abs);
    return rel !== '' && !rel.startsWith('..') && configIgnore.ignores(rel.split(path.sep).join('/'));
  };

  const addFile = (abs: string) => {
    const chart = enclosingChart(abs);
    if (chart) charts.add(chart);
    else if (abs.toLowerCase().endsWith('.tgz')) charts.add(abs);
    else files.add(abs);
  };

  for (const p of paths.length ? paths : ['.']) {
    if (p === '-') {
      stdin = true;
      continue;
    }
    const abs = path.resolve(opts.cwd, p);
    if (existsSync(abs)) {
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs, opts.cwd, ignoredByConfig, files, charts);
      else {
        addFile(abs);
        explicit.add(abs);
      }
      continue;
    }
    if (GLOB_CHARS.test(p)) {
      const matches = fg.sync(p, { cwd: opts.cwd, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'], fs: byteNameFs });
      for (const m of matches) if (!ignoredByConfig(m) && (MANIFEST_EXT.test(m) || (m.endsWith('.tgz') && archiveHoldsChart(m)))) addFile(path.normalize(m));
      if (matches.length === 0) throw new InputError(`no files match ${p}`);
      continue;
    }
    throw new InputError(`path not found: ${p}`);
  }
  return { files: [...files].sort(), explicit, charts: [...charts].sort(), stdin };
}

/** The outermost chart containing `file` (a chart's subcharts belong to it), if any. */
export function enclosingChart(file: string): string | undefined {
  let dir = path.dirname(file);
  let found: string | undefined;
  for (;;) {
    if (existsSync(fsPath(path.join(dir, 'Chart.yaml')))) {
      found = dir;
      // A subchart lives in <parent>/charts/<sub>: keep climbing to the parent chart.
      const parent = path.dirname(dir);
      if (path.basename(parent) !== 'charts' || !existsSync(path.join(path.dirname(parent), 'Chart.yaml'))) return found;
      dir = path.dirname(parent);
      continue;
    }
    const up = path.dirname(dir);
    if (up === dir) return found;
    dir = up;
  }
}

function walk(root: string, cwd: string, ignoredByConfig: (abs: string) => boolean, files: Set<string>, charts: Set<string>): void {
  // A directory that is itself a chart (or inside one) is linted as that chart.
  const own = existsSync(path.join(root, 'Chart.yaml')) ? enclosingChart(path.join(root, 'Chart.yaml')) : enclosingChart(path.join(root, 'x'));
  if (own) {
    charts.add(own);
    return;
  }
  const entries = fg.sync(['**/*.{yaml,yml,json,YAML,YML,JSON}', '**/*.tgz', '**/.gitignore'], {
    cwd: root,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    // Names that are not UTF-8 come back as byte-names.ts holds them, not lossy.
    fs: byteNameFs,
  });
  entries.sort();
  const gitignores = gitignoreMatchers(root, entries.filter((e) => path.basename(e) === '.gitignore'));
  const isIgnored = (rel: string) => gitignores.some((g) => g.ignores(rel)) || ignoredByConfig(path.join(root, rel));
  const chartRoots = entries
    .filter((e) => path.basename(e) === 'Chart.yaml' && !isIgnored(e))
    .map((e) => path.dirname(e))
    .filter((d, _i, all) => !all.some((o) => o !== d && (d.startsWith(o === '.' ? '' : o + '/') && o !== d)))
    .sort();
  const inChart = (rel: string) => chartRoots.some((c) => c === '.' || rel.startsWith(c + '/'));
  for (const c of chartRoots) charts.add(path.join(root, c));
  for (const rel of entries) {
    if (path.basename(rel) === '.gitignore' || inChart(rel) || isIgnored(rel)) continue;
    const abs = path.join(root, rel);
    // Only an archive that holds a Chart.yaml is a chart; other tarballs (npm packs...) are not inputs.
    if (rel.endsWith('.tgz')) {
      if (archiveHoldsChart(abs)) charts.add(abs);
    } else files.add(abs);
  }
  void cwd;
}

interface Matcher { ignores(rel: string): boolean }

/** .gitignore files of the walked tree and of its ancestors up to the repository root. */
function gitignoreMatchers(root: string, nested: string[]): Matcher[] {
  const out: Matcher[] = [];
  const add = (dir: string, file: string) => {
    let text: string;
    try {
      if (!isRegularFile(file)) return;
      text = readFileSync(fsPath(file), 'utf8');
    } catch {
      return;
    }
    const ig = ignoreFactory().add(text);
    out.push({
      ignores(rel: string) {
        const abs = path.join(root, rel);
        const r = path.relative(dir, abs);
        if (r === '' || r.startsWith('..')) return false;
        return ig.ignores(r.split(path.sep).join('/'));
      },
    });
  };
  let dir = path.dirname(root);
  while (!existsSync(path.join(root, '.git'))) {
    if (existsSync(path.join(dir, '.gitignore'))) add(dir, path.join(dir, '.gitignore'));
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
    dir = path.dirname(dir);
  }
  for (const g of nested) add(path.join(root, path.dirname(g)), path.join(root, g));
  return out;
}
