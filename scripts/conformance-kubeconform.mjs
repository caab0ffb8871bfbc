#!/usr/bin/env node
/**
 * kubeconform conformance: runs the built linter's public lint() over
 * kubeconform's fixtures and checks its strict-mode acceptance expectations,
 * as restated in test/schema/kubeconform-cases.json (valid/invalid per file,
 * List expansion, empty documents, missing kind/apiVersion, CRDs, duplicates,
 * int-or-string, quantities, nulls, generateName).
 *
 * Usage: npm run build && npm run conformance:kubeconform -- [corpus-dir] [--large]
 *   corpus-dir  kubeconform's data (default: ../shared/corpus/kubeconform)
 *   --large     also lint a generated 100,000-resource file (kubeconform's
 *               valid_large case, not in the corpus) and time it
 * Prints one line per case and `N passed, M failed`; exits 1 when a case fails.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const large = args.includes('--large');
const corpus = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, '../shared/corpus/kubeconform'));
const RULE_IDS = new Set(['k8s-schema', 'deprecated-api', 'yaml-syntax']);

if (!existsSync(path.join(corpus, 'fixtures'))) {
  console.error(`no kubeconform fixtures in ${corpus} (expected ${corpus}/fixtures)`);
  process.exit(2);
}

async function loadLint() {
  for (const rel of ['dist/src/index.js', 'dist/src/lint.js']) {
    const file = path.join(root, rel);
    if (!existsSync(file)) continue;
    const mod = await import(pathToFileURL(file).href);
    if (typeof mod.lint === 'function') return mod.lint;
  }
  console.error('dist/src/index.js (or dist/src/lint.js) with lint() not found: run `npm run build` first');
  process.exit(2);
}

const lint = await loadLint();
const { cases } = JSON.parse(readFileSync(path.join(root, 'test/schema/kubeconform-cases.json'), 'utf8'));

/** The findings of the schema-related rules, as the cases file writes them. */
function summarise(result) {
  return result.findings
    .filter((f) => RULE_IDS.has(f.ruleId))
    .map((f) => `${f.ruleId} ${f.severity} ${f.location.line}:${f.location.column} ${f.message}`);
}

let passed = 0;
let failed = 0;
for (const c of cases) {
  const rules = Object.fromEntries(Object.entries(c.rules ?? {}).map(([id, options]) => [id, ['error', options]]));
  let problem;
  try {
    const result = await lint({ paths: c.paths, cwd: corpus, config: { rules } });
    const got = summarise(result);
    if (result.summary.resources !== c.resources) problem = `expected ${c.resources} resources, got ${result.summary.resources}`;
    else if (JSON.stringify(got) !== JSON.stringify(c.findings)) problem = `expected findings:\n      ${c.findings.join('\n      ') || '(none)'}\n    got:\n      ${got.join('\n      ') || '(none)'}`;
  } catch (e) {
    problem = `lint() threw: ${e.message}`;
  }
  if (problem) {
    failed++;
    console.log(`FAIL ${c.name} (${c.paths.join(' ')})\n    ${problem}`);
  } else {
    passed++;
    console.log(`ok   ${c.name}`);
  }
}

if (large) {
  // kubeconform's valid_large.yaml is not in the corpus: 100,000 small valid resources.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kubeconform-large-'));
  try {
    const doc = (i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: ns-${i % 7}\ndata:\n  key: value-${i}\n`;
    const file = path.join(dir, 'valid_large.yaml');
    writeFileSync(file, Array.from({ length: 100_000 }, (_, i) => doc(i)).join('---\n'));
    // Only the schema rules: others' findings (e.g. required-labels) would time position lookups, not validation.
    const registry = path.join(root, 'dist/rules/index.js');
    const rules = {};
    if (existsSync(registry)) {
      for (const r of (await import(pathToFileURL(registry).href)).RULES) if (!RULE_IDS.has(r.meta.id)) rules[r.meta.id] = 'off';
    }
    const start = process.hrtime.bigint();
    const result = await lint({ paths: [file], cwd: dir, config: { rules } });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const got = summarise(result);
    const ok = result.summary.resources === 100_000 && got.length === 0;
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} 100,000 valid resources in one file: ${result.summary.resources} resources, ${got.length} schema findings, ${seconds.toFixed(2)} s (${Math.round(100_000 / seconds).toLocaleString('en-US')} resources/s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
