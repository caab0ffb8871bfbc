/**
 * A small monorepo for the tests of units across threads, the cache and shards:
 * copies of fixtures/charts/todo-app (one with a ci/*-values.yaml variant) and the
 * seed manifests in two directories (the same objects twice: cross-directory
 * duplicate-resource findings).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run-cli.js';

export function makeMonorepo(dir: string, charts = 4): void {
  for (let i = 1; i <= charts; i++) {
    const chart = path.join(dir, 'charts', `app${i}`);
    cpSync(path.join(ROOT, 'fixtures/charts/todo-app'), chart, { recursive: true });
    const meta = path.join(chart, 'Chart.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^name: .*$/m, `name: app${i}`));
  }
  if (charts >= 2) {
    mkdirSync(path.join(dir, 'charts/app2/ci'));
    writeFileSync(path.join(dir, 'charts/app2/ci/pull-values.yaml'), 'global:\n  imagePullPolicy: Always\n');
  }
  for (const sub of ['manifests/a', 'manifests/b']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
    cpSync(path.join(ROOT, 'examples/designs/seed-000/todo-app.yaml'), path.join(dir, sub, 'todo.yaml'));
  }
}
