/**
 * What the dockerfile-* rules share: the Dockerfile of each image the
 * workloads run (asked of the loader's catalogue, which finds and parses each
 * once per lint), and the two kinds of place a finding names: a Dockerfile
 * span and a manifest node.
 */
import type { Resource } from '../../src/engine/resource.js';
import type { RuleContext } from '../../src/engine/rule.js';
import type { DockerfileModel, Span } from '../../src/dockerfile/model.js';
import type { Location, RelatedLocation, ResourcePath } from '../../src/types.js';
import { parseImage, type ImageRef } from '../../src/k8s/image.js';
import { containersOf, type ContainerRef } from '../../src/k8s/workloads.js';
import { containerOf } from './container-name.js';

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

type AnyContext = Pick<RuleContext<unknown>, 'resources' | 'index' | 'settings' | 'dockerfiles'>;

/** A `--verbose` note (the lint prints each once, however many rules or variant renders make it). */
export function note(ctx: Pick<AnyContext, 'settings'>, text: string | (() => string)): void {
  const sink = ctx.settings.note;
  if (!sink) return;
  // A function is worded only when notes are printed.
  sink(typeof text === 'function' ? text() : text);
}

// Keyed by the resource set, which the five dockerfile-* rules of one run share: the grouping happens
// once per run. Weak: an entry lives as long as that resource set, never into another lint.
const perRun = new WeakMap<readonly Resource[], ImageDockerfile[]>();

/** The Dockerfiles behind the workloads' images, grouped by Dockerfile; images with none found are left out (a note says so). */
export function imageDockerfiles(ctx: AnyContext): ImageDockerfile[] {
  const cached = perRun.get(ctx.resources);
  if (cached) return cached;
  const byImage = new Map<string, ImageUse[]>();
  const filesByImage = new Map<string, Set<string>>();
  for (const r of ctx.index.workloads) {
    for (const c of containersOf(r, { init: true })) {
      const text = c.container.image;
      if (typeof text !== 'string' || text.trim() === '') continue;
      const image = parseImage(text.trim());
      const key = image.prefix ? `${image.prefix}/${image.name}` : image.name;
      if (!byImage.has(key)) {
        byImage.set(key, []);
        filesByImage.set(key, new Set());
      }
      byImage.get(key)!.push({ resource: r, container: c, image, imageText: text });
      filesByImage.get(key)!.add(r.doc.file);
    }
  }
  const byFile = new Map<DockerfileModel, ImageDockerfile>();
  for (const [key, uses] of byImage) {
    const found = ctx.dockerfiles.lookup(uses[0].image, [...filesByImage.get(key)!]);
    if (!found.found) {
      if (found.why === 'not-found') note(ctx, () => `image ${key}: not cross-checked with a Dockerfile: ${found.reason}`);
      else note(ctx, `image ${key}: not cross-checked: ${found.reason}`);
      continue;
    }
    note(ctx, `image ${key}: Dockerfile ${found.dockerfile.file} (${found.how})`);
    const entry = byFile.get(found.dockerfile);
    if (entry) for (const u of uses) entry.uses.push(u);
    else byFile.set(found.dockerfile, { dockerfile: found.dockerfile, uses: [...uses] });
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
  return containerOf(use.container, use.resource);
}

/** The manifest places running the image, as related locations: where a Dockerfile-only finding matters. */
export function usesRelated(entry: ImageDockerfile): RelatedLocation[] {
  return entry.uses.flatMap((u) => manifestRelated(u.resource, [...u.container.path, 'image'], `image ${u.imageText} of ${whoRuns(u)} is built from this Dockerfile`));
}

/**
 * The resource, path and related places of a finding in an image's Dockerfile (spread into a report).
 * The related places are located when a report spreads them, not before: most Dockerfiles report nothing.
 */
export function dockerfileSubject(entry: ImageDockerfile): { resource: Resource; path: ResourcePath; readonly related: RelatedLocation[] } {
  const use = entry.uses[0];
  let related: RelatedLocation[] | undefined;
  return {
    resource: use.resource,
    path: [...use.container.path, 'image'],
    get related() {
      return (related ??= usesRelated(entry));
    },
  };
}
