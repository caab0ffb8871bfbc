/**
 * Synchronous, lazy loading of the dependencies that only some runs need.
 * `npm run build` bundles each into one file under dist/vendor/ (scripts/bundle.mjs):
 * `yaml` as one file loads in ~13 ms instead of ~45 ms as its ~60 modules; re2js (Go's regexp
 * for patterns from the input) is a big module that most runs never need.
 * Without a build (tests on the sources) the package itself is loaded.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { requireWithCodeCache } from './code-cache.js';
import { packageRoot } from './package-root.js';

const require = createRequire(import.meta.url);
// Per process (per worker thread), not per copy of this module: the Helm bundle (dist/bundle/helm.cjs)
// holds its own copy and takes `yaml` from here too (scripts/bundle.mjs), so the package is
// compiled and warmed up once.
const CACHE_KEY = Symbol.for('k8s-todo-lint.vendor');
const cache = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??= new Map<string, unknown>()) as Map<string, unknown>;

function load<T>(name: string): T {
  let mod = cache.get(name);
  if (mod === undefined) {
    try {
      mod = requireWithCodeCache(packageRoot(), path.join(packageRoot(), 'dist/vendor', `${name}.cjs`));
    } catch {
      mod = require(name);
    }
    cache.set(name, mod);
  }
  return mod as T;
}

export const yamlLib = (): typeof import('yaml') => load('yaml');
export const fastGlob = (): typeof import('fast-glob') => load('fast-glob');
export const re2js = (): typeof import('re2js') => load('re2js');
