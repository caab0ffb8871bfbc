// Prints the findings of one rule on one fixture, in the tester's .expected.json form.
// A helper for writing fixtures: always review its output by hand before saving it.
// Usage: node scripts/expected-findings.mjs <rule-id> <fixture.yaml> [--write]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../dist/src/lint.js';

const [ruleId, file, flag] = process.argv.slice(2);
const abs = path.resolve(file);
const base = abs.replace(/\.(ya?ml|json)$/, '');
const options = existsSync(`${base}.options.json`) ? JSON.parse(readFileSync(`${base}.options.json`, 'utf8')) : undefined;
const inline = existsSync(`${base}.config.json`) ? JSON.parse(readFileSync(`${base}.config.json`, 'utf8')) : {};
const rules = { ...(inline.rules ?? {}) };
if (options) rules[ruleId] = ['error', options];
const result = await lint({ paths: [abs], cwd: path.dirname(abs), configFile: path.resolve('fixtures/rules/tester-config.json'), config: { ...inline, rules } });
const out = result.findings
  .filter((f) => f.ruleId === ruleId)
  .map((f) => ({ ruleId: f.ruleId, line: f.location.line, column: f.location.column, message: f.message, severity: f.severity }));
const text = JSON.stringify(out, null, 2) + '\n';
if (flag === '--write') writeFileSync(`${base}.expected.json`, text);
process.stdout.write(text);
