// Runs the built CLI (--format json) over every input the renovation must not change
// (examples/todo-app, each design of examples/designs, each fixture chart, design and repo, every corpus chart in chart mode
// and each of its rendered*.yaml) and writes one JSON file per input into OUT_DIR.
// Compare two snapshots with `diff -r`. Usage:
//   node scripts/snapshot-findings.mjs OUT_DIR [CORPUS_CHARTS_DIR]
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [outDir, corpusArg] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node scripts/snapshot-findings.mjs OUT_DIR [CORPUS_CHARTS_DIR]');
  process.exit(2);
}
const corpus = path.resolve(corpusArg ?? path.join(root, '../shared/corpus/charts'));
mkdirSync(outDir, { recursive: true });

const subdirs = (dir) =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(dir, d.name)) : [];

/** @type {{ name: string, args: string[] }[]} */
// examples/todo-app is the Quick start's example; each design of examples/designs is its own input.
const jobs = [{ name: 'examples', args: ['examples/todo-app/'] }];
for (const dir of subdirs(path.join(root, 'examples', 'designs'))) {
  jobs.push({ name: `examples-designs-${path.basename(dir)}`, args: [path.relative(root, dir)] });
}
for (const group of ['charts', 'designs', 'repos']) {
  for (const dir of subdirs(path.join(root, 'fixtures', group))) {
    jobs.push({ name: `fixtures-${group}-${path.basename(dir)}`, args: [path.relative(root, dir)] });
  }
}
for (const dir of subdirs(corpus)) {
  const name = path.basename(dir);
  if (existsSync(path.join(dir, 'chart'))) jobs.push({ name: `corpus-${name}-chart`, args: [path.join(dir, 'chart')] });
  for (const file of readdirSync(dir).filter((f) => /^rendered.*\.yaml$/.test(f))) {
    jobs.push({ name: `corpus-${name}-${file.replace(/\.yaml$/, '')}`, args: [path.join(dir, file)] });
  }
}

const bin = path.join(root, 'bin/k8s-todo-lint.cjs');
const run = (job) =>
  new Promise((resolve) => {
    execFile(process.execPath, [bin, '--format', 'json', ...job.args], { cwd: root, maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      const code = error ? (error.code ?? 'signal') : 0;
      writeFileSync(path.join(outDir, `${job.name}.json`), `exit ${code}\n${stderr}${stdout}`);
      resolve();
    });
  });

let next = 0;
const worker = async () => {
  while (next < jobs.length) await run(jobs[next++]);
};
await Promise.all(Array.from({ length: Math.max(1, os.availableParallelism()) }, worker));
console.log(`${jobs.length} inputs written to ${outDir}`);
