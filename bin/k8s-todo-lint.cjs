#!/usr/bin/env node
'use strict';
// Shebang shim: runs the CLI and sets the exit status only after stdout has drained.
// CommonJS on purpose: an ES module entry point costs Node's ESM loader (measured ~5 ms).
// The CLI is the esbuild bundle dist/bundle/main.cjs, compiled with the V8 code cache the
// build made for it (src/code-cache.ts); without a bundle, tsc's output dist/src/cli/main.js.
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist/bundle/main.cjs');

const chunks = [];
const io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: async () => {
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
};

const cli = existsSync(bundle)
  ? Promise.resolve(require(path.join(root, 'dist/bundle/code-cache.cjs')).requireWithCodeCache(root, bundle))
  : import('../dist/src/cli/main.js');
cli
  .then((mod) => mod.main(process.argv.slice(2), io))
  .then((code) => {
    process.exitCode = code;
  });
