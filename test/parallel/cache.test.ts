/**
 * --cache (src/cache/lint-cache.ts): a second run over an unchanged monorepo
 * lints no unit again, a changed values file re-lints only its chart, a config
 * change re-lints everything, and a cache file that is corrupt, foreign or
 * unwritable never changes a finding or fails the run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/lint.js';
import { makeMonorepo } from '../support/monorepo.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-cache-');

/** Lints with the cache; returns the result and the cache note (`cache: H of N units from F`). */
async function cached(cwd: string, extra: Partial<LintOptions> = {}) {
  const notes: string[] = [];
  const result = await lint({ cwd, paths: ['.'], cache: true, onNote: (n) => notes.push(n), ...extra });
  return { result, cache: notes.find((n) => n.startsWith('cache: ')) };
}

describe('the lint cache', () => {
  it('reuses every unchanged unit, re-lints a chart whose values changed, and gives the same findings', async () => {
    const dir = tempDir();
    makeMonorepo(dir);
    const first = await cached(dir);
    expect(first.cache).toBe('cache: 0 of 5 units from .k8s-todo-lint-cache');
    expect(existsSync(path.join(dir, '.k8s-todo-lint-cache'))).toBe(true);
    const second = await cached(dir);
    expect(second.cache).toBe('cache: 5 of 5 units from .k8s-todo-lint-cache');
    expect(second.result).toEqual(first.result);

    // A values change of one chart: that chart only.
    const values = path.join(dir, 'charts/app3/values.yaml');
    writeFileSync(values, readFileSync(values, 'utf8').replace('replicaCount: 1', 'replicaCount: 2'));
    expect((await cached(dir)).cache).toBe('cache: 4 of 5 units from .k8s-todo-lint-cache');
    // A ci values file is part of its chart too.
    writeFileSync(path.join(dir, 'charts/app2/ci/pull-values.yaml'), 'global:\n  imagePullPolicy: IfNotPresent\n');
    const third = await cached(dir);
    expect(third.cache).toBe('cache: 4 of 5 units from .k8s-todo-lint-cache');
    expect(third.result).toEqual((await lint({ cwd: dir, paths: ['.'] })));
  });

  it('re-lints everything when the config or a rule flag changes', async () => {
    const dir = tempDir();
    makeMonorepo(dir, 2);
    await cached(dir);
    expect((await cached(dir)).cache).toBe('cache: 3 of 3 units from .k8s-todo-lint-cache');
    writeFileSync(path.join(dir, '.k8s-todo-lint.yaml'), 'rules:\n  duplicate-resource: off\n');
    const changed = await cached(dir);
    expect(changed.cache).toBe('cache: 0 of 3 units from .k8s-todo-lint-cache');
    expect(changed.result.findings.some((f) => f.ruleId === 'duplicate-resource')).toBe(false);
    expect((await cached(dir, { ruleFlags: ['duplicate-resource=error'] })).cache).toBe('cache: 0 of 3 units from .k8s-todo-lint-cache');
    expect((await cached(dir, { kubeVersion: '1.25' })).cache).toBe('cache: 0 of 3 units from .k8s-todo-lint-cache');
  });

  it('re-lints every unit when the cluster facts change (a namespace another unit creates)', async () => {
    const dir = tempDir();
    makeMonorepo(dir, 2);
    await cached(dir);
    writeFileSync(path.join(dir, 'manifests/a/ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: elsewhere\n');
    const after = await cached(dir);
    expect(after.cache).toBe('cache: 0 of 3 units from .k8s-todo-lint-cache');
    expect(after.result).toEqual(await lint({ cwd: dir, paths: ['.'] }));
  });

  it('re-lints a chart whose Dockerfile changed', async () => {
    const dir = tempDir();
    makeMonorepo(dir, 1);
    writeFileSync(path.join(dir, '.k8s-todo-lint.yaml'), 'images:\n  todo-backend:\n    dockerfile: backend/Dockerfile\n');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'backend'));
    writeFileSync(path.join(dir, 'backend/Dockerfile'), 'FROM python:3.12-slim\nEXPOSE 8000\nUSER 1000\n');
    const first = await cached(dir, { paths: ['charts'] });
    expect((await cached(dir, { paths: ['charts'] })).cache).toBe('cache: 1 of 1 units from .k8s-todo-lint-cache');
    writeFileSync(path.join(dir, 'backend/Dockerfile'), 'FROM python:3.12-slim\nEXPOSE 9000\nUSER 1000\n');
    const after = await cached(dir, { paths: ['charts'] });
    expect(after.cache).toBe('cache: 0 of 1 units from .k8s-todo-lint-cache');
    expect(after.result).toEqual(await lint({ cwd: dir, paths: ['charts'] }));
    expect(first.result.findings.length).toBeGreaterThan(0);
  });

  it('ignores a corrupt cache, never overwrites a file that is not a cache, and survives an unwritable location', async () => {
    const dir = tempDir();
    makeMonorepo(dir, 1);
    const plain = await lint({ cwd: dir, paths: ['.'] });
    const file = path.join(dir, '.k8s-todo-lint-cache');
    writeFileSync(file, '{"k8sTodoLintCache":1,"key":');
    const corrupt = await cached(dir);
    expect(corrupt.cache).toBe('cache: 0 of 2 units from .k8s-todo-lint-cache');
    expect(corrupt.result).toEqual(plain);
    expect((await cached(dir)).cache).toBe('cache: 2 of 2 units from .k8s-todo-lint-cache');

    const mine = path.join(dir, 'notes.txt');
    writeFileSync(mine, 'my notes\n');
    expect((await cached(dir, { cacheLocation: 'notes.txt' })).result).toEqual(plain);
    expect(readFileSync(mine, 'utf8')).toBe('my notes\n');

    const unwritable = await cached(dir, { cacheLocation: 'notes.txt/cache' });
    expect(unwritable.result).toEqual(plain);
    expect(unwritable.cache).toBe('cache: 0 of 2 units from notes.txt/cache');
  });
});
