// Lint config: typescript-eslint's recommended rules over our sources, and the shape of the
// code: no import cycles in src/ and rules/, and the never-arrows of docs/ARCHITECTURE.md
// (which directory may not import which). `npm run lint` (part of `npm test` and CI) fails
// on a violation of any arrow set to 'error'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/** Path arrows: a file in `target` may not import from `from` (paths resolved, so `../..` depth does not matter). */
const arrow = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

/** Package arrows: these module names may not be imported (type-only imports included). */
const packages = (names, message) => names.map((name) => ({ name, message }));

const COMMANDER = packages(['commander'], 'only the command line (src/cli/) parses arguments');
const LSP = packages(['vscode-languageserver', 'vscode-languageserver/node.js', 'vscode-languageserver/node', 'vscode-languageserver-textdocument'], 'only the language server (src/lsp/) speaks LSP');

/** src/helm is a Helm renderer that could be published alone: nothing of ours outside it. */
const HELM_STANDS_ALONE = [
  arrow('./src/helm', './src', 'src/helm imports nothing outside src/helm', ['./helm']),
  arrow('./src/helm', './rules', 'src/helm imports nothing outside src/helm'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'schemas/**', 'coverage/**', 'fixtures/**', 'examples/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // The CommonJS entry point (bin/k8s-todo-lint.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // ---- The shape of the code (src/ and rules/) ----
  {
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
      // Our imports name the compiled `.js`; the source is the `.ts` beside it.
      'import-x/resolver-next': [importX.createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      // Type-only imports are erased at run time and are not cycles; dynamic import() ones are.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // A spread in a call puts every element on the stack: past ~125,000 elements (a List of
      // aliases, a huge report) it throws RangeError. Loop instead (issue 16).
      'no-restricted-syntax': ['error', {
        selector: 'CallExpression[callee.property.name=/^(push|unshift|max|min|fromCharCode|fromCodePoint|apply)$/] > SpreadElement',
        message: 'no spread into push/unshift/Math.max/min/fromCharCode over data the input sizes: loop (the stack overflows past ~125k elements)',
      }, {
        selector: 'CallExpression[callee.property.name="apply"]',
        message: 'no .apply: its argument array goes on the stack; loop instead',
      }],
    },
  },
  {
    // Rules are pure functions of their RuleContext: no disk, no parsers, no loader or renderer.
    files: ['rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...packages(['node:fs', 'fs', 'node:fs/promises', 'fs/promises'], 'rules read no files: the loader gives them what they need (RuleContext)'),
          ...packages(['yaml', 'js-yaml'], 'rules parse no YAML: the loader gives them parsed data with positions (RuleContext)'),
          ...COMMANDER,
        ],
      }],
      'import-x/no-restricted-paths': ['error', {
        zones: [
          arrow('./rules', './src/load', 'rules do not load input: the loader gives them what they need (RuleContext)'),
          arrow('./rules', './src/helm', 'rules do not render charts: the loader does (RuleContext)'),
          // src/vendor.ts hands out the yaml parser: the same arrow as `yaml` above.
          arrow('./rules', './src/vendor.ts', 'rules parse no YAML: the loader gives them parsed data with positions (RuleContext)'),
        ],
      }],
    },
  },
  {
    // Outside the command line, nobody parses arguments; outside the language server, nobody speaks LSP.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/lsp/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...COMMANDER, ...LSP] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: LSP }],
    },
  },
  {
    files: ['src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: COMMANDER }],
    },
  },
  {
    // The engine runs the rules it is given; it knows no rule, no loader, no command line.
    files: ['src/engine/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', {
        zones: [
          arrow('./src/engine', './rules', 'the engine imports no rule: the pipeline (src/lint.ts) passes rules/index.ts to it'),
          arrow('./src/engine', './src/load', 'the engine works on loaded resources; it does not load'),
          arrow('./src/engine', './src/cli', 'the engine knows nothing of the command line'),
          arrow('./src/engine', './src/lsp', 'the engine knows nothing of the language server'),
        ],
      }],
    },
  },
  {
    // The Helm renderer stands alone (it could be published by itself).
    files: ['src/helm/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: HELM_STANDS_ALONE }],
    },
  },
  {
    // Go's runtime (src/helm/go) is below the rest of the renderer.
    files: ['src/helm/go/**/*.ts'],
    rules: {
      // These options replace the src/helm block's for these files, so its zones come along.
      'import-x/no-restricted-paths': ['error', {
        zones: [...HELM_STANDS_ALONE, arrow('./src/helm/go', './src/helm', 'src/helm/go is the Go runtime: it imports nothing from the rest of src/helm', ['./go'])],
      }],
    },
  },
  {
    // Dockerfiles are input: rules read them, not the other way round.
    files: ['src/dockerfile/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', {
        zones: [arrow('./src/dockerfile', './rules', 'src/dockerfile imports no rule or rule helper')],
      }],
    },
  },
);
