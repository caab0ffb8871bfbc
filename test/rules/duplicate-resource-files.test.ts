/**
 * duplicate-resource across files: the finding sits on the later definition,
 * and both its message and its related location name the first one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { FIXTURES } from '../support/rule-tester.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-dup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deployment = (apiVersion: string, image: string) => `# backend
apiVersion: ${apiVersion}
kind: Deployment
metadata:
  name: backend
  labels:
    app: todo
spec:
  template:
    metadata:
      labels:
        app: todo
    spec:
      containers:
        - name: backend
          image: ${image}
`;

describe('duplicate-resource across files', () => {
  it('names the first definition in the message and as a related location', async () => {
    writeFileSync(path.join(dir, 'a-current.yaml'), deployment('apps/v1', 'todo-backend:1.0.0'));
    writeFileSync(path.join(dir, 'b-legacy.yaml'), deployment('extensions/v1beta1', 'todo-backend:0.9.0'));
    const result = await lint({ paths: ['a-current.yaml', 'b-legacy.yaml'], cwd: dir, configFile: path.join(FIXTURES, 'tester-config.json') });
    const dups = result.findings.filter((f) => f.ruleId === 'duplicate-resource');
    expect(dups).toEqual([
      {
        ruleId: 'duplicate-resource',
        severity: 'error',
        message: 'Deployment backend in namespace default (extensions/v1beta1) is already defined as apps/v1 at a-current.yaml:5; the second one replaces the first',
        location: { file: 'b-legacy.yaml', line: 5, column: 9, endLine: 5, endColumn: 16 },
        resource: { apiVersion: 'extensions/v1beta1', kind: 'Deployment', namespace: 'default', name: 'backend' },
        path: 'metadata.name',
        related: [{ file: 'a-current.yaml', line: 5, column: 9, endLine: 5, endColumn: 16, message: 'first definition of Deployment backend (apps/v1)' }],
      },
    ]);
  });
  it('treats the same name in two namespaces as two objects', async () => {
    writeFileSync(path.join(dir, 'ns-a.yaml'), deployment('apps/v1', 'todo-backend:1.0.0').replace('  name: backend\n', '  name: backend\n  namespace: todo-local\n'));
    writeFileSync(path.join(dir, 'ns-b.yaml'), deployment('apps/v1', 'todo-backend:1.0.0'));
    const result = await lint({ paths: ['ns-a.yaml', 'ns-b.yaml'], cwd: dir, configFile: path.join(FIXTURES, 'tester-config.json') });
    expect(result.findings.filter((f) => f.ruleId === 'duplicate-resource')).toEqual([]);
  });
});
