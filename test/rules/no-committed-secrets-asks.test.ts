/**
 * no-committed-secrets asks git only for a real-looking value: a Secret of placeholders (the
 * common case, and every lint with no Secret) never starts `git ls-files`, which costs a
 * one-file lint ~20 ms of start-up. Structural: it counts the rule's questions to the index.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { isCheckedRule } from '../../src/engine/rule.js';
import { runRules, type RuleSetting } from '../../src/engine/run.js';
import { resolveKubeVersion } from '../../src/k8s/kube-version.js';
import { parseManifestText } from '../../src/load/documents.js';

function asked(manifest: string): { asked: string[]; findings: number } {
  const parsed = parseManifestText(manifest, 'k8s/secret.yaml', { defaultNamespace: 'default' });
  const rule = RULES.filter(isCheckedRule).find((r) => r.meta.id === 'no-committed-secrets')!;
  const settings = new Map<string, RuleSetting>([[rule.meta.id, { severity: 'error', options: rule.meta.defaultOptions as Record<string, unknown> }]]);
  const questions: string[] = [];
  const out = runRules({
    rules: [rule],
    settings,
    resources: parsed.resources,
    charts: [],
    git: { inIndex: (file: string) => (questions.push(file), true) },
    dockerfiles: { lookup: () => ({ found: false, why: 'not-found', reason: 'none' }) } as never,
    crds: { catalog: { find: () => undefined } } as never,
    lintSettings: { kubeVersion: resolveKubeVersion(undefined), defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: '/', cwd: '/' },
    directives: new Map(),
  });
  // The real index remembers each answer (src/load/git-index.ts): what counts is which files are asked about.
  return { asked: [...new Set(questions)], findings: out.findings.length };
}

const secret = (value: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: app}\nstringData:\n  API_KEY: "${value}"\n`;

describe('no-committed-secrets and git', () => {
  it('never asks git about a Secret that holds only placeholders', () => {
    expect(asked(secret('<set at deploy time>'))).toEqual({ asked: [], findings: 0 });
    expect(asked(secret('changeme'))).toEqual({ asked: [], findings: 0 });
  });

  it('asks about the file once a value looks real', () => {
    expect(asked(secret('sk-proj-4f9Qx2LmV8rT1bN6wY3c'))).toEqual({ asked: ['k8s/secret.yaml'], findings: 1 });
  });
});
