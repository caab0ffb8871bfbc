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
 * holds a copy of that source, compared byte for byte (read in chunks and
 * compared with memcmp, far cheaper than hashing) before use. V8 itself checks only the source's length, and
 * file times are no key either: npm pack sets every file's mtime to one date.
 * V8 rejects a cache made by another Node version or with other V8 flags;
 * then the file compiles as usual. The linter only ever reads caches; they
 * are written by the build, into dist/v8-cache/.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
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

// A cache file: MAGIC, the source's byte length and the offset of V8's data (uint32 LE each),
// the source, zero padding, then V8's cache data at an offset that is a multiple of 8 (V8 copies
// cache data that is not pointer-aligned before reading it: the bundle's ~650 KB).
//
// On a machine where touching a fresh page of memory is dear (a VM: ~15 µs a page here, more
// than reading it), each copy of the bundle shows in start-up, so the loader makes few: the file
// is read straight into one buffer between the CommonJS wrapper's two ends (V8 gets one flat
// string, nothing to concatenate and flatten); the cache's copy of the source is compared through
// one small buffer; and V8's data is read into the file's buffer once the string is made from it.
const MAGIC = Buffer.from('K8C2');
const HEADER = MAGIC.length + 8;
const ALIGN = 8;
const CHUNK = 64 * 1024;

/** The CommonJS wrapper Node puts around a module, so the code sees what require gives it. */
const PREFIX = '(function (exports, require, module, __filename, __dirname) {';
const SUFFIX = '\n})';

/** Reads all of `fd` from `position` into `buf` at `offset`, `length` bytes; false when the file is shorter. */
function readFully(fd: number, buf: Buffer, offset: number, length: number, position: number): boolean {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, offset + done, length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

function openOrUndefined(file: string): number | undefined {
  try {
    return openSync(file, 'r');
  } catch {
    return undefined;
  }
}

/** An open cache file whose header is ours: where the source copy is and how long, where V8's data is and how long. */
interface CacheFile { fd: number; sourceLength: number; dataAt: number; dataLength: number }

function openCache(cacheFile: string): CacheFile | undefined {
  const fd = openOrUndefined(cacheFile); // undefined: not built
  if (fd === undefined) return undefined;
  try {
    const header = Buffer.alloc(HEADER);
    if (!readFully(fd, header, 0, HEADER, 0) || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not ours');
    const sourceLength = header.readUInt32LE(MAGIC.length);
    const dataAt = header.readUInt32LE(MAGIC.length + 4);
    const dataLength = fstatSync(fd).size - dataAt;
    if (dataAt < HEADER + sourceLength || dataAt % ALIGN !== 0 || dataLength <= 0) throw new Error('not ours');
    return { fd, sourceLength, dataAt, dataLength };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** Whether the cache was made from exactly `source`: its copy compared chunk by chunk (did the file change since the build?). */
function madeFrom(cache: CacheFile, source: Buffer): boolean {
  if (cache.sourceLength !== source.length) return false;
  const scratch = Buffer.allocUnsafe(Math.min(CHUNK, source.length));
  for (let at = 0; at < source.length; at += scratch.length) {
    const n = Math.min(scratch.length, source.length - at);
    if (!readFully(cache.fd, scratch, 0, n, HEADER + at) || !scratch.subarray(0, n).equals(source.subarray(at, at + n))) return false;
  }
  return true;
}

/**
 * `require(file)` for a self-contained CommonJS file of this package, compiled
 * with its code cache when there is a valid one. `root` is the package root.
 */
export function requireWithCodeCache(root: string, file: string): unknown {
  const fd = openOrUndefined(file);
  if (fd === undefined) return createRequire(file)(file);
  const cache = openCache(cacheFileOf(root, file));
  let wrapped: string;
  let cachedData: Buffer | undefined;
  try {
    const length = fstatSync(fd).size;
    const wrappedLength = PREFIX.length + length + SUFFIX.length;
    // One buffer for the wrapped file and, after it, V8's data. allocUnsafeSlow: its own memory
    // (not Node's pool), so V8's data starts aligned.
    const bytes = Buffer.allocUnsafeSlow(Math.max(wrappedLength, cache?.dataLength ?? 0));
    bytes.write(PREFIX, 0, 'latin1');
    if (!readFully(fd, bytes, PREFIX.length, length, 0)) throw new Error('shrank while read');
    bytes.write(SUFFIX, PREFIX.length + length, 'latin1');
    const text = bytes.subarray(0, wrappedLength);
    const valid = cache !== undefined && madeFrom(cache, text.subarray(PREFIX.length, PREFIX.length + length));
    // Our files are ASCII (esbuild's output, the generated validators): decoded as Latin-1, which
    // skips UTF-8's checks (~1 ms for the bundle); anything else as UTF-8. Either is a copy.
    wrapped = isAscii(text) ? text.toString('latin1') : text.toString('utf8');
    if (valid && readFully(cache.fd, bytes, 0, cache.dataLength, cache.dataAt)) cachedData = bytes.subarray(0, cache.dataLength);
  } catch {
    return createRequire(file)(file); // unreadable after all: Node's require says why
  } finally {
    closeSync(fd);
    if (cache) closeSync(cache.fd);
  }
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
    const dataAt = Math.ceil((HEADER + bytes.length) / ALIGN) * ALIGN;
    const header = Buffer.alloc(HEADER);
    MAGIC.copy(header);
    header.writeUInt32LE(bytes.length, MAGIC.length);
    header.writeUInt32LE(dataAt, MAGIC.length + 4);
    const pad = Buffer.alloc(dataAt - HEADER - bytes.length);
    writeFileSync(out, Buffer.concat([header, bytes, pad, script.createCachedData()]));
    written.push(out);
  }
  return written;
}
