#!/usr/bin/env node
/**
 * Renders every case of test/helm-sprig-2/cases.txt with the Go reference
 * renderer (gotpl, see /work/shared/tools/gotpl/README.md) and writes
 * test/helm-sprig-2/goldens.json: for each case, the output or the error text.
 *
 * Usage: GOTPL=/path/to/gotpl node scripts/gen-sprig2-goldens.mjs
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../test/helm-sprig-2/', import.meta.url));
const gotpl = process.env.GOTPL ?? 'gotpl';
const cases = parseCases(readFileSync(dir + 'cases.txt', 'utf8'));
const NAME = 'sprig2/templates/case.yaml';

const jobs = cases.map((c) => JSON.stringify({ templates: { [NAME]: c.tpl }, data: c.data ?? {} }));
// TZ is pinned so that "Local" means the same thing here and in the test.
const out = execFileSync(gotpl, ['-batch'], {
  input: jobs.join('\n') + '\n',
  env: { ...process.env, TZ: 'UTC' },
  maxBuffer: 64 << 20,
}).toString('utf8');
const lines = out.split('\n').filter((l) => l.length > 0);
if (lines.length !== cases.length) throw new Error(`gotpl gave ${lines.length} results for ${cases.length} cases`);

const goldens = cases.map((c, i) => {
  const r = JSON.parse(lines[i]);
  const g = { tpl: c.tpl };
  if (c.data) g.data = c.data;
  if (r.error !== undefined) g.err = r.error;
  else g.out = r.rendered[NAME];
  if (c.helm) g.helm = c.helm;
  if (c.skip) g.skip = c.skip;
  if (c.engineOnly) g.engineOnly = true;
  return g;
});
writeFileSync(dir + 'goldens.json', JSON.stringify(goldens, null, 1) + '\n');
console.log(`wrote ${goldens.length} goldens (${goldens.filter((g) => g.err !== undefined).length} errors)`);

/**
 * cases.txt: one template per line; `#` lines are comments. Directives apply
 * to the next template: `@data {json}` (the template's dot), `@helm-out text`
 * or `@helm-err text` with `@why reason` (Helm 3.21 ships newer semver/mergo
 * than the Debian Sprig 3.2.3 that gotpl links, so its answer differs), and
 * `@skip reason` (a Go type the value model does not keep).
 */
function parseCases(text) {
  const cases = [];
  let pending = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const d = /^@(data|helm-out|helm-err|why|skip|engine-only) ?(.*)$/.exec(line);
    if (d) {
      if (d[1] === 'data') pending.data = JSON.parse(d[2]);
      else if (d[1] === 'helm-out') pending.helm = { ...pending.helm, out: d[2] };
      else if (d[1] === 'helm-err') pending.helm = { ...pending.helm, err: d[2] };
      else if (d[1] === 'why') pending.helm = { ...pending.helm, why: d[2] };
      else if (d[1] === 'engine-only') pending.engineOnly = true;
      else pending.skip = d[2];
      continue;
    }
    cases.push({ tpl: line, ...pending });
    pending = {};
  }
  return cases;
}
