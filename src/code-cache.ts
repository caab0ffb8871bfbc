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
 * A cache is used only for the exact file it was made from: the cache file
 * holds a copy of that source, compared byte for byte (a memcmp, far cheaper
 * than hashing) before use. V8 itself checks only the source's length, and
 * file times are no key either: npm pack sets every file's mtime to one date.
 * V8 rejects a cache made by another Node version or with other V8 flags;
 * then the file compiles as usual. The linter only ever reads caches; they
 * are written by the build, into dist/v8-cache/.
 */
import { isAscii } from 'node:buffer';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** Scripts compiled in this process, shared with the bin shim's copy of this loader. */
interface Registry {
  scripts: Map<string, vm.Script>;
}
const REGISTRY_KEY = Symbol.for('k8s-todo-lint.code-cache');
const registry: Registry = ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] ??= { scripts: new Map() }) as Registry;

/** Where the cache of `file` lives: dist/v8-cache/<path from the package root, `/` as `__`>.bin */
export function cacheFileOf(root: string, file: string): string {
  // A file inside the root (every file the CLI loads) without path.relative's resolving of both paths.
  const inside = file.startsWith(root + path.sep) && !file.includes(`${path.sep}..${path.sep}`);
  const rel = (inside ? file.slice(root.length + 1) : path.relative(root, file)).split(path.sep).join('__');
  return path.join(root, 'dist', 'v8-cache', `${rel}.bin`);
}

// A cache file: MAGIC, the source's byte length (uint32 LE), the source, then V8's cache data.
const MAGIC = Buffer.from('K8C1');
const HEADER = MAGIC.length + 4;

/** V8's cache data in `cacheFile` when it was made from exactly `source`, else undefined. */
function cacheFor(cacheFile: string, source: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return undefined; // not built
  }
  if (data.length < HEADER || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const length = data.readUInt32LE(MAGIC.length);
  if (length !== source.length || data.length < HEADER + length) return undefined;
  if (!source.equals(data.subarray(HEADER, HEADER + length))) return undefined; // the file changed since the build
  return data.subarray(HEADER + length);
}

/**
 * `require(file)` for a self-contained CommonJS file of this package, compiled
 * with its code cache when there is a valid one. `root` is the package root.
 */
export function requireWithCodeCache(root: string, file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return createRequire(file)(file);
  }
  const cachedData = cacheFor(cacheFileOf(root, file), bytes);
  // The same wrapper Node puts around a CommonJS module, so the code sees what require gives it.
  // Our files are ASCII (esbuild's output, the generated validators): decoded as Latin-1, which
  // skips UTF-8's checks (~1 ms for the bundle); anything else as UTF-8.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  registry.scripts.set(file, script);
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: { exports: unknown }, f: string, d: string) => void;
  const mod = { exports: {} as unknown };
  fn.call(mod.exports, mod.exports, lazyRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

/**
 * Node's require for `file`, made on its first use: most of the files loaded this way (the
 * generated schema validators) never require anything, and createRequire is not free.
 */
function lazyRequire(file: string): NodeRequire {
  let real: NodeRequire | undefined;
  const get = (): NodeRequire => (real ??= createRequire(file));
  const req = ((id: string) => get()(id)) as NodeRequire;
  req.resolve = ((id: string, options?: { paths?: string[] }) => get().resolve(id, options)) as NodeRequire['resolve'];
  return req;
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
    const bytes = readFileSync(file);
    const out = cacheFileOf(root, file);
    mkdirSync(path.dirname(out), { recursive: true });
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    writeFileSync(out, Buffer.concat([MAGIC, length, bytes, script.createCachedData()]));
    written.push(out);
  }
  return written;
}
