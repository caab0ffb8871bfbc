/**
 * Each Dockerfile is parsed once however many rules and workloads use it,
 * and parsed again only when it changes.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseCount } from '../../src/dockerfile/load.js';
import { lint } from '../../src/lint.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-once-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('parses each Dockerfile once per lint, and again only after an edit', async () => {
  const repo = path.join(tmp, 'repo');
  cpSync(path.resolve(import.meta.dirname, '../../fixtures/repos/todo-planted'), repo, { recursive: true });
  const before = parseCount();
  const first = await lint({ paths: ['.'], cwd: repo });
  // Two Dockerfiles, five rules reading them.
  expect(parseCount() - before).toBe(2);
  expect(new Set(first.findings.filter((f) => f.ruleId.startsWith('dockerfile-')).map((f) => f.ruleId)).size).toBe(4);
  await lint({ paths: ['.'], cwd: repo });
  expect(parseCount() - before).toBe(2);
  const file = path.join(repo, 'deploy/docker/frontend/Dockerfile');
  writeFileSync(file, 'FROM node:20-alpine AS build\nFROM node:20-alpine\nCOPY --from=build /app /app\nUSER 1001\nEXPOSE 3000\n');
  const third = await lint({ paths: ['.'], cwd: repo });
  expect(parseCount() - before).toBe(3);
  expect(third.findings.filter((f) => f.location.file === 'deploy/docker/frontend/Dockerfile')).toEqual([]);
});
