/** No output format ever prints a Secret's value, whatever rule reports on it. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContext, formatters, lint } from '../../src/index.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-secret-');

const SECRETS = ['12345678', 'hunter2-very-secret', 'c2stbGl2ZS1rZXk=', 'sk-abcdefghijklmnopqrstuvwxyz012345'];

describe('secret values', () => {
  it('never appear in any format, even when the schema rejects them', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 's.yaml'), `apiVersion: v1
kind: Secret
metadata:
  name: todo-secrets
stringData:
  DATABASE_URL: ${SECRETS[0]}
  BETTER_AUTH_SECRET: [${SECRETS[1]}]
data:
  OPENAI_API_KEY: "${SECRETS[2]}!"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  OPENAI_API_KEY: ${SECRETS[3]}
  DB: postgres://todo:${SECRETS[1]}@db:5432/todo
`);
    writeFileSync(path.join(dir, 'c.json'), '{}');
    const result = await lint({ paths: ['s.yaml'], cwd: dir, configFile: 'c.json' });
    expect(result.findings.some((f) => f.ruleId === 'k8s-schema')).toBe(true);
    expect(result.findings.some((f) => f.ruleId === 'configmap-no-secrets')).toBe(true);
    for (const [name, format] of Object.entries(formatters)) {
      const text = format(result, formatContext({ cwd: dir, reportSuppressed: true }));
      for (const secret of SECRETS) expect(text.includes(secret), `${name} prints ${secret}`).toBe(false);
    }
  });
});
