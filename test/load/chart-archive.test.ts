/** A walked .tgz is a chart only when it holds a Chart.yaml: npm tarballs and backups are not inputs. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { archiveHoldsChart } from '../../src/load/chart-archive.js';
import { writeTar } from '../../src/helm/chart/tar.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-archive-');

const tgz = (entries: { name: string; data: string }[]) => gzipSync(writeTar(entries));

describe('walked .tgz files', () => {
  it('are charts only when their top directory holds a Chart.yaml', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist/my-lib-1.0.0.tgz'), tgz([{ name: 'package/package.json', data: '{"name":"my-lib"}' }, { name: 'package/Chart.yaml.txt', data: 'x' }]));
    writeFileSync(path.join(dir, 'dist/deep.tgz'), tgz([{ name: 'a/b/Chart.yaml', data: 'apiVersion: v2\nname: b\nversion: 1.0.0\n' }]));
    writeFileSync(path.join(dir, 'dist/not-gzip.tgz'), 'plain text');
    writeFileSync(path.join(dir, 'dist/todo-0.1.0.tgz'), tgz([
      { name: 'todo/Chart.yaml', data: 'apiVersion: v2\nname: todo\nversion: 0.1.0\n' },
      { name: 'todo/templates/cm.yaml', data: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: todo\n' },
    ]));
    expect(['my-lib-1.0.0.tgz', 'deep.tgz', 'not-gzip.tgz', 'todo-0.1.0.tgz'].map((f) => archiveHoldsChart(path.join(dir, 'dist', f)))).toEqual([false, false, false, true]);
    writeFileSync(path.join(dir, 'c.json'), '{}');
    const result = await lint({ paths: ['.'], cwd: dir, configFile: 'c.json' });
    expect(result.findings.filter((f) => f.ruleId === 'helm-render')).toEqual([]);
    expect(result.findings.some((f) => f.location.file.startsWith('dist/todo-0.1.0.tgz'))).toBe(true);
    expect(result.findings.some((f) => /my-lib|deep|not-gzip/.test(f.location.file))).toBe(false);
  });
});
