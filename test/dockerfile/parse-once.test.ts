/**
 * Each Dockerfile is parsed once per lint however many rules and workloads
 * use it, and nothing is kept from one lint to the next (an edit is seen).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { dockerfileParses as parseCount } from '../../src/load/dockerfiles.js';
import { lint } from '../../src/lint.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-once-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('parses each Dockerfile once per lint, and again in the next lint', async () => {
  const repo = path.join(tmp, 'repo');
  cpSync(path.resolve(import.meta.dirname, '../../fixtures/repos/todo-planted'), repo, { recursive: true });
  const before = parseCount();
  const first = await lint({ paths: ['.'], cwd: repo });
  // Two Dockerfiles, five rules reading them.
  expect(parseCount() - before).toBe(2);
  expect(new Set(first.findings.filter((f) => f.ruleId.startsWith('dockerfile-')).map((f) => f.ruleId)).size).toBe(4);
  // No cache outlives a lint: the next one reads both files again.
  const second = await lint({ paths: ['.'], cwd: repo });
  expect(parseCount() - before).toBe(4);
  expect(second.findings).toEqual(first.findings);
  const file = path.join(repo, 'deploy/docker/frontend/Dockerfile');
  writeFileSync(file, 'FROM node:20-alpine AS build\nFROM node:20-alpine\nCOPY --from=build /app /app\nUSER 1001\nEXPOSE 3000\n');
  const third = await lint({ paths: ['.'], cwd: repo });
  expect(parseCount() - before).toBe(6);
  expect(third.findings.filter((f) => f.location.file === 'deploy/docker/frontend/Dockerfile')).toEqual([]);
});
