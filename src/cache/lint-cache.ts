/**
 * `--cache`: the findings of each deployment unit (src/lint-units.ts), kept in
 * one JSON file between runs, as ESLint's --cache keeps each file's results. A
 * unit's entry is reused when nothing its findings depend on changed:
 *   - the cache's key: file format, package version and a hash of the build (the
 *     rules' code), working directory, the config as resolved (rules, options,
 *     overrides, helm, images...), kube version, namespace, the Helm and shard
 *     options of the command line;
 *   - the unit's input: every file under a chart's directory (values, ci values,
 *     templates, subcharts, .helmignore) or the chart archive, plus the values files
 *     given by the config or --values; for the raw manifests, each file's text;
 *   - the cluster facts all units share (namespaces, CRDs, the `crds` option's files);
 *   - each Dockerfile its rules looked up: the same answer, the same content.
 * The cache file is ours, never the user's (default `.k8s-todo-lint-cache` in the
 * working directory, to be git-ignored); a file that cannot be read or parsed, or
 * that another version wrote, is ignored, and one that cannot be written is skipped:
 * the cache never changes a finding and never fails a run.
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DockerfileCatalogue, DockerfileLookup, ImageName } from '../engine/rule.js';
import type { UnitOutput } from '../lint-units.js';
import { packageRoot } from '../package-root.js';
import { VERSION } from '../version.js';

// node:crypto on first use: only --cache hashes, and loading it (or its bundle stand-in's
// named exports) is a cost every lint would pay at start-up.
const require = createRequire(import.meta.url);
let hashFn: typeof import('node:crypto').createHash | undefined;
const createHash = (algorithm: string) => (hashFn ??= (require('node:crypto') as typeof import('node:crypto')).createHash)(algorithm);

export const DEFAULT_CACHE_LOCATION = '.k8s-todo-lint-cache';

/** Bumped when the entries' shape changes. */
const FORMAT = 1;

/** One Dockerfile lookup a unit's rules made, and what it answered then. */
export interface DockerfileLookupRecord {
  image: ImageName;
  files: string[];
  /** `found:<display path>:<content hash>`, or `none:<why>`. */
  answer: string;
}

interface Entry {
  input: string;
  cluster: string;
  meta: unknown;
  output: UnitOutput;
  dockerfiles: DockerfileLookupRecord[];
}

interface CacheFile {
  /** First key of the file: what says a file is a cache of ours (another file at the location is never overwritten). */
  k8sTodoLintCache: number;
  key: string;
  units: Record<string, Entry>;
}

export interface CachedUnit<M> {
  meta: M;
  /** The unit's output when the cluster facts and its Dockerfiles are unchanged too, else undefined. */
  output(clusterKey: string): UnitOutput | undefined;
}

export interface LintCache {
  readonly location: string;
  readonly stats: { hits: number; misses: number };
  lookup<M>(id: string, input: string): CachedUnit<M> | undefined;
  store(id: string, input: string, cluster: string, meta: unknown, output: UnitOutput, dockerfiles: DockerfileLookupRecord[]): void;
  save(): void;
}

export function hashParts(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p.length}:`).update(p);
  return h.digest('hex');
}

let buildHash: string | undefined;

/** A hash of the built code (the rules are in it): a rebuilt linter never reuses another build's findings. */
function build(): string {
  if (buildHash !== undefined) return buildHash;
  const h = createHash('sha256');
  const root = packageRoot();
  for (const rel of ['dist/bundle/main.cjs', 'dist/bundle/helm.cjs', 'dist/src/lint.js']) {
    try {
      h.update(readFileSync(path.join(root, rel)));
    } catch {
      h.update(`no ${rel}`);
    }
  }
  return (buildHash = h.digest('hex'));
}

/** The key of everything a whole run's findings depend on besides its inputs. */
export function cacheKey(resolved: { cwd: string; baseDir: string; config: unknown; ruleSettings: ReadonlyMap<string, unknown>; kubeVersion: string; defaultNamespace: string }, cli: { helm?: unknown; context?: string; shard?: unknown }): string {
  return hashParts([
    String(FORMAT),
    VERSION,
    build(),
    resolved.cwd,
    resolved.baseDir,
    JSON.stringify(resolved.config),
    JSON.stringify([...resolved.ruleSettings]),
    resolved.kubeVersion,
    resolved.defaultNamespace,
    JSON.stringify(cli.helm ?? {}),
    cli.context ?? '',
    JSON.stringify(cli.shard ?? null),
  ]);
}

/** The content key of a chart unit: every file under the chart (or the archive) and the values files applied to it. */
export function chartInputKey(abs: string, opts: { cwd: string; configDir: string; values?: string[]; config?: { values?: string[] } }): string {
  const parts: string[] = [];
  const add = (file: string, label: string) => {
    try {
      if (!statSync(file).isFile()) return void parts.push(label, 'special file');
      parts.push(label, createHash('sha256').update(readFileSync(file)).digest('hex'));
    } catch (e) {
      parts.push(label, `unreadable ${(e as NodeJS.ErrnoException).code ?? ''}`);
    }
  };
  const walk = (dir: string, rel: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      parts.push(rel, 'unreadable directory');
      return;
    }
    for (const name of names) {
      const p = path.join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (depth < 20) walk(p, `${rel}${name}/`, depth + 1);
      } else if (st.isFile()) add(p, `${rel}${name}`);
      // A FIFO or device is never opened (reading could block forever); its presence is part of the key.
      else parts.push(`${rel}${name}`, 'special file');
    }
  };
  if (existsSync(abs) && statSync(abs).isDirectory()) walk(abs, '', 0);
  else add(abs, path.basename(abs));
  for (const v of opts.config?.values ?? []) add(path.resolve(opts.configDir, v), `values ${v}`);
  for (const v of opts.values ?? []) add(path.resolve(opts.cwd, v), `values ${v}`);
  return hashParts(parts);
}

/** A catalogue that answers as `inner` does and records each lookup, for the cache to check later. */
export function recordingCatalogue(inner: DockerfileCatalogue): DockerfileCatalogue & { lookups: DockerfileLookupRecord[] } {
  const lookups: DockerfileLookupRecord[] = [];
  const seen = new Set<string>();
  return {
    lookups,
    lookup(image, files) {
      const answer = inner.lookup(image, files);
      const key = JSON.stringify([image.prefix ?? '', image.name, files]);
      if (!seen.has(key)) {
        seen.add(key);
        lookups.push({ image: { prefix: image.prefix, name: image.name }, files: [...files], answer: answerKey(answer) });
      }
      return answer;
    },
  };
}

const contentHashes = new Map<string, string>();

function answerKey(answer: DockerfileLookup): string {
  if (!answer.found) return `none:${answer.why}`;
  const abs = answer.dockerfile.abs;
  let hash = contentHashes.get(abs);
  if (hash === undefined) {
    try {
      hash = createHash('sha256').update(readFileSync(abs)).digest('hex');
    } catch {
      hash = 'unreadable';
    }
    contentHashes.set(abs, hash);
  }
  return `found:${answer.dockerfile.file}:${hash}`;
}

/** Reads the cache file (an unreadable, corrupt or foreign one is an empty cache). */
export function openCache(location: string, key: string, dockerfiles: DockerfileCatalogue): LintCache {
  contentHashes.clear();
  // A directory holds the cache file, as ESLint's --cache-location does.
  if (existsSync(location) && statSync(location).isDirectory()) location = path.join(location, DEFAULT_CACHE_LOCATION);
  let file: CacheFile = { k8sTodoLintCache: FORMAT, key, units: {} };
  let writable = true;
  try {
    const text = readFileSync(location, 'utf8');
    // A file at the location that is not a cache of ours is the user's: read as no cache, never overwritten.
    writable = text.startsWith('{"k8sTodoLintCache":');
    const read = JSON.parse(text) as CacheFile;
    if (read && read.k8sTodoLintCache === FORMAT && read.key === key && read.units && typeof read.units === 'object') file = read;
  } catch {
    // No cache yet, or not one we can use (unreadable, cut short): every unit is linted.
  }
  const stats = { hits: 0, misses: 0 };
  let changed = false;
  const dockerfilesUnchanged = (records: DockerfileLookupRecord[]) =>
    Array.isArray(records) && records.every((r) => answerKey(dockerfiles.lookup(r.image, r.files)) === r.answer);
  return {
    location,
    stats,
    lookup<M>(id: string, input: string): CachedUnit<M> | undefined {
      const entry = file.units[id];
      if (!entry || entry.input !== input || !entry.output) return undefined;
      return {
        meta: entry.meta as M,
        output(cluster) {
          if (entry.cluster !== cluster || !dockerfilesUnchanged(entry.dockerfiles)) return undefined;
          stats.hits++;
          return entry.output;
        },
      };
    },
    store(id, input, cluster, meta, output, records) {
      stats.misses++;
      file.units[id] = { input, cluster, meta, output, dockerfiles: records };
      changed = true;
    },
    save() {
      if (!changed || !writable) return;
      try {
        mkdirSync(path.dirname(location), { recursive: true });
        // Written whole, then renamed: a run stopped half-way leaves the previous cache, never half a file.
        const tmp = `${location}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(file));
        renameSync(tmp, location);
      } catch {
        // A cache that cannot be written only costs the next run its reuse.
      }
    },
  };
}
