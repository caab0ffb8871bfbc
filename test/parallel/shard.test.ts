/**
 * --shard i/n (src/shard.ts): the units (charts, manifest directories) split
 * deterministically; every shard's findings together are the findings of one
 * run; bad values are a usage error (exit 2, one line).
 */
import { describe, expect, it } from 'vitest';
import { parseShard, shardUnits } from '../../src/shard.js';
import { runCli } from '../support/run-cli.js';
import { makeMonorepo } from '../support/monorepo.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-shard-');

describe('--shard', () => {
  it('deals the sorted units round-robin: the same split whatever the order given', () => {
    const units = ['charts/b', 'charts/a', 'k8s', 'charts/c', 'apps/x'];
    expect([...shardUnits(units, { index: 1, count: 2 })]).toEqual(['apps/x', 'charts/b', 'k8s']);
    expect([...shardUnits(units, { index: 2, count: 2 })]).toEqual(['charts/a', 'charts/c']);
    expect([...shardUnits([...units].reverse(), { index: 2, count: 2 })]).toEqual(['charts/a', 'charts/c']);
    expect([...shardUnits(units, { index: 3, count: 3 })]).toEqual(['charts/b']);
  });

  it('parses i/n with 1 <= i <= n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', 'x', '1/0', '1/', '-1/2']) expect(() => parseShard(bad)).toThrow(`--shard expects i/n with 1 <= i <= n (e.g. 1/4), got "${bad}"`);
  });

  it('gives, over all shards, exactly the findings of one run', () => {
    const dir = tempDir();
    makeMonorepo(dir);
    const whole = JSON.parse(runCli(['.', '-f', 'json'], { cwd: dir }).stdout);
    const shards = [1, 2, 3].map((i) => JSON.parse(runCli(['.', '-f', 'json', '--shard', `${i}/3`], { cwd: dir }).stdout));
    const key = (f: unknown) => JSON.stringify(f);
    const union = shards.flatMap((s) => s.findings.map(key));
    expect([...union].sort()).toEqual(whole.findings.map(key).sort());
    expect(shards.map((s) => s.summary.files)).toEqual([2, 2, 2]);
    expect(shards.reduce((n, s) => n + s.summary.resources, 0)).toBe(whole.summary.resources);
    // A shard with no unit lints nothing and passes.
    const empty = runCli(['manifests/a', '-f', 'json', '--shard', '2/2'], { cwd: dir });
    expect(JSON.parse(empty.stdout).summary.files).toBe(0);
    expect(empty.status).toBe(0);
  });

  it('refuses 0/2, 3/2 and x with one line, exit 2', () => {
    for (const bad of ['0/2', '3/2', 'x']) {
      const r = runCli(['.', '--shard', bad]);
      expect(r.stderr).toBe(`k8s-todo-lint: --shard expects i/n with 1 <= i <= n (e.g. 1/4), got "${bad}"\n`);
      expect(r.status).toBe(2);
    }
  });
});
