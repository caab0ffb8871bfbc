// Run by `npm run build` last: makes the V8 code caches the CLI loads its own files with
// (src/code-cache.ts). It loads the bundle the way bin/k8s-todo-lint.cjs does, lints sample
// input in this process so V8 compiles the functions a lint really calls (on manifests with
// findings, in the default output format), then writes each compiled script's cache into
// dist/v8-cache/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { requireWithCodeCache, writeCodeCaches } from '../dist/src/code-cache.js';

const root = path.resolve(import.meta.dirname, '..');
const cli = requireWithCodeCache(root, path.join(root, 'dist/bundle/main.cjs'));
const io = {
  stdout: () => true,
  stderr: () => true,
  readStdin: async () => '',
  env: { ...process.env, NO_COLOR: '1' },
  isTTY: false,
  cwd: root,
};
// Manifests with findings (stylish output and the position finder), a config file (its
// validator), JSON output, and a chart (dist/bundle/helm.cjs gets its own cache, so this does
// not make a lint of plain manifests read more). fixtures/ is absent from the published
// package: then skipped.
const samples = [
  ['examples/todo-app/'],
  ['examples/designs/seed-000/todo-app.yaml', '--config', 'examples/designs/seed-000/.k8s-todo-lint.yaml', '-f', 'json'],
  ['fixtures/designs/seed-004-planted'],
  ['fixtures/charts/todo-app'],
];
for (const args of samples) {
  if (!existsSync(path.join(root, args[0]))) continue;
  // The caches only speed the CLI up: a sample that fails is reported, never fatal to the build.
  if ((await cli.main(args, io)) === 2) console.warn(`code-cache: warm-up run failed: k8s-todo-lint ${args.join(' ')}`);
}
// Patterns from the input (CRD schemas, configured rule options) compile with re2js, which the
// samples' built-in patterns do not load: compiled and run here, the way src/go-regexp.ts does.
const re2js = requireWithCodeCache(root, path.join(root, 'dist/vendor/re2js.cjs'));
re2js.RE2JS.compile('^(?:[a-z0-9.-]+/)*todo-[a-z0-9]+:[A-Za-z0-9_.-]{1,8}$').re2().match('registry.local/todo-api:1.0');
const written = writeCodeCaches(root);
console.log(`code-cache: ${written.length} V8 code caches written to dist/v8-cache/`);
