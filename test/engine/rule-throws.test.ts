/**
 * A rule that throws is a bug of ours, not of the input: the other rules'
 * findings still come out, and the failure is one finding of that rule that
 * names the resource it failed on (never a stack trace).
 */
import { describe, expect, it, vi } from 'vitest';
import { parseManifestText } from '../../src/load/documents.js';
import { defineRule, type CheckedRule, type LintSettings } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run.js';
import { emptyRuleInputs } from '../support/rule-inputs.js';

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: good
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: bad
  namespace: shop
`;

const settings: LintSettings = { kubeVersion: { major: 1, minor: 30 }, defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: '/', cwd: '/' };

function run(rules: CheckedRule<any>[]) {
  const { resources } = parseManifestText(TEXT, 'm.yaml', { defaultNamespace: 'default', json: false, strict: true });
  const ruleSettings = new Map(rules.map((r) => [r.meta.id, { severity: r.meta.defaultSeverity, options: {} }]));
  return runRules({ rules, settings: ruleSettings, resources, charts: [], ...emptyRuleInputs(), lintSettings: settings, directives: new Map() });
}

const meta = (id: string) => ({ id, description: id, defaultSeverity: 'error' as const, optionsSchema: {}, defaultOptions: {} });

/** Reports every resource it sees. */
const names = defineRule({ meta: meta('names'), check: (ctx) => { for (const r of ctx.resources) ctx.report({ resource: r, path: ['metadata', 'name'], message: `saw ${r.name}` }); } });

describe('a rule that throws', () => {
  it('becomes one finding of that rule naming the resource; the other rules still report', () => {
    const throws = defineRule({
      meta: meta('throws'),
      check: (ctx) => {
        for (const r of ctx.resources) if (r.name === 'bad') (r.object as any).spec.template.spec.containers.map(() => 0);
      },
    });
    const out = run([throws, names]);
    expect(out.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}:${f.location.column} ${f.resource?.kind}/${f.resource?.namespace}/${f.resource?.name} ${f.severity}: ${f.message}`)).toEqual([
      "throws m.yaml:6:1 Deployment/shop/bad error: internal error: rule throws failed on Deployment/bad: Cannot read properties of undefined (reading 'template') (a bug in k8s-todo-lint: please report it; this rule's other findings may be missing)",
      'names m.yaml:4:9 Deployment/default/good error: saw good',
      'names m.yaml:9:9 Deployment/shop/bad error: saw bad',
    ]);
    for (const f of out.findings) expect(f.message).not.toMatch(/\n|\bat .*\.ts:\d+/);
  });

  it('keeps what the rule reported before it threw', () => {
    const partly = defineRule({
      meta: meta('partly'),
      check: (ctx) => {
        for (const r of ctx.resources) {
          if (r.name === 'bad') throw new Error('boom\nsecond line');
          ctx.report({ resource: r, message: `ok ${r.name}` });
        }
      },
    });
    expect(run([partly]).findings.map((f) => f.message)).toEqual([
      'ok good',
      "internal error: rule partly failed on Deployment/bad: boom (a bug in k8s-todo-lint: please report it; this rule's other findings may be missing)",
    ]);
  });

  it('names the input when no single resource makes it throw', () => {
    const together = defineRule({ meta: meta('together'), check: (ctx) => { if (ctx.resources.length > 1) throw new TypeError('needs one'); } });
    const [f, ...rest] = run([together]).findings;
    expect(rest).toEqual([]);
    expect(f.resource).toBeUndefined();
    expect(f.message).toBe("internal error: rule together failed on the input: needs one (a bug in k8s-todo-lint: please report it; this rule's other findings may be missing)");
  });
});

describe('a built-in rule that throws, through the CLI', () => {
  it('prints the finding, exits 1 like any error finding, and writes nothing to stderr', async () => {
    vi.resetModules();
    vi.doMock('../../rules/replicas-range.js', async (load) => {
      const real = (await load()) as { rule: CheckedRule<any> };
      return { rule: { ...real.rule, check: () => { throw new RangeError('replicas out of reach'); } } };
    });
    try {
      const { main } = await import('../../src/cli/main.js');
      let stdout = '';
      let stderr = '';
      const io = { stdout: (s: string) => { stdout += s; }, stderr: (s: string) => { stderr += s; }, readStdin: async () => TEXT, env: {}, isTTY: false, cwd: '/' };
      const code = await main(['-f', 'json', '--rule', 'k8s-schema=off', '-'], io);
      const out = JSON.parse(stdout) as { findings: Array<{ ruleId: string; message: string }> };
      expect(code).toBe(1);
      expect(stderr).toBe('');
      expect(out.findings.filter((f) => f.ruleId === 'replicas-range').map((f) => f.message)).toEqual([
        "internal error: rule replicas-range failed on Deployment/good: replicas out of reach (a bug in k8s-todo-lint: please report it; this rule's other findings may be missing)",
      ]);
      expect(out.findings.some((f) => f.ruleId === 'required-labels')).toBe(true);
    } finally {
      vi.doUnmock('../../rules/replicas-range.js');
      vi.resetModules();
    }
  });
});
