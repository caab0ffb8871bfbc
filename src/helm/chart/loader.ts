/**
 * Loading a chart from a directory or a .tgz archive, as Helm's
 * pkg/chart/loader does: .helmignore applied to directories (not archives),
 * Chart.yaml / requirements.yaml / values.yaml / values.schema.json picked
 * out, templates/ apart, charts/<name>/ and charts/<name>.tgz loaded as
 * subcharts (recursively), everything else a file for .Files.
 */
import { readFileSync, readdirSync, realpathSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { Chart, type ChartFile } from './chart.js';
import { HelmIgnore, HelmIgnoreError } from './helmignore.js';
import { ChartLoadError, decodeLock, decodeMetadata, emptyMetadata, LOCK_TARGET, METADATA_TARGET, validateMetadata } from './metadata.js';
import { ArchiveError, MAX_DECOMPRESSED_FILE_SIZE, loadArchiveFiles, newUnpackBudget, trimBom, type BufferedFile, type UnpackBudget } from './tar.js';
import { readValuesFile, readYamlValues, YamlError } from './values-yaml.js';
import type { GoMap } from '../go/value.js';

export { ChartLoadError };

const decoder = new TextDecoder('utf-8');

/** Warnings Helm prints with log.Printf while loading (requirements.yaml on v2 charts). */
export type WarnFn = (message: string) => void;

/** Texts to use instead of the disk's, by absolute path (an editor's unsaved buffers); undefined: read the disk. */
export type FileOverlay = (abs: string) => string | undefined;

const encoder = new TextEncoder();

interface LoadContext {
  warn: WarnFn;
  /** Display prefix for values.yaml origins, e.g. "mychart/charts/sub". */
  displayRoot: string;
  /** Bytes the chart's archives may still unpack, nested ones included; a new budget when absent. */
  unpacked?: UnpackBudget;
}

function walkDir(topdir: string, rules: HelmIgnore, overlay?: FileOverlay): BufferedFile[] {
  const files: BufferedFile[] = [];
  // Symlinked directories are followed; a link back into the walk would never end, so each real directory is walked once.
  const seen = new Set<string>();
  const walk = (abs: string, rel: string): void => {
    const real = realpathSync(abs);
    if (seen.has(real)) throw new ChartLoadError(`symlink loop at ${abs}`);
    seen.add(real);
    // Go's filepath.Walk visits entries in lexical (byte) order.
    const names = readdirSync(abs).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const childAbs = join(abs, name);
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const st = statSync(childAbs); // follows symlinks, as Helm's sympath.Walk does
      if (st.isDirectory()) {
        if (rules.ignores(childRel, true)) continue;
        walk(childAbs, childRel);
        seen.delete(realpathSync(childAbs));
        continue;
      }
      if (rules.ignores(childRel, false)) continue;
      if (!st.isFile()) throw new ChartLoadError(`cannot load irregular file ${childAbs} as it has file mode type bits set`);
      if (st.size > MAX_DECOMPRESSED_FILE_SIZE) {
        throw new ChartLoadError(`chart file "${name}" is larger than the maximum file size ${MAX_DECOMPRESSED_FILE_SIZE}`);
      }
      const open = overlay?.(childAbs);
      const data = trimBom(open !== undefined ? encoder.encode(open) : new Uint8Array(readFileSync(childAbs)));
      files.push({ name: childRel, data, diskPath: childAbs } as BufferedFile & { diskPath: string });
    }
  };
  walk(topdir, '');
  return files;
}

/** Helm's LoadDir. */
export function loadDir(dir: string, warn: WarnFn = () => {}, overlay?: FileOverlay): Chart {
  const topdir = resolve(dir);
  let rules = new HelmIgnore();
  const ignoreFile = join(topdir, '.helmignore');
  let ignoreText: string | undefined;
  try {
    // Only a regular file: a FIFO named .helmignore would block the read forever.
    ignoreText = overlay?.(ignoreFile) ?? (statSync(ignoreFile).isFile() ? readFileSync(ignoreFile, 'utf8') : undefined);
  } catch {
    ignoreText = undefined;
  }
  if (ignoreText !== undefined) {
    try {
      rules = HelmIgnore.parse(ignoreText);
    } catch (e) {
      if (e instanceof HelmIgnoreError) throw new ChartLoadError(e.message);
      throw e;
    }
  }
  rules.addDefaults();
  const files = walkDir(topdir, rules, overlay);
  return loadFiles(files, { warn, displayRoot: '' });
}

/** Helm's LoadFile for a .tgz (with its "does not appear to be a gzipped archive" checks). */
export function loadArchiveFile(file: string, warn: WarnFn = () => {}): Chart {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(512);
  let n = 0;
  try {
    n = readSync(fd, head, 0, 512, 0);
  } finally {
    closeSync(fd);
  }
  const isGzip = n >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08;
  if (!isGzip) {
    if (file.endsWith('.yml') || file.endsWith('.yaml')) {
      throw new ChartLoadError(`file '${file}' seems to be a YAML file, but expected a gzipped archive`);
    }
    throw new ChartLoadError(`file '${file}' does not appear to be a gzipped archive; got '${detectContentType(head.subarray(0, n))}'`);
  }
  try {
    const unpacked = newUnpackBudget();
    return loadFiles(loadArchiveFiles(new Uint8Array(readFileSync(file)), unpacked), { warn, displayRoot: '', unpacked });
  } catch (e) {
    if (e instanceof ArchiveError && e.message === 'gzip: invalid header') {
      throw new ChartLoadError(`file '${file}' does not appear to be a valid chart file (details: gzip: invalid header)`);
    }
    throw e;
  }
}

/** The few answers of Go's http.DetectContentType that a non-archive chart path gets. */
function detectContentType(b: Uint8Array): string {
  if (b.length === 0) return 'text/plain; charset=utf-8';
  for (const x of b) if (x < 0x09 || (x > 0x0d && x < 0x20 && x !== 0x1b)) return 'application/octet-stream';
  return 'text/plain; charset=utf-8';
}

/** Helm's loader.Load: a directory or an archive. */
export function loadChartSync(path: string, warn: WarnFn = () => {}, overlay?: FileOverlay): Chart {
  const st = statSync(path);
  if (st.isDirectory()) return loadDir(path, warn, overlay);
  // Opening a FIFO blocks until a writer comes; a device can stream forever.
  if (!st.isFile()) throw new ChartLoadError(`cannot load irregular file ${path} as it has file mode type bits set`);
  return loadArchiveFile(path, warn);
}

function yamlLoadError(what: string, e: unknown, diskPath?: string): ChartLoadError {
  if (e instanceof YamlError) return new ChartLoadError(`cannot load ${what}: ${e.message}`, diskPath, e.position);
  if (e instanceof ChartLoadError) return new ChartLoadError(`cannot load ${what}: ${e.message}`, diskPath);
  throw e;
}

/** Helm's LoadFiles: builds a chart (and its subcharts) from its files. */
export function loadFiles(files: BufferedFile[], ctx: LoadContext): Chart {
  let md: ReturnType<typeof emptyMetadata> | undefined;
  for (const f of files) {
    if (f.name !== 'Chart.yaml') continue;
    md ??= emptyMetadata();
    try {
      decodeMetadata(readYamlValues(decoder.decode(f.data), 'Chart.yaml', false, METADATA_TARGET), md);
    } catch (e) {
      throw yamlLoadError('Chart.yaml', e, (f as ChartFile).diskPath);
    }
    if (md.apiVersion === '') md.apiVersion = 'v1';
  }
  const templates: ChartFile[] = [];
  const other: ChartFile[] = [];
  const subcharts = new Map<string, BufferedFile[]>();
  let values: GoMap = Object.create(null) as GoMap;
  let schema: Uint8Array | undefined;
  const displayName = () => (ctx.displayRoot === '' ? (md?.name ?? '') : ctx.displayRoot);
  for (const f of files) {
    const cf: ChartFile = { name: f.name, data: f.data, diskPath: (f as ChartFile).diskPath };
    if (f.name === 'Chart.yaml') continue;
    if (f.name === 'Chart.lock') {
      // Only decoded to report a broken lock file, as Helm does.
      try {
        decodeLock(readYamlValues(decoder.decode(f.data), 'Chart.lock', false, LOCK_TARGET));
      } catch (e) {
        throw yamlLoadError('Chart.lock', e, (f as ChartFile).diskPath);
      }
      continue;
    }
    if (f.name === 'values.yaml') {
      try {
        values = readValuesFile(decoder.decode(f.data), cf.diskPath ?? `${displayName()}/values.yaml`);
      } catch (e) {
        throw yamlLoadError('values.yaml', e, (f as ChartFile).diskPath);
      }
      continue;
    }
    if (f.name === 'values.schema.json') {
      schema = f.data;
      continue;
    }
    if (f.name === 'requirements.yaml') {
      md ??= emptyMetadata();
      if (md.apiVersion !== 'v1') {
        ctx.warn('Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.');
      }
      try {
        decodeMetadata(readYamlValues(decoder.decode(f.data), 'requirements.yaml', false, METADATA_TARGET), md);
      } catch (e) {
        throw yamlLoadError('requirements.yaml', e, (f as ChartFile).diskPath);
      }
      if (md.apiVersion === 'v1') other.push(cf);
      continue;
    }
    if (f.name === 'requirements.lock') {
      try {
        decodeLock(readYamlValues(decoder.decode(f.data), 'requirements.lock', false, LOCK_TARGET));
      } catch (e) {
        throw yamlLoadError('requirements.lock', e, (f as ChartFile).diskPath);
      }
      md ??= emptyMetadata();
      if (md.apiVersion !== 'v1') {
        ctx.warn('Warning: Dependency locking is handled in Chart.lock since apiVersion "v2". We recommend migrating to Chart.lock.');
      }
      if (md.apiVersion === 'v1') other.push(cf);
      continue;
    }
    if (f.name.startsWith('templates/')) {
      templates.push(cf);
      continue;
    }
    if (f.name.startsWith('charts/')) {
      if (extname(f.name) === '.prov') {
        other.push(cf);
        continue;
      }
      const fname = f.name.slice('charts/'.length);
      const cname = fname.split('/')[0];
      const list = subcharts.get(cname) ?? [];
      list.push({ ...f, name: fname });
      subcharts.set(cname, list);
      continue;
    }
    other.push(cf);
  }
  if (!md) throw new ChartLoadError('Chart.yaml file is missing');
  validateMetadata(md);
  const chart = new Chart(md, values);
  chart.templates = templates;
  chart.files = other;
  chart.schema = schema;
  chart.valuesFile = `${displayName()}/values.yaml`;
  chart.raw = files;

  // Helm iterates a Go map here (random order); we sort by name so output is stable.
  for (const n of [...subcharts.keys()].sort()) {
    const subFiles = subcharts.get(n)!;
    if (n.startsWith('_') || n.startsWith('.')) continue;
    let sc: Chart;
    try {
      if (extname(n) === '.tgz') {
        const file = subFiles[0];
        if (file.name !== n) throw new ChartLoadError(`error unpacking subchart tar in ${chart.name()}: expected ${n}, got ${file.name}`);
        ctx.unpacked ??= newUnpackBudget();
        sc = loadFiles(loadArchiveFiles(file.data, ctx.unpacked), { warn: ctx.warn, displayRoot: `${displayName()}/charts/${n}`, unpacked: ctx.unpacked });
      } else {
        const buff: BufferedFile[] = [];
        for (const f of subFiles) {
          const slash = f.name.indexOf('/');
          if (slash < 0) continue;
          buff.push({ ...f, name: f.name.slice(slash + 1) });
        }
        sc = loadFiles(buff, { warn: ctx.warn, displayRoot: `${displayName()}/charts/${n}`, unpacked: (ctx.unpacked ??= newUnpackBudget()) });
      }
    } catch (e) {
      if (e instanceof ChartLoadError && e.message.startsWith('error unpacking subchart tar')) throw e;
      if (e instanceof ChartLoadError || e instanceof ArchiveError) {
        throw new ChartLoadError(`error unpacking subchart ${n} in ${chart.name()}: ${e.message}`, e instanceof ChartLoadError ? e.file : undefined, e instanceof ChartLoadError ? e.position : undefined);
      }
      throw e;
    }
    chart.addDependency(sc);
  }
  return chart;
}
