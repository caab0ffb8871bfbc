#!/usr/bin/env node
// Regenerates test/helm-sprig-strings-math/goldens.json from the case table by running
// every template through the Go reference renderer (gotpl, see
// ../shared/tools/gotpl/README.md) in batch mode.
//
//   GOTPL=/tmp/gotpl node scripts/gen-sprig-strings-math-goldens.mjs
//
// Each golden is { template, data?, expected } or { template, data?, error }.
// Cases where Helm's newer Sprig differs from the reference build carry
// `helm` in the table: the golden then expects that, and keeps what gotpl
// printed under `gotpl` with the reason.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases, DATA } from '../test/helm-sprig-strings-math/case-table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gotpl = process.env.GOTPL ?? process.argv[2];
if (!gotpl) {
  console.error('usage: GOTPL=/path/to/gotpl node scripts/gen-sprig-strings-math-goldens.mjs');
  process.exit(2);
}

const normalized = cases.map((c) => (typeof c === 'string' ? { t: c } : c));
const usesData = (t) => /(^|[\s(|])\.[A-Za-z]/.test(t);
const jobs = normalized.map((c) => JSON.stringify({ templates: { t: c.t }, data: usesData(c.t) ? DATA : {} })).join('\n') + '\n';
const run = spawnSync(gotpl, ['-batch'], { input: jobs, encoding: 'utf8', maxBuffer: 64 << 20 });
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const results = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
if (results.length !== normalized.length) throw new Error(`expected ${normalized.length} results, got ${results.length}`);

const goldens = normalized.map((c, i) => {
  const r = results[i];
  const g = { template: c.t };
  if (c.engineOnly) g.engineOnly = true;
  if (usesData(c.t)) g.data = DATA;
  const got = r.error !== undefined ? { error: r.error } : { expected: r.rendered.t };
  if (c.helm !== undefined) {
    // 'ERROR: ' marks an expected error (the text after "executing ... at <...>: ").
    if (c.helm.startsWith('ERROR: ')) g.error = `template: t:1:3: executing "t" at <${c.t.slice(3, -3)}>: ${c.helm.slice(7)}`;
    else g.expected = c.helm;
    g.gotpl = got;
    g.why = c.why;
  } else {
    Object.assign(g, got);
  }
  return g;
});

const out = join(root, 'test/helm-sprig-strings-math/goldens.json');
writeFileSync(out, JSON.stringify(goldens, null, 1) + '\n');
const errors = goldens.filter((g) => g.error !== undefined).length;
console.log(`wrote ${goldens.length} goldens (${errors} errors) to ${out}`);
