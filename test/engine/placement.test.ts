/**
 * Placement: nothing is located before it is reported (a findings-free input
 * builds no positions), each document is parsed for positions once per run
 * however many findings it has, and a document's positions are released once
 * its findings are placed (src/engine/run.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/lint.js';
import { DocumentLocator, locateStats } from '../../src/load/locate.js';
import { parseManifestText } from '../../src/load/documents.js';
import { runRules } from '../../src/engine/run.js';
import { RULES } from '../../rules/index.js';
import { isCheckedRule, type CheckedRule } from '../../src/engine/rule.js';
import type { RuleSetting } from '../../src/engine/run.js';
import { resolveKubeVersion } from '../../src/k8s/kube-version.js';

const CHECKED_RULES: CheckedRule<any>[] = RULES.filter(isCheckedRule);
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rules');

afterEach(() => vi.restoreAllMocks());

describe('placing findings', () => {
  it('locates no more nodes than the findings and their related places need, for every rule fixture', async () => {
    const locate = vi.spyOn(DocumentLocator.prototype, 'locate');
    const start = vi.spyOn(DocumentLocator.prototype, 'start');
    const over: string[] = [];
    for (const id of readdirSync(FIXTURES)) {
      for (const kind of ['valid', 'invalid']) {
        let names: string[];
        try {
          names = readdirSync(path.join(FIXTURES, id, kind)).filter((f) => /\.ya?ml$/.test(f));
        } catch {
          continue;
        }
        for (const name of names) {
          const file = path.join(FIXTURES, id, kind, name);
          locate.mockClear();
          start.mockClear();
          const result = await lint({ paths: [file], cwd: path.dirname(file), configFile: path.join(FIXTURES, 'tester-config.json') });
          const all = [...result.findings, ...result.suppressed].filter((f) => f.ruleId !== 'unused-suppression');
          const places = all.reduce((n, f) => n + 1 + (f.related?.length ?? 0), 0);
          const calls = locate.mock.calls.length + start.mock.calls.length;
          if (calls > places) over.push(`${id}/${kind}/${name}: ${calls} locates for ${places} places`);
        }
      }
    }
    expect(over).toEqual([]);
  });

  it('parses a labelled workload for positions only when a finding cites its label', async () => {
    const locate = vi.spyOn(DocumentLocator.prototype, 'locate');
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {app.kubernetes.io/version: "1.2"}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: "todo-web:1.2"}]\n';
    const parsed = parseManifestText(text, 'a.yaml', { defaultNamespace: 'default' });
    const rule = CHECKED_RULES.find((r) => r.meta.id === 'image-tag-matches')!;
    const settings = new Map<string, RuleSetting>([['image-tag-matches', { severity: 'warning', options: { pattern: '^todo-' } }]]);
    const input = { rules: [rule], settings, resources: parsed.resources, charts: [], dockerfiles: { lookup: () => { throw new Error('no Dockerfiles here'); } } as never, crds: {} as never, git: { inIndex: () => false }, lintSettings: { kubeVersion: resolveKubeVersion(undefined), defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: '/', cwd: '/' }, directives: new Map() };
    expect(runRules(input).findings).toEqual([]);
    expect(locate).not.toHaveBeenCalled();
    const bad = parseManifestText(text.replace('todo-web:1.2', 'todo-web:1.3'), 'a.yaml', { defaultNamespace: 'default' });
    const out = runRules({ ...input, resources: bad.resources });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0].related?.[0]).toMatchObject({ line: 5, message: 'app.kubernetes.io/version: 1.2' });
  });

  it('parses each document once for all its findings and releases its positions once they are placed', () => {
    const docs = 50;
    let text = '';
    for (let i = 0; i < docs; i++) text += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  PASSWORD: a\n  SECRET_TOKEN: b\n  API_KEY: c\n`;
    const parsed = parseManifestText(text, 'a.yaml', { defaultNamespace: 'default' });
    const rule = CHECKED_RULES.find((r) => r.meta.id === 'configmap-no-secrets')!;
    const settings = new Map<string, RuleSetting>([['configmap-no-secrets', { severity: 'error', options: {} }]]);
    const before = locateStats.trees + locateStats.yamlParses;
    const out = runRules({ rules: [rule], settings, resources: parsed.resources, charts: [], dockerfiles: { lookup: () => { throw new Error('no Dockerfiles here'); } } as never, crds: {} as never, git: { inIndex: () => false }, lintSettings: { kubeVersion: resolveKubeVersion(undefined), defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: '/', cwd: '/' }, directives: new Map() });
    expect(out.findings.length).toBeGreaterThanOrEqual(docs * 3);
    expect(locateStats.trees + locateStats.yamlParses - before).toBe(docs);
    // No document keeps a locator once its findings are placed.
    for (const r of parsed.resources) expect((r.doc as unknown as { locator?: unknown }).locator).toBeUndefined();
  });
});
