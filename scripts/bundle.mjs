// Run by `npm run build` after tsc: bundles the CLI into one CommonJS file, dist/bundle/main.cjs,
// with esbuild. One file instead of ~100 modules cuts start-up (measured: about 40% less CPU
// before the first byte of output), and CommonJS (unlike ESM in Node 20) can be compiled with a
// V8 code cache (src/code-cache.ts), made next by scripts/code-cache.mjs. Lazily imported parts
// (Helm, formats, capacity) become lazily initialised sections of the file, compiled only when
// used; ajv, fast-glob, dockerfile-ast and vscode-languageserver (only `lsp` uses it) stay external,
// loaded only when needed.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
rmSync(path.join(root, 'dist/v8-cache'), { recursive: true, force: true });
/** One CommonJS file for Node 20 with everything it imports. */
const cjs = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' };
// Less source for V8 to read; identifiers are kept so stack traces stay readable.
const minified = { ...cjs, minifyWhitespace: true, minifySyntax: true };
/** Our own sources (dist/src, ESM). */
const common = {
  ...minified,
  // The sources are ESM and find their files from import.meta.url.
  define: { 'import.meta.url': '__k8sTodoLintUrl' },
  banner: { js: "const __k8sTodoLintUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() of an external package becomes require(): code compiled by vm.Script (src/code-cache.ts)
  // has no dynamic-import hook in Node 20.
  supported: { 'dynamic-import': false },
};

// The Helm engine (src/helm/**, self-contained) is most of the code but only charts need it:
// it is its own file, dist/bundle/helm.cjs, so a lint of plain manifests never reads it. An
// `import('../helm/index.js')` (its front door) becomes a load of that file with its code cache.
const helmIndex = /[\\/]helm[\\/]index\.js$/;
const helmAsSeparateFile = {
  name: 'helm-as-separate-file',
  setup(b) {
    b.onResolve({ filter: helmIndex }, () => ({ path: 'helm-bundle', namespace: 'k8s-todo-lint' }));
    b.onLoad({ filter: /^helm-bundle$/, namespace: 'k8s-todo-lint' }, () => ({
      resolveDir: path.join(root, 'dist/src'),
      loader: 'js',
      contents: [
        "const { requireWithCodeCache } = require('./code-cache.js');",
        "const { packageRoot } = require('./package-root.js');",
        "module.exports = requireWithCodeCache(packageRoot(), require('node:path').join(packageRoot(), 'dist/bundle/helm.cjs'));",
      ].join('\n'),
    }));
  },
};

// commander requires child_process at load, for executable subcommands we never use; loading it
// pulls in net, dgram and streams (measured: ~12 M instructions, 2% of a one-file lint). It gets a
// stand-in that loads the real module only if a property is ever read.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'k8s-todo-lint' } : undefined);
    b.onLoad({ filter: /^lazy-child-process$/, namespace: 'k8s-todo-lint' }, () => ({
      loader: 'js',
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
    }));
  },
};

// The Helm bundle takes `yaml` from the linter's one copy (dist/vendor/yaml.cjs through src/vendor.ts),
// not a second copy inside helm.cjs that a chart lint would compile and warm up again.
const yamlFromVendor = {
  name: 'yaml-from-vendor',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml-vendor', namespace: 'k8s-todo-lint' }));
    b.onLoad({ filter: /^yaml-vendor$/, namespace: 'k8s-todo-lint' }, () => ({
      resolveDir: path.join(root, 'dist/src'),
      loader: 'js',
      contents: "module.exports = require('./vendor.js').yamlLib();",
    }));
  },
};

await build({
  ...common,
  entryPoints: [path.join(root, 'dist/src/cli/main.js')],
  outfile: path.join(outdir, 'main.cjs'),
  external: ['ajv', 'ajv/*', 'fast-glob', 'dockerfile-ast', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument'],
  plugins: [helmAsSeparateFile, lazyChildProcess],
});
// The loader itself, for bin/k8s-todo-lint.cjs (CommonJS, which cannot require dist/src's ESM).
await build({
  ...minified,
  entryPoints: [path.join(root, 'dist/src/code-cache.js')],
  outfile: path.join(outdir, 'code-cache.cjs'),
});
await build({
  ...common,
  entryPoints: [path.join(root, 'dist/src/helm/index.js')],
  outfile: path.join(outdir, 'helm.cjs'),
  external: ['ajv', 'ajv/*'],
  plugins: [yamlFromVendor],
});

// The generated config validator requires two of ajv's runtime helpers: inlined, so that checking
// a config resolves and compiles no package files (measured: ~3 ms of a one-file lint).
await build({
  ...minified,
  entryPoints: [path.join(root, 'dist/config-validate.cjs')],
  outfile: path.join(root, 'dist/config-validate.cjs'),
  allowOverwrite: true,
});

// Lazily required dependencies as single files (src/vendor.ts): one file loads several
// times faster than a package of many modules (yaml: ~13 ms instead of ~45 ms).
for (const name of ['yaml', 'fast-glob']) {
  await build({ ...cjs, entryPoints: [name], absWorkingDir: root, outfile: path.join(root, 'dist/vendor', `${name}.cjs`) });
}
