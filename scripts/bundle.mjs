// Run by `npm run build` after tsc: bundles the CLI into one CommonJS file, dist/bundle/main.cjs,
// with esbuild. One file instead of ~100 modules cuts start-up (measured: about 40% less CPU
// before the first byte of output), and CommonJS (unlike ESM in Node 20) can be compiled with a
// V8 code cache (src/code-cache.ts), made next by scripts/code-cache.mjs. Lazily imported parts
// (Helm, formats, capacity) become lazily initialised sections of the file, compiled only when
// used; ajv, fast-glob, dockerfile-ast and vscode-languageserver (only `lsp` uses it) stay external,
// loaded only when needed.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
  // The sources are ESM and find their files from import.meta.url: in a bundle, the bundle's URL,
  // worked out on first use (pathToFileURL costs ~1 ms at start-up). The two ways our modules
  // use it at load mean the bundle's own require and file name (moduleUrlAsBundle below).
  define: { 'import.meta.url': '__k8sTodoLint.url' },
  banner: { js: "const __k8sTodoLint = { require, get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  // import() of an external package becomes require(): code compiled by vm.Script (src/code-cache.ts)
  // has no dynamic-import hook in Node 20.
  supported: { 'dynamic-import': false },
};

// In a bundle every module's URL is the bundle's, so `createRequire(import.meta.url)` (run at load
// by five modules: ~0.5 ms) is the bundle's own require, and `fileURLToPath(import.meta.url)` its
// __filename. Our compiled sources (dist/) say so directly; other uses keep import.meta.url.
const moduleUrlAsBundle = {
  name: 'module-url-as-bundle',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/](src|rules)[\\/].*\.js$/ }, async (args) => ({
      loader: 'js',
      contents: (await readFile(args.path, 'utf8'))
        .replaceAll('createRequire(import.meta.url)', '__k8sTodoLint.require')
        .replaceAll('fileURLToPath(import.meta.url)', '__filename'),
    }));
  },
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

// Node built-ins that only some runs use, yet whose modules are imported at load: commander
// requires child_process for executable subcommands we never use (it pulls in net, dgram and
// streams: ~12 M instructions), the chart pool worker_threads (many charts only), the lint's
// worker plan os (its core count, for three chart renders or more): ~15 ms of a one-file lint
// together (crypto and zlib, for --cache and .tgz charts, are required on first use by their
// modules themselves, which spares the stand-in's names being copied at load). Each gets a stand-in that loads the real module when a property is
// first read. Its target lists the module's export names (this Node's, at build time), so that
// esbuild's interop, which copies a CommonJS module's names onto the importer's namespace as
// getters, finds them without loading anything.
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:(child_process|crypto|zlib|worker_threads|os)$/ }, (args) =>
      // the stand-in's own require is the real module
      args.namespace === 'lazy-builtin' ? undefined : { path: args.path, namespace: 'lazy-builtin' });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const names = Object.fromEntries(Object.keys(await import(args.path)).filter((k) => k !== 'default').map((k) => [k, 0]));
      return {
        loader: 'js',
        contents: `let real; const load = () => (real ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy(${JSON.stringify(names)}, { get: (_, key) => load()[key], has: (_, key) => key in load() });`,
      };
    });
  },
};

// `import path from 'node:path'` compiles to esbuild's interop, __toESM(require('node:path')),
// which copies every export of the module onto a new object as a getter: 22 modules do it for
// node:path, at load (measured: ~1.5 ms and ~100 KB of a one-file lint, counting vm).
// These modules' exports are plain functions and constants, so each is given as an ES module
// whose default is the module itself and whose names are its exports (this Node's, at build).
const builtinsWithoutInterop = {
  name: 'builtins-without-interop',
  setup(b) {
    b.onResolve({ filter: /^node:(path|vm)$/ }, (args) =>
      // ES imports only (a require() of it would wrap it in interop again); the module's own require is the real module
      args.kind !== 'import-statement' || args.namespace === 'builtin-esm' ? undefined : { path: args.path, namespace: 'builtin-esm' });
    b.onLoad({ filter: /.*/, namespace: 'builtin-esm' }, async (args) => {
      const names = Object.keys(await import(args.path)).filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
      return {
        loader: 'js',
        contents: `const m = require(${JSON.stringify(args.path)});\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
      };
    });
  },
};

// picocolors works out at load whether its default export colours, from process.stdout.isTTY:
// reading process.stdout creates the stream, which loads Node's stream and net modules (~6 ms
// of a one-file lint; the bin shim writes to the descriptor instead). We only call its
// createColors(enabled), with our own decision (src/cli/io.ts useColor), so that one probe is
// dropped: its default export no longer looks at the terminal. The build fails if the text moves.
const picocolorsWithoutStdoutProbe = {
  name: 'picocolors-without-stdout-probe',
  setup(b) {
    b.onLoad({ filter: /[\\/]picocolors[\\/]picocolors\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const probe = '(p.stdout || {}).isTTY';
      if (!source.includes(probe)) throw new Error(`picocolors changed: ${probe} not found in ${args.path}`);
      return { loader: 'js', contents: source.replace(probe, 'false') };
    });
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
  plugins: [helmAsSeparateFile, lazyBuiltins, builtinsWithoutInterop, picocolorsWithoutStdoutProbe, moduleUrlAsBundle],
});
// The loader itself, for bin/k8s-todo-lint.cjs (CommonJS, which cannot require dist/src's ESM).
await build({
  ...minified,
  entryPoints: [path.join(root, 'dist/src/code-cache.js')],
  outfile: path.join(outdir, 'code-cache.cjs'),
  plugins: [builtinsWithoutInterop],
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
for (const name of ['yaml', 'fast-glob', 're2js']) {
  await build({ ...cjs, entryPoints: [name], absWorkingDir: root, outfile: path.join(root, 'dist/vendor', `${name}.cjs`) });
}
