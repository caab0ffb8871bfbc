/**
 * Where the Dockerfile of an image is: the config's `images:` entry, else the
 * layouts the design documents use (deploy/docker/<component>/Dockerfile,
 * docker/<component>/Dockerfile, <component>/Dockerfile), looked for from the
 * config's directory, the working directory, and the directories above each
 * manifest up to the repository root.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImageRef } from '../../rules/_lib/image.js';

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
}

export type FindResult =
  | { found: true; abs: string; how: string }
  | { found: false; reason: string };

/** `todo-frontend` -> `frontend`: the designs name an image todo-<component> and its directory <component>. */
export function componentOf(image: ImageRef): string {
  return image.name.startsWith('todo-') && image.name.length > 5 ? image.name.slice(5) : image.name;
}

const LAYOUTS = ['deploy/docker/%/Dockerfile', 'docker/%/Dockerfile', '%/Dockerfile'];

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The config entry for an image: keyed by the full repository (`registry/path/name`) or the bare name. */
export function configEntry(image: ImageRef, images: FindOptions['images']): [string, ImageConfig] | undefined {
  if (!images) return undefined;
  const full = image.prefix ? `${image.prefix}/${image.name}` : image.name;
  for (const key of [full, image.name]) if (Object.hasOwn(images, key)) return [key, images[key]];
  return undefined;
}

/** Directories searched by convention, in order, without repeats. */
export function searchRoots(opts: FindOptions): string[] {
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
      if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
    }
  }
  return roots;
}

export function findDockerfile(image: ImageRef, opts: FindOptions): FindResult {
  const entry = configEntry(image, opts.images);
  if (entry) {
    const [key, cfg] = entry;
    if (cfg.dockerfile !== undefined) {
      const abs = path.resolve(opts.baseDir, cfg.dockerfile);
      return isFile(abs) ? { found: true, abs, how: `config images.${key}.dockerfile` } : { found: false, reason: `images.${key}.dockerfile in the config is ${cfg.dockerfile}, which is not a file` };
    }
    if (cfg.context !== undefined) {
      // docker build's default: the Dockerfile at the root of the context.
      const abs = path.resolve(opts.baseDir, cfg.context, 'Dockerfile');
      return isFile(abs) ? { found: true, abs, how: `config images.${key}.context` } : { found: false, reason: `images.${key}.context in the config has no Dockerfile` };
    }
  }
  const names = [...new Set([componentOf(image), image.name])];
  const roots = searchRoots(opts);
  for (const root of roots) {
    for (const name of names) {
      for (const layout of LAYOUTS) {
        const abs = path.join(root, layout.replace('%', name));
        if (isFile(abs)) return { found: true, abs, how: `convention ${layout.replace('%', name)}` };
      }
    }
  }
  const tried = LAYOUTS.flatMap((l) => names.map((n) => l.replace('%', n)));
  return { found: false, reason: `no ${tried.join(', ')} under ${roots.map((r) => path.relative(opts.cwd, r).split(path.sep).join('/') || '.').join(', ')}, and no images entry in the config` };
}
