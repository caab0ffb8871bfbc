#!/usr/bin/env node
/**
 * Renders every case of test/helm-sprig-lists-dates/cases.txt with the Go reference
 * renderer (gotpl, see /work/shared/tools/gotpl/README.md) and writes
 * test/helm-sprig-lists-dates/goldens.json: for each case, the output or the error text.
 *
 * Usage: GOTPL=/path/to/gotpl node scripts/gen-sprig-lists-dates-goldens.mjs
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../test/helm-sprig-lists-dates/', import.meta.url));
const gotpl = process.env.GOTPL ?? 'gotpl';
const cases = parseCases(readFileSync(dir + 'cases.txt', 'utf8'));
const NAME = 'lists-dates/templates/case.yaml';

// Cases run in one gotpl process per TZ (the `@tz` directive; UTC by default),
// so that "Local" means the same zone here and in the test.
const lines = new Array(cases.length);
for (const tz of new Set(cases.map((c) => c.tz ?? 'UTC'))) {
  const idx = cases.flatMap((c, i) => ((c.tz ?? 'UTC') === tz ? [i] : []));
  const jobs = idx.map((i) => JSON.stringify({ templates: { [NAME]: cases[i].tpl }, data: cases[i].data ?? {} }));
  const out = execFileSync(gotpl, ['-batch'], {
    input: jobs.join('\n') + '\n',
    env: { ...process.env, TZ: tz },
    maxBuffer: 64 << 20,
  }).toString('utf8');
  const got = out.split('\n').filter((l) => l.length > 0);
  if (got.length !== idx.length) throw new Error(`gotpl gave ${got.length} results for ${idx.length} cases`);
  idx.forEach((ci, j) => (lines[ci] = got[j]));
}

const goldens = cases.map((c, i) => {
  const r = JSON.parse(lines[i]);
  const g = { tpl: c.tpl };
  if (c.data) g.data = c.data;
  if (r.error !== undefined) g.err = r.error;
  else g.out = r.rendered[NAME];
  if (c.helm) g.helm = c.helm;
  if (c.skip) g.skip = c.skip;
  if (c.engineOnly) g.engineOnly = true;
  if (c.tz) g.tz = c.tz;
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
    const d = /^@(data|helm-out|helm-err|why|skip|engine-only|tz) ?(.*)$/.exec(line);
    if (d) {
      if (d[1] === 'data') pending.data = JSON.parse(d[2]);
      else if (d[1] === 'helm-out') pending.helm = { ...pending.helm, out: d[2] };
      else if (d[1] === 'helm-err') pending.helm = { ...pending.helm, err: d[2] };
      else if (d[1] === 'why') pending.helm = { ...pending.helm, why: d[2] };
      else if (d[1] === 'engine-only') pending.engineOnly = true;
      else if (d[1] === 'tz') pending.tz = d[2];
      else pending.skip = d[2];
      continue;
    }
    cases.push({ tpl: line, ...pending });
    pending = {};
  }
  return cases;
}
