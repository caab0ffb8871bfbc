/**
 * Reads and parses a Dockerfile once: several rules look at the same file in
 * one lint, and a watch-mode or editor host lints the same tree many times.
 * The cache is keyed by path and checked against size and mtime, so an edited
 * file is parsed again.
 */
import { readFileSync, statSync } from 'node:fs';
import type { DockerfileModel } from './model.js';
import { parseDockerfile } from './parse.js';

interface Entry { mtimeMs: number; size: number; file: string; model: DockerfileModel }
const cache = new Map<string, Entry>();
let parses = 0;

export type LoadResult = { ok: true; model: DockerfileModel } | { ok: false; reason: string };

export function loadDockerfile(abs: string, display: string): LoadResult {
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    return { ok: false, reason: `cannot read ${display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const hit = cache.get(abs);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size && hit.file === display) return { ok: true, model: hit.model };
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    return { ok: false, reason: `cannot read ${display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  let model: DockerfileModel;
  try {
    model = parseDockerfile(text, display, abs);
  } catch (e) {
    // The parser is tolerant by design; should it still fail, the image is just not cross-checked.
    return { ok: false, reason: `cannot parse ${display}: ${(e as Error).message}` };
  }
  parses++;
  cache.set(abs, { mtimeMs: st.mtimeMs, size: st.size, file: display, model });
  return { ok: true, model };
}

/** How many times a Dockerfile was parsed since start-up: tests check each file is parsed once. */
export function parseCount(): number {
  return parses;
}
