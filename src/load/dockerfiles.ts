/**
 * The Dockerfile catalogue rules ask for the Dockerfile an image is built
 * from. It searches (src/load/dockerfile-search.ts) and reads and parses on first
 * request, and remembers each answer for the rest of the lint() call that
 * made it: several rules and variant renders ask about the same images, and
 * nothing is kept from one lint to the next (an edited file is read again).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diskSeen, findDockerfile } from './dockerfile-search.js';
import type { DockerfileModel } from '../dockerfile/model.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import type { DockerfileCatalogue, DockerfileLookup, ImageName } from '../engine/rule.js';
import { displayPath } from './display.js';
import type { TextOverlay } from './read.js';

export interface DockerfileSettings {
  /** The config file's directory: `images:` paths are relative to it, and it is searched first. */
  baseDir: string;
  cwd: string;
  /** The config's `images:` map. */
  images?: Readonly<Record<string, { dockerfile?: string; context?: string }>>;
  /** Unsaved editor texts to read instead of the disk (src/lsp). */
  overlay?: TextOverlay;
}

type Parsed = { ok: true; model: DockerfileModel } | { ok: false; reason: string };

let parses = 0;

/** How many Dockerfiles were parsed since start-up: tests check each file is parsed once per lint. */
export function dockerfileParses(): number {
  return parses;
}

/** A new, empty catalogue for one lint() call. */
export function dockerfileCatalogue(settings: DockerfileSettings): DockerfileCatalogue {
  const { baseDir, cwd, images } = settings;
  const answers = new Map<string, DockerfileLookup>();
  const parsed = new Map<string, Parsed>();
  // Each chart's images are searched from its own directory, up through directories every search shares.
  const seen = diskSeen();
  // Thousands of workloads share a few manifest files: resolve each file's directory once.
  const dirs = new Map<string, string>();
  const dirOf = (file: string): string => {
    let dir = dirs.get(file);
    if (dir === undefined) dirs.set(file, (dir = path.dirname(path.resolve(cwd, file))));
    return dir;
  };

  const parse = (abs: string, display: string): Parsed => {
    let p = parsed.get(abs);
    if (p === undefined) parsed.set(abs, (p = readAndParse(abs, display, settings.overlay)));
    return p;
  };

  return {
    lookup(image: ImageName, manifestFiles: readonly string[]): DockerfileLookup {
      const manifestDirs = [...new Set(manifestFiles.filter((f) => f !== '<stdin>').map(dirOf))];
      const key = [image.prefix ?? '', image.name, ...manifestDirs].join('\0');
      let answer = answers.get(key);
      if (answer !== undefined) return answer;
      const found = findDockerfile({ prefix: image.prefix ?? '', name: image.name }, { baseDir, cwd, images, manifestDirs, seen });
      if (!found.found) {
        // Worded only when asked (a --verbose note): the search's reason is slow to word.
        answer = {
          found: false,
          why: 'not-found',
          get reason() {
            return found.reason;
          },
        };
      } else {
        const display = displayPath(cwd, found.abs);
        const p = parse(found.abs, display);
        answer = p.ok ? { found: true, how: found.how, dockerfile: p.model } : { found: false, why: 'unreadable', reason: p.reason };
      }
      answers.set(key, answer);
      return answer;
    },
  };
}

function readAndParse(abs: string, display: string, overlay?: TextOverlay): Parsed {
  let text: string;
  try {
    text = overlay?.(abs) ?? readFileSync(abs, 'utf8');
  } catch (e) {
    return { ok: false, reason: `cannot read ${display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  try {
    const model = parseDockerfile(text, display, abs);
    parses++;
    return { ok: true, model };
  } catch (e) {
    // The parser is tolerant by design; should it still fail, the image is just not cross-checked.
    return { ok: false, reason: `cannot parse ${display}: ${(e as Error).message}` };
  }
}
