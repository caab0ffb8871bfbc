/**
 * Secret values never appear in findings of these rules: not in messages,
 * not in related locations. Every format prints only what a finding holds, so
 * checking the findings covers them all.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { FIXTURES } from '../support/rule-tester.js';

const RULES = new Set(['configmap-no-secrets', 'secret-encoding', 'service-url-refs', 'env-refs', 'required-secret-keys']);

async function resultText(fixture: string): Promise<string> {
  const file = path.join(FIXTURES, fixture);
  const result = await lint({ paths: [file], cwd: path.dirname(file), configFile: path.join(FIXTURES, 'tester-config.json') });
  const findings = [...result.findings, ...result.suppressed].filter((f) => RULES.has(f.ruleId));
  expect(findings.length).toBeGreaterThan(0);
  return JSON.stringify(findings);
}

describe('secret values are never printed', () => {
  it('configmap-no-secrets names keys, not values', async () => {
    const text = await resultText('configmap-no-secrets/invalid/secrets-in-configmap.yaml');
    expect(text).toContain('BETTER_AUTH_SECRET');
    for (const value of ['this-is-not-a-real-secret-but-it-is-32', 'replace-me', 'changeme', 'ghp_placeholder', 'Sup3rS3cret', 'sk-proj-abcdefghijklmnopqrstuvwxyz0123', 'MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu', 'eyJhbGciOiJIUzI1NiJ9']) {
      expect(text).not.toContain(value);
    }
  });
  it('secret-encoding gives the reason, not the value', async () => {
    const text = await resultText('secret-encoding/invalid/not-base64.yaml');
    expect(text).toContain('data.DATABASE_URL is not valid base64');
    for (const value of ['postgresql://todo:pw@db/todo', 'c2VjcmV0-_w', 'c2VjcmV0MTI', 'c2Vj cmV0', 'YQ===', '12345678']) expect(text).not.toContain(value);
  });
  it('service-url-refs drops the password of a URL', async () => {
    const text = await resultText('service-url-refs/invalid/wrong-urls.yaml');
    expect(text).toContain('http://backend-svc.todo-local.svc:8080/api');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('admin:');
  });
  it('env-refs and required-secret-keys name keys only', async () => {
    const text = await resultText('env-refs/invalid/refs.yaml');
    expect(text).toContain('Secret todo-secrets has no key OPENAI_API_KEY');
    expect(text).not.toContain('postgresql://todo@db/todo');
    expect(text).not.toContain('change-me');
  });
});
