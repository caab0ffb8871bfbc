import path from 'node:path';
import { expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { FIXTURES, testRule } from '../support/rule-tester.js';

testRule('dockerfile-user');

/** The tester compares lines and columns only; these check which file each side of a finding is in. */
async function placed(fixture: string) {
  const dir = path.join(FIXTURES, 'dockerfile-user/invalid');
  const result = await lint({ paths: [path.join(dir, fixture)], cwd: dir, configFile: path.join(FIXTURES, 'tester-config.json') });
  return result.findings.filter((f) => f.ruleId === 'dockerfile-user').map((f) => ({
    at: `${f.location.file}:${f.location.line}:${f.location.column}`,
    path: f.path,
    related: (f.related ?? []).map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`),
  }));
}

it('a named USER under runAsNonRoot sits at the manifest, related to the Dockerfile', async () => {
  expect(await placed('named-nonroot.yaml')).toEqual([{
    at: 'named-nonroot.yaml:20:23',
    path: 'spec.template.spec.securityContext.runAsNonRoot',
    related: ['usr-name/Dockerfile:5:6 USER nextjs set here'],
  }]);
});

it('a uid mismatch sits at the Dockerfile USER, related to runAsUser', async () => {
  expect(await placed('uid-mismatch.yaml')).toEqual([{
    at: 'usr-mismatch/Dockerfile:4:6',
    path: 'spec.template.spec.securityContext.runAsUser',
    related: ['uid-mismatch.yaml:20:20 runAsUser 1001 set here'],
  }]);
});
