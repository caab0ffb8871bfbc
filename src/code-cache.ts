/**
 * Loads this package's own CommonJS files (the CLI bundle, the generated
 * schema and config validators) with V8 code caches made at build time.
 *
 * Why: Node 20 has no module compile cache, and compiling is most of what a
 * one-file lint costs before the first byte of output (measured: the bundle's
 * import plus first lint fell from ~85 ms to ~50 ms of CPU with a cache).
 * V8 compiles functions lazily, so `npm run build` runs the linter on sample
 * input first (scripts/code-cache.mjs) and only then serializes each script:
 * the cache holds the functions a lint really calls.
 *
 * A cache is used only for the exact file it was made from: its name carries
 * the source's size and mtime, and V8 itself rejects a cache made by another
 * Node version or with other V8 flags (then the file compiles as usual). The
 * linter only ever reads caches; they are written by the build, into dist/.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** Scripts compiled in this process, shared with the bin shim's copy of this loader. */
interface Registry {
  scripts: Map<string, vm.Script>;
}
const REGISTRY_KEY = Symbol.for('k8s-todo-lint.code-cache');
const registry: Registry = ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] ??= { scripts: new Map() }) as Registry;

/** Where the cache of `file` lives: dist/v8-cache/<path from the package root>.<size>.<mtime>.bin */
export function cacheFileOf(root: string, file: string, size: number, mtimeMs: number): string {
  const rel = path.relative(root, file).split(path.sep).join('__');
  return path.join(root, 'dist', 'v8-cache', `${rel}.${size}.${Math.trunc(mtimeMs)}.bin`);
}

/**
 * `require(file)` for a self-contained CommonJS file of this package, compiled
 * with its code cache when there is a valid one. `root` is the package root.
 */
export function requireWithCodeCache(root: string, file: string): unknown {
  let source: string;
  let cachedData: Buffer | undefined;
  try {
    const st = statSync(file);
    source = readFileSync(file, 'utf8');
    try {
      cachedData = readFileSync(cacheFileOf(root, file, st.size, st.mtimeMs));
    } catch {
      // no cache (not built, or the file changed since): compile as usual
    }
  } catch {
    return createRequire(file)(file);
  }
  // The same wrapper Node puts around a CommonJS module, so the code sees what require gives it.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  registry.scripts.set(file, script);
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: { exports: unknown }, f: string, d: string) => void;
  const mod = { exports: {} as unknown };
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

/** How each file loaded through requireWithCodeCache in this process was compiled. */
export function loadedScripts(): Array<{ file: string; cache: 'none' | 'used' | 'rejected' }> {
  return [...registry.scripts].map(([file, script]) => ({
    file,
    cache: script.cachedDataRejected === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used',
  }));
}

/**
 * For the build only: writes the code cache of every script this process
 * compiled through requireWithCodeCache (after a warm-up run, so the caches
 * hold the functions it compiled). Returns the files written.
 */
export function writeCodeCaches(root: string): string[] {
  const written: string[] = [];
  for (const [file, script] of registry.scripts) {
    const st = statSync(file);
    const out = cacheFileOf(root, file, st.size, st.mtimeMs);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, script.createCachedData());
    written.push(out);
  }
  return written;
}
