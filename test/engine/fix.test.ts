/**
 * Rules' fixes as the engine places them (src/engine/fix.ts): a replacement where the value
 * is written, or the missing keys under the deepest existing block map; none where there is
 * no one right fix (a digest-pinned image). The language server turns them into edits.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlScalar } from '../../src/engine/fix.js';
import { lint } from '../../src/lint.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-fix-');

async function fixes(text: string, rule: string) {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'm.yaml'), text);
  writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ rules: { 'required-secret-keys': 'off', 'k8s-schema': 'off' } }));
  const r = await lint({ paths: ['m.yaml'], cwd: dir, configFile: 'c.json', fixes: true });
  return r.findings.filter((f) => f.ruleId === rule).map((f) => f.fix ?? null);
}

const deployment = (opts: { labels?: string; image?: string; policy?: string }) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${opts.labels ?? '  labels:\n    app: todo\n'}spec:
  selector:
    matchLabels: {app: todo}
  template:
    metadata:
      labels:
        app: todo
    spec:
      containers:
        - name: web
          image: ${opts.image ?? 'todo-web:1.0.0'}
${opts.policy ?? '          imagePullPolicy: IfNotPresent\n'}`;

describe('rule fixes, placed', () => {
  it('a missing labels map: the keys to add at the top of metadata', async () => {
    expect(await fixes(deployment({ labels: '' }), 'required-labels')).toEqual([
      { title: 'Add the label app: todo', insert: { at: { file: 'm.yaml', line: 4, column: 3, endLine: 4, endColumn: 12 }, lines: ['labels:', '  app: todo'] } },
    ]);
  });

  it('a wrong label value: replaced where it is written', async () => {
    expect(await fixes(deployment({ labels: '  labels:\n    app: web\n' }), 'required-labels')).toEqual([
      { title: 'Set the label app to todo', replace: { at: [{ file: 'm.yaml', line: 6, column: 10, endLine: 6, endColumn: 13 }], from: 'web', to: 'todo' } },
    ]);
  });

  it('no imagePullPolicy: the first allowed one, added to the container', async () => {
    expect(await fixes(deployment({ policy: '' }), 'image-pull-policy')).toEqual([
      { title: 'Set imagePullPolicy to IfNotPresent', insert: { at: { file: 'm.yaml', line: 16, column: 11, endLine: 17, endColumn: 32 }, lines: ['imagePullPolicy: IfNotPresent'] } },
    ]);
  });

  it('an image tag that is not the one version named: retagged, unless a digest pins it', async () => {
    const labelled = (image: string) => deployment({ labels: '  labels:\n    app: todo\n    app.kubernetes.io/version: 1.2.0\n', image });
    expect(await fixes(labelled('todo-web:latest'), 'image-tag-matches')).toEqual([
      { title: 'Tag the image 1.2.0', replace: { at: [{ file: 'm.yaml', line: 18, column: 18, endLine: 18, endColumn: 33 }], from: 'latest', to: '1.2.0' } },
    ]);
    expect(await fixes(labelled('todo-web:latest@sha256:' + 'a'.repeat(64)), 'image-tag-matches')).toEqual([null]);
  });

  it('a new value is written plain only where YAML reads it back as the same string', () => {
    expect(['todo', 'IfNotPresent', '1.2.0', '1.2', 'true', 'on', 'a: b', '', ' x'].map(yamlScalar)).toEqual(['todo', 'IfNotPresent', '"1.2.0"', '"1.2"', '"true"', '"on"', '"a: b"', '""', '" x"']);
  });
});
