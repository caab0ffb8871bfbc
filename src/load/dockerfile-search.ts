/**
 * Where the Dockerfile of an image is: the config's `images:` entry, else the
 * layouts the design documents use (deploy/docker/<component>/Dockerfile,
 * docker/<component>/Dockerfile, <component>/Dockerfile), looked for from the
 * config's directory, the working directory, and the directories above each
 * manifest up to the repository root.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImageRef } from '../k8s/image.js';

export interface ImageConfig {
  dockerfile?: string;
  context?: string;
}

export interface FindOptions {
  /** The config file's directory: `images:` paths are relative to it, and it is searched first. */
  baseDir: string;
  cwd: string;
  /** The config's `images:` map (image name without tag -> Dockerfile and build context). */
  images?: Readonly<Record<string, ImageConfig>>;
  /** Absolute directories of the manifests (or templates) that use the image; searched upward. */
  manifestDirs?: readonly string[];
  /**
   * What the search read of the disk, shared by the searches of one lint (src/load/dockerfiles.ts):
   * each chart's images are searched from its own template directory, and all of them walk up
   * through the same directories (the config's, the working directory, the repository's).
   */
  seen?: DiskSeen;
}

/** Directory listings and file checks, read once and then remembered. */
export interface DiskSeen {
  listings: Map<string, ReadonlySet<string>>;
  files: Map<string, boolean>;
}

/** A new, empty memory of the disk (one per lint: nothing is kept from one lint to the next). */
export function diskSeen(): DiskSeen {
  return { listings: new Map(), files: new Map() };
}

export type FindResult =
  | { found: true; abs: string; how: string }
  | { found: false; reason: string };

/** `todo-frontend` -> `frontend`: the designs name an image todo-<component> and its directory <component>. */
export function componentOf(image: ImageRef): string {
  return image.name.startsWith('todo-') && image.name.length > 5 ? image.name.slice(5) : image.name;
}

const LAYOUTS = ['deploy/docker/%/Dockerfile', 'docker/%/Dockerfile', '%/Dockerfile'];

function isFile(p: string, seen?: DiskSeen): boolean {
  let is = seen?.files.get(p);
  if (is === undefined) {
    try {
      is = statSync(p).isFile();
    } catch {
      is = false;
    }
    seen?.files.set(p, is);
  }
  return is;
}

/** The config entry for an image: keyed by the full repository (`registry/path/name`) or the bare name. */
export function configEntry(image: ImageRef, images: FindOptions['images']): [string, ImageConfig] | undefined {
  if (!images) return undefined;
  const full = image.prefix ? `${image.prefix}/${image.name}` : image.name;
  for (const key of [full, image.name]) if (Object.hasOwn(images, key)) return [key, images[key]];
  return undefined;
}

/** Directories searched by convention, in order, without repeats. */
export function searchRoots(opts: FindOptions, listings: Listings = new Map()): string[] {
  const roots: string[] = [];
  const add = (d: string) => {
    if (!roots.includes(d)) roots.push(d);
  };
  add(path.resolve(opts.baseDir));
  add(path.resolve(opts.cwd));
  for (const start of opts.manifestDirs ?? []) {
    // Walk up from the manifest to the first directory already searched or holding .git (the repository root).
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      if (roots.includes(dir)) break;
      add(dir);
      if (namesIn(dir, listings).has('.git') || path.dirname(dir) === dir) break;
    }
  }
  return roots;
}

/**
 * The names in a directory, read once per search, or per lint with `seen` (empty when it cannot be read). Most
 * candidates fail at their first path segment, so one readdir per searched directory
 * replaces a stat per candidate (measured: findDockerfile was ~5% of a one-file lint).
 */
type Listings = Map<string, ReadonlySet<string>>;

function namesIn(dir: string, listings: Listings): ReadonlySet<string> {
  let names = listings.get(dir);
  if (names === undefined) {
    try {
      names = new Set(readdirSync(dir));
    } catch {
      names = new Set();
    }
    listings.set(dir, names);
  }
  return names;
}

export function findDockerfile(image: ImageRef, opts: FindOptions): FindResult {
  const entry = configEntry(image, opts.images);
  if (entry) {
    const [key, cfg] = entry;
    if (cfg.dockerfile !== undefined) {
      const abs = path.resolve(opts.baseDir, cfg.dockerfile);
      return isFile(abs, opts.seen) ? { found: true, abs, how: `config images.${key}.dockerfile` } : { found: false, reason: `images.${key}.dockerfile in the config is ${cfg.dockerfile}, which is not a file` };
    }
    if (cfg.context !== undefined) {
      // docker build's default: the Dockerfile at the root of the context.
      const abs = path.resolve(opts.baseDir, cfg.context, 'Dockerfile');
      return isFile(abs, opts.seen) ? { found: true, abs, how: `config images.${key}.context` } : { found: false, reason: `images.${key}.context in the config has no Dockerfile` };
    }
  }
  const names = [...new Set([componentOf(image), image.name])];
  const listings: Listings = opts.seen?.listings ?? new Map();
  const roots = searchRoots(opts, listings);
  for (const root of roots) {
    const top = namesIn(root, listings);
    for (const name of names) {
      for (const layout of LAYOUTS) {
        const rel = layout.replace('%', name);
        if (!top.has(rel.slice(0, rel.indexOf('/')))) continue;
        const abs = path.join(root, rel);
        if (isFile(abs, opts.seen)) return { found: true, abs, how: `convention ${rel}` };
      }
    }
  }
  return {
    found: false,
    // Worded only when a note is printed (--verbose): path.relative is slow enough to show.
    get reason() {
      const tried = LAYOUTS.flatMap((l) => names.map((n) => l.replace('%', n)));
      return `no ${tried.join(', ')} under ${roots.map((r) => path.relative(opts.cwd, r).split(path.sep).join('/') || '.').join(', ')}, and no images entry in the config`;
    },
  };
}
