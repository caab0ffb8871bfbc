#!/usr/bin/env node
/**
 * Conformance of `k8s-todo-lint template` with Helm v3.21.4:
 *   npm run conformance -- [corpus dir] [--verbose] [--only NAME]
 * runs every case of <corpus>/helm-golden/v3.21.4/cases.json (KubeVersion
 * v1.20.0, as Helm's test build) and <corpus>/charts/<name>/case.json
 * (v1.36.0, lines listed as nondeterministic ignored) through
 * runTemplateCommand in-process, and prints how many match byte for byte.
 * The template command (src/cli/template.ts, with the Helm engine it loads)
 * is bundled with esbuild into .bench/ first, so the script needs no build of
 * the whole project.
 */
import { existsSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const onlyIdx = argv.indexOf('--only');
const only = onlyIdx >= 0 ? argv[onlyIdx + 1] : undefined;
const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--only');
const corpus = resolve(positional[0] ?? join(root, '..', 'shared', 'corpus'));
if (!existsSync(corpus)) {
  console.error(`conformance: corpus not found at ${corpus}`);
  process.exit(2);
}

mkdirSync(join(root, '.bench'), { recursive: true });
const bundle = join(root, '.bench', 'helm-chart.mjs');
await build({
  entryPoints: [join(root, 'src/cli/template.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: bundle,
  packages: 'external',
  logLevel: 'error',
});
const { runTemplateCommand } = await import(pathToFileURL(bundle).href);

const FIXED_NOW = () => new Date(2026, 0, 1, 0, 0, 0);
/** Go's log prefix "2006/01/02 15:04:05 " differs run to run; compare without it. */
const stripLogTime = (s) => s.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /gm, '');

async function run(args, cwd, defaultKubeVersion) {
  let stdout = '';
  let stderr = '';
  const code = await runTemplateCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    now: FIXED_NOW,
    defaultKubeVersion,
  }).catch((e) => {
    stderr += `INTERNAL: ${e?.stack ?? e}\n`;
    return 99;
  });
  return { code, stdout, stderr };
}

function firstDiff(expected, actual, ignore = new Set()) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (ignore.has(i + 1)) continue;
    if (a[i] !== b[i]) {
      const from = Math.max(0, i - 2);
      return [
        `  first difference at line ${i + 1}:`,
        ...a.slice(from, i + 3).map((l, k) => `  - ${from + k + 1}: ${JSON.stringify(l)}`),
        ...b.slice(from, i + 3).map((l, k) => `  + ${from + k + 1}: ${JSON.stringify(l)}`),
      ].join('\n');
    }
  }
  return '';
}

function sameIgnoring(expected, actual, ignore) {
  if (ignore.size === 0) return expected === actual;
  const a = expected.split('\n');
  const b = actual.split('\n');
  if (a.length !== b.length) return false;
  return a.every((l, i) => ignore.has(i + 1) || l === b[i]);
}

let total = 0;
let passed = 0;
const report = (label, ok, detail) => {
  total++;
  if (ok) passed++;
  if (!ok || verbose) console.log(`${ok ? 'PASS' : 'FAIL'} ${label}`);
  if (!ok && verbose && detail) console.log(detail);
};

// Helm's own goldens.
const goldenDir = join(corpus, 'helm-golden', 'v3.21.4');
let goldenPass = 0;
let goldenTotal = 0;
if (existsSync(join(goldenDir, 'cases.json'))) {
  const { cases } = JSON.parse(readFileSync(join(goldenDir, 'cases.json'), 'utf8'));
  for (const c of cases) {
    if (only && !c.name.includes(only)) continue;
    const expected = readFileSync(join(goldenDir, c.expected), 'utf8');
    const r = await run(c.args, goldenDir, 'v1.20.0');
    const actual = c.wantError ? r.stdout + stripLogTime(r.stderr).split('\n').filter((l) => !/^(warning|Warning|info|WARNING)/.test(l)).join('\n') : r.stdout;
    const ok = actual === expected && (r.code !== 0) === c.wantError;
    goldenTotal++;
    if (ok) goldenPass++;
    report(`golden: ${c.name}`, ok, firstDiff(expected, actual) || `  exit ${r.code}; stderr: ${r.stderr.slice(0, 500)}`);
  }
}

// Real charts rendered by Helm v3.21.4.
const chartsDir = join(corpus, 'charts');
let chartPass = 0;
let chartTotal = 0;
if (existsSync(chartsDir)) {
  for (const name of readdirSync(chartsDir).sort()) {
    const caseFile = join(chartsDir, name, 'case.json');
    if (!existsSync(caseFile)) continue;
    if (only && !name.includes(only)) continue;
    const spec = JSON.parse(readFileSync(caseFile, 'utf8'));
    for (const c of spec.cases) {
      const expected = readFileSync(join(chartsDir, name, c.expected), 'utf8');
      const started = performance.now();
      const r = await run(c.args, join(chartsDir, name), 'v1.36.0');
      const ms = performance.now() - started;
      const ignore = new Set(c.nondeterministicLines ?? []);
      const okOut = c.exitCode === 0 ? sameIgnoring(expected, r.stdout, ignore) : true;
      const expErr = c.stderr ?? '';
      // The corpus driver called Helm's library, not its CLI, so it never printed the CLI's deprecation warning.
      const ourErr = r.stderr.replace(/^WARNING: This chart is deprecated\n/m, '');
      const okErr = stripLogTime(ourErr) === stripLogTime(expErr);
      const ok = okOut && r.code === c.exitCode && okErr;
      chartTotal++;
      if (ok) chartPass++;
      let detail = okOut ? '' : firstDiff(expected, r.stdout, ignore);
      if (!okErr || r.code !== c.exitCode) detail += `\n  exit ${r.code} (want ${c.exitCode}); stderr: ${JSON.stringify(r.stderr.slice(0, 600))} (want ${JSON.stringify(expErr.slice(0, 300))})`;
      report(`chart: ${name} ${c.expected} (${ms.toFixed(0)} ms)`, ok, detail);
    }
  }
}

console.log(`helm goldens v3.21.4: ${goldenPass}/${goldenTotal} pass`);
console.log(`real charts: ${chartPass}/${chartTotal} pass`);
console.log(`total: ${passed}/${total}`);
