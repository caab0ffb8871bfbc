/**
 * What the dockerfile-* rules share: the Dockerfile of each image the
 * workloads run (found and parsed once per rule run, whichever rule asks
 * first), and the two kinds of place a finding names: a Dockerfile span and a
 * manifest node.
 */
import path from 'node:path';
import type { Resource } from '../../src/engine/resource.js';
import type { RuleContext } from '../../src/engine/rule.js';
import { findDockerfile } from '../../src/dockerfile/find.js';
import { loadDockerfile } from '../../src/dockerfile/load.js';
import type { DockerfileModel, Span } from '../../src/dockerfile/model.js';
import type { Location, RelatedLocation, ResourcePath } from '../../src/types.js';
import { parseImage, type ImageRef } from '../../src/k8s/image.js';
import { containersOf, type ContainerRef } from '../../src/k8s/workloads.js';

/** One container that runs an image built from a Dockerfile. */
export interface ImageUse {
  resource: Resource;
  container: ContainerRef;
  image: ImageRef;
  /** The image string as written. */
  imageText: string;
}

export interface ImageDockerfile {
  dockerfile: DockerfileModel;
  /** Every container running an image built from this Dockerfile, in input order. */
  uses: ImageUse[];
}

type AnyContext = Pick<RuleContext<unknown>, 'resources' | 'index' | 'settings'>;

// Keyed by the resource list, which every rule of one run shares: the search and the notes happen once per run.
const perRun = new WeakMap<readonly Resource[], ImageDockerfile[]>();
// Notes already printed, per note sink: a chart with ci/ values variants runs the rules more than once.
const printed = new WeakMap<(m: string) => void, Set<string>>();

/** A `--verbose` note, printed once per lint however many rules or variant renders make it. */
export function note(ctx: AnyContext, text: string | (() => string)): void {
  const sink = ctx.settings.note;
  if (!sink) return;
  // A function is worded only when notes are printed.
  const message = typeof text === 'function' ? text() : text;
  let seen = printed.get(sink);
  if (!seen) printed.set(sink, (seen = new Set()));
  if (seen.has(message)) return;
  seen.add(message);
  sink(message);
}

/** Display path the way findings print files: relative to the working directory, with `/`. */
export function displayPath(cwd: string, abs: string): string {
  return path.relative(cwd, abs).split(path.sep).join('/') || path.basename(abs);
}

/** The Dockerfiles behind the workloads' images, grouped by Dockerfile; images with none found are left out (a note says so). */
export function imageDockerfiles(ctx: AnyContext): ImageDockerfile[] {
  const cached = perRun.get(ctx.resources);
  if (cached) return cached;
  const { cwd, baseDir, images } = ctx.settings;
  // Thousands of workloads share a few files: resolve each file's directory once.
  const dirs = new Map<string, string>();
  const dirOf = (file: string): string => {
    let dir = dirs.get(file);
    if (dir === undefined) dirs.set(file, (dir = path.dirname(path.resolve(cwd, file))));
    return dir;
  };
  const byImage = new Map<string, ImageUse[]>();
  const dirsByImage = new Map<string, Set<string>>();
  for (const r of ctx.index.workloads) {
    for (const c of containersOf(r, { init: true })) {
      const text = c.container.image;
      if (typeof text !== 'string' || text.trim() === '') continue;
      const image = parseImage(text.trim());
      const key = image.prefix ? `${image.prefix}/${image.name}` : image.name;
      if (!byImage.has(key)) {
        byImage.set(key, []);
        dirsByImage.set(key, new Set());
      }
      byImage.get(key)!.push({ resource: r, container: c, image, imageText: text });
      if (r.doc.file !== '<stdin>') dirsByImage.get(key)!.add(dirOf(r.doc.file));
    }
  }
  const byFile = new Map<string, ImageDockerfile>();
  for (const [key, uses] of byImage) {
    const found = findDockerfile(uses[0].image, { baseDir, cwd, images, manifestDirs: [...dirsByImage.get(key)!] });
    if (!found.found) {
      note(ctx, () => `image ${key}: not cross-checked with a Dockerfile: ${found.reason}`);
      continue;
    }
    const display = displayPath(cwd, found.abs);
    const loaded = loadDockerfile(found.abs, display);
    if (!loaded.ok) {
      note(ctx, `image ${key}: not cross-checked: ${loaded.reason}`);
      continue;
    }
    note(ctx, `image ${key}: Dockerfile ${display} (${found.how})`);
    const entry = byFile.get(found.abs);
    if (entry) entry.uses.push(...uses);
    else byFile.set(found.abs, { dockerfile: loaded.model, uses: [...uses] });
  }
  const out = [...byFile.values()];
  perRun.set(ctx.resources, out);
  return out;
}

export function dockerLocation(df: DockerfileModel, span: Span): Location {
  return { file: df.file, ...span };
}

/** A related place in the Dockerfile, for findings that sit in the manifest. */
export function dockerRelated(df: DockerfileModel, span: Span, message: string): RelatedLocation {
  return { file: df.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn, message };
}

/** A related place in the manifest (with the values line behind it, for a rendered chart), for findings that sit in the Dockerfile. */
export function manifestRelated(resource: Resource, path: ResourcePath, message: string): RelatedLocation[] {
  const loc = resource.doc.locate([...resource.basePath, ...path]);
  const l = loc.location;
  return [{ file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, message }, ...(loc.related ?? [])];
}

/** `container "web" of Deployment frontend` for messages. */
export function whoRuns(use: ImageUse): string {
  return `${use.container.init ? 'init container' : 'container'} "${use.container.container.name ?? '?'}" of ${use.resource.kind} ${use.resource.name}`;
}

/** The manifest places running the image, as related locations: where a Dockerfile-only finding matters. */
export function usesRelated(entry: ImageDockerfile): RelatedLocation[] {
  return entry.uses.flatMap((u) => manifestRelated(u.resource, [...u.container.path, 'image'], `image ${u.imageText} of ${whoRuns(u)} is built from this Dockerfile`));
}
