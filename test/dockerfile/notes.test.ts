/** What --verbose says when a Dockerfile value depends on a build argument the file gives no default. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-notes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('notes each value it cannot know, and reports nothing about it', async () => {
  mkdirSync(path.join(tmp, '.git'));
  mkdirSync(path.join(tmp, 'api'));
  writeFileSync(path.join(tmp, 'api/Dockerfile'), 'ARG BASE\nFROM ${BASE} AS build\nFROM python:3.13-slim\nARG UID\nARG PORT\nCOPY --from=build /a /a\nUSER ${UID}\nEXPOSE ${PORT}\n');
  writeFileSync(path.join(tmp, 'api.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 1001\n  containers:\n    - name: api\n      image: todo-api:1.0.0\n      ports:\n        - containerPort: 8000\n');
  const notes: string[] = [];
  const result = await lint({ paths: ['api.yaml'], cwd: tmp, onNote: (m) => notes.push(m) });
  expect(notes).toEqual([
    'image todo-api: Dockerfile api/Dockerfile (convention api/Dockerfile)',
    'api/Dockerfile:8: EXPOSE ${PORT} is not a known port (a build argument without a default?): ports not compared',
    'api/Dockerfile:7: USER ${UID} is not known (a build argument without a default?): user not compared',
    'api/Dockerfile:2: FROM ${BASE} is not known (a build argument without a default?): base image not checked',
  ]);
  expect(result.findings.filter((f) => f.ruleId.startsWith('dockerfile-'))).toEqual([]);
});
