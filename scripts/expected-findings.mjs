// Prints the findings of one rule on one fixture, in the rule tester's .expected.json form
// (test/support/rule-tester.ts): ruleId, line, column, endLine, endColumn, message, severity,
// related. A helper for writing fixtures: always review its output by hand before saving it.
// Usage: node scripts/expected-findings.mjs <rule-id> <fixture.yaml|chart-dir> [--write]
//        node scripts/expected-findings.mjs --refresh [--write]
// --refresh recomputes every fixtures/rules/*/invalid/*.expected.json and fails unless each
// keeps its findings (count, ruleId, line, column, message, severity) and only gains fields.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../dist/src/lint.js';

const FIXTURES = path.resolve('fixtures/rules');

/** The tester's findings of `ruleId` on a fixture file or chart directory (same options and config lookup). */
async function findingsOf(ruleId, abs) {
  const base = abs.replace(/\.(ya?ml|json)$/, '');
  const options = existsSync(`${base}.options.json`) ? JSON.parse(readFileSync(`${base}.options.json`, 'utf8')) : undefined;
  const inline = existsSync(`${base}.config.json`) ? JSON.parse(readFileSync(`${base}.config.json`, 'utf8')) : {};
  const rules = { ...(inline.rules ?? {}) };
  if (options) rules[ruleId] = ['error', options];
  const result = await lint({ paths: [abs], cwd: path.dirname(abs), configFile: path.join(FIXTURES, 'tester-config.json'), config: { ...inline, rules } });
  return result.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ ruleId: f.ruleId, line: f.location.line, column: f.location.column, endLine: f.location.endLine, endColumn: f.location.endColumn, message: f.message, severity: f.severity, ...(f.related ? { related: f.related } : {}) }));
}

const expectedFileOf = (abs) => (/\.(ya?ml|json)$/.test(abs) ? abs.replace(/\.(ya?ml|json)$/, '.expected.json') : `${abs}.expected.json`);
const text = (list) => JSON.stringify(list, null, 2) + '\n';

if (process.argv[2] === '--refresh') {
  const write = process.argv[3] === '--write';
  let changed = 0;
  for (const ruleId of readdirSync(FIXTURES).filter((d) => existsSync(path.join(FIXTURES, d, 'invalid'))).sort()) {
    const dir = path.join(FIXTURES, ruleId, 'invalid');
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      if (!existsSync(expectedFileOf(abs)) || /\.(expected|options|config)\.json$/.test(name)) continue;
      const old = JSON.parse(readFileSync(expectedFileOf(abs), 'utf8'));
      const got = await findingsOf(ruleId, abs);
      const keep = ['ruleId', 'line', 'column', 'message', 'severity'];
      const same = old.length === got.length && old.every((o, i) => keep.every((k) => !(k in o) || o[k] === got[i][k]));
      if (!same) throw new Error(`${path.relative(FIXTURES, abs)}: current findings differ from ${path.basename(expectedFileOf(abs))} beyond the added fields`);
      // The old fields keep their order and presence (severity is listed only where the file listed it).
      const merged = got.map((g, i) => {
        const o = old[i];
        const { severity, related, ...rest } = g;
        return { ...rest, ...('severity' in o ? { severity } : {}), ...(related ? { related } : {}) };
      });
      if (text(merged) !== readFileSync(expectedFileOf(abs), 'utf8')) {
        changed++;
        if (write) writeFileSync(expectedFileOf(abs), text(merged));
      }
    }
  }
  process.stdout.write(`${changed} expected file(s) ${write ? 'rewritten' : 'would change'}\n`);
} else {
  const [ruleId, file, flag] = process.argv.slice(2);
  const abs = path.resolve(file);
  const out = text(await findingsOf(ruleId, abs));
  if (flag === '--write') writeFileSync(expectedFileOf(abs), out);
  process.stdout.write(out);
}
