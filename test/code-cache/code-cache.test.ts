/**
 * The code-cache loader (src/code-cache.ts): a file loads the same with or
 * without a cache, a cache is used only for the exact bytes it was made from
 * (whatever the file's time), and a corrupt cache is refused rather than trusted. Each load runs in
 * a fresh process (the built dist/src/code-cache.js), because V8 also keeps
 * compiled scripts in memory and would hide whether the disk cache was used.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cacheFileOf } from '../../src/code-cache.js';
import { ROOT } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-cache-');

const loader = pathToFileURL(path.join(ROOT, 'dist/src/code-cache.js')).href;

function pkg(): { root: string; file: string } {
  const root = tempDir();
  mkdirSync(path.join(root, 'lib'));
  const file = path.join(root, 'lib', 'answer.cjs');
  writeFileSync(file, 'exports.answer = function () { return 6 * 7; };\nexports.dir = __dirname;\n');
  return { root, file };
}

/** Loads `file` in a new process, optionally writes the caches; returns what it exported and how it compiled. */
function load(root: string, file: string, write = false): { answer: number; dir: string; cache: string; written: string[] } {
  const code = `
    const { requireWithCodeCache, loadedScripts, writeCodeCaches } = await import(${JSON.stringify(loader)});
    const m = requireWithCodeCache(${JSON.stringify(root)}, ${JSON.stringify(file)});
    const cache = loadedScripts().find((s) => s.file === ${JSON.stringify(file)}).cache;
    const written = ${write} ? writeCodeCaches(${JSON.stringify(root)}) : [];
    console.log(JSON.stringify({ answer: m.answer(), dir: m.dir, cache, written }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('requireWithCodeCache', () => {
  it('loads a CommonJS file without a cache, then with the cache the build wrote', () => {
    const { root, file } = pkg();
    const first = load(root, file, true);
    expect(first).toMatchObject({ answer: 42, dir: path.join(root, 'lib'), cache: 'none' });
    expect(first.written).toEqual([path.join(root, 'dist', 'v8-cache', 'lib__answer.cjs.bin')]);
    expect(readdirSync(path.join(root, 'dist/v8-cache'))).toEqual(['lib__answer.cjs.bin']);
    expect(load(root, file)).toMatchObject({ answer: 42, cache: 'used' });
  });

  it('still uses the cache when only the modification time changed (npm pack resets it)', () => {
    const { root, file } = pkg();
    load(root, file, true);
    utimesSync(file, new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
    expect(load(root, file)).toMatchObject({ answer: 42, cache: 'used' });
  });

  it('ignores the cache of another version of the file, even of the same length', () => {
    const { root, file } = pkg();
    load(root, file, true);
    writeFileSync(file, readFileSync(file, 'utf8').replace('6 * 7', '7 * 6'));
    expect(load(root, file)).toMatchObject({ answer: 42, cache: 'none' });
    writeFileSync(file, 'exports.answer = function () { return 43; };\n');
    expect(load(root, file)).toMatchObject({ answer: 43, cache: 'none' });
  });

  it('compiles as usual when the cache file is not ours, or its V8 data is not V8 data', () => {
    const { root, file } = pkg();
    const { written } = load(root, file, true);
    const good = readFileSync(written[0]);
    writeFileSync(written[0], 'not a code cache');
    expect(load(root, file)).toMatchObject({ answer: 42, cache: 'none' });
    // The header: magic, the source's length, where V8's data starts.
    writeFileSync(written[0], Buffer.concat([good.subarray(0, good.readUInt32LE(8)), Buffer.from('garbage where V8 data should be')]));
    expect(load(root, file)).toMatchObject({ answer: 42, cache: 'rejected' });
  });

  it('puts V8\'s data at an offset that is a multiple of 8, whatever the source\'s length (V8 copies unaligned data)', () => {
    for (const pad of ['', ' ', '  ', '   ']) {
      const { root, file } = pkg();
      writeFileSync(file, `${readFileSync(file, 'utf8')}${pad}\n`);
      const { written } = load(root, file, true);
      const cache = readFileSync(written[0]);
      const dataAt = cache.readUInt32LE(8);
      expect(cache.subarray(0, 4).toString()).toBe('K8C2');
      expect(cache.readUInt32LE(4)).toBe(readFileSync(file).length);
      expect(dataAt % 8).toBe(0);
      expect(dataAt).toBeLessThan(cache.length);
      expect(load(root, file)).toMatchObject({ answer: 42, cache: 'used' });
    }
  });

  it('compiles the file\'s text, not the V8 data read afterwards into the buffer the text came from', () => {
    const { root, file } = pkg();
    // Longer than its cache data, and shorter: either way the function's text is the file's.
    for (const body of ['return 6 * 7;', `return 6 * 7; /* ${'x'.repeat(200_000)} */`]) {
      writeFileSync(file, `exports.answer = function () { ${body} };\nexports.dir = String(exports.answer);\n`);
      load(root, file, true);
      expect(load(root, file)).toMatchObject({ answer: 42, dir: `function () { ${body} }`, cache: 'used' });
    }
  });

  it('refuses a cache whose V8 data is missing (a truncated file)', () => {
    const { root, file } = pkg();
    const { written } = load(root, file, true);
    const good = readFileSync(written[0]);
    writeFileSync(written[0], good.subarray(0, good.readUInt32LE(8)));
    expect(load(root, file)).toMatchObject({ answer: 42, cache: 'none' });
    writeFileSync(written[0], good.subarray(0, 20));
    expect(load(root, file)).toMatchObject({ answer: 42, cache: 'none' });
  });

  it('gives the code its text as UTF-8 and a working require, with or without a cache', () => {
    const { root, file } = pkg();
    writeFileSync(file, "exports.answer = () => 42;\nexports.dir = 'caf\u00e9 \u2713 ' + require('node:path').basename(require.resolve('./answer.cjs'));\n");
    const first = load(root, file, true);
    expect(first).toMatchObject({ dir: 'caf\u00e9 \u2713 answer.cjs', cache: 'none' });
    expect(load(root, file)).toMatchObject({ dir: 'caf\u00e9 \u2713 answer.cjs', cache: 'used' });
  });

  it('names the cache after the file path', () => {
    expect(cacheFileOf('/p', '/p/schemas/k8s/apps/v1/Deployment.cjs')).toBe(path.join('/p', 'dist', 'v8-cache', 'schemas__k8s__apps__v1__Deployment.cjs.bin'));
    expect(cacheFileOf('/p', '/p/lib/../schemas/x.cjs')).toBe(path.join('/p', 'dist', 'v8-cache', 'schemas__x.cjs.bin'));
  });
});

describe('the build', () => {
  it('leaves caches the CLI bundle and the validators it loads are compiled with', () => {
    const loaded = lintThroughBundle('examples/todo-app/');
    expect(loaded.map((s) => s.file)).toEqual(expect.arrayContaining(['dist/bundle/main.cjs', 'schemas/k8s/apps/v1/Deployment.cjs']));
    expect(loaded.filter((s) => s.cache !== 'used').map((s) => s.file)).toEqual([]);
  });

  it('gives the Helm bundle the linter\'s one copy of yaml, not a second one to compile and warm up', () => {
    const loaded = lintThroughBundle('fixtures/charts/todo-app');
    expect(loaded.map((s) => s.file)).toEqual(expect.arrayContaining(['dist/bundle/helm.cjs', 'dist/vendor/yaml.cjs']));
    // A message of the yaml package's own source: in its vendor file, and not in the Helm bundle.
    const ownText = 'Expected YAML collection at';
    expect(readFileSync(path.join(ROOT, 'dist/vendor/yaml.cjs'), 'utf8')).toContain(ownText);
    expect(readFileSync(path.join(ROOT, 'dist/bundle/helm.cjs'), 'utf8')).not.toContain(ownText);
  });

  it('a lint of one file of plain manifests loads only what it needs (start-up)', () => {
    // Node built-ins and bundled parts that only --cache, .tgz charts, the chart pool, git, Helm,
    // Go-syntax patterns (re2js), globs or the yaml CST need: none of them on this path.
    const code = `
      const { requireWithCodeCache, loadedScripts } = require(${JSON.stringify(path.join(ROOT, 'dist/bundle/code-cache.cjs'))});
      const cli = requireWithCodeCache(${JSON.stringify(ROOT)}, ${JSON.stringify(path.join(ROOT, 'dist/bundle/main.cjs'))});
      const io = { stdout: () => true, stderr: () => true, env: {}, isTTY: false, cwd: ${JSON.stringify(ROOT)} };
      cli.main(['examples/designs/seed-000/todo-app.yaml', '--config', 'fixtures/rules/tester-config.json'], io).then((code) => console.log(JSON.stringify({
        code, scripts: loadedScripts().map((s) => s.file), builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
      })));`;
    // A file, not -e: `node -e` loads node:crypto itself.
    const script = path.join(tempDir(), 'lint-one-file.cjs');
    writeFileSync(script, code);
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { code: status, scripts, builtins } = JSON.parse(r.stdout) as { code: number; scripts: string[]; builtins: string[] };
    expect(status).toBe(0);
    const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
    expect(scripts.map(rel).filter((f) => !f.startsWith('schemas/k8s/'))).toEqual(['dist/bundle/main.cjs']);
    expect(builtins.filter((m) => ['crypto', 'zlib', 'worker_threads', 'child_process', 'os'].includes(m))).toEqual([]);
  });
});

/** Lints `input` through the CLI bundle in a new process; the scripts it compiled (paths from the package root) and how. */
function lintThroughBundle(input: string): Array<{ file: string; cache: string }> {
  const code = `
    const { requireWithCodeCache, loadedScripts } = require(${JSON.stringify(path.join(ROOT, 'dist/bundle/code-cache.cjs'))});
    const cli = requireWithCodeCache(${JSON.stringify(ROOT)}, ${JSON.stringify(path.join(ROOT, 'dist/bundle/main.cjs'))});
    const io = { stdout: () => true, stderr: () => true, env: {}, isTTY: false, cwd: ${JSON.stringify(ROOT)} };
    cli.main([${JSON.stringify(input)}], io).then(() => console.log(JSON.stringify(loadedScripts())));`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as Array<{ file: string; cache: string }>).map((s) => ({ ...s, file: path.relative(ROOT, s.file).split(path.sep).join('/') }));
}
