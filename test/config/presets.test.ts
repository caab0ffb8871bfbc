import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { resolveRuleSettings } from '../../src/config/load.js';
import { PRESETS } from '../../src/config/presets.js';

const on = (preset: string) =>
  [...resolveRuleSettings(RULES, {}, [], preset)].filter(([, s]) => s.severity !== 'off').map(([id]) => id).sort();

describe('presets', () => {
  it('name only rules that exist', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const rules of Object.values(PRESETS)) for (const id of Object.keys(rules)) expect(ids).toContain(id);
  });

  it('generic keeps exactly the Kubernetes-generic rules, requests equal to limits allowed', () => {
    expect(on('k8s-todo-lint:generic')).toEqual([
      'chart-metadata', 'configmap-no-secrets', 'deprecated-api', 'duplicate-resource', 'env-refs', 'helm-render', 'k8s-schema',
      'nodeport-range', 'plaintext-secrets', 'probe-config', 'probe-port', 'requests-below-limits', 'secret-encoding', 'service-selector-match', 'service-target-port',
      'service-type', 'unused-suppression', 'yaml-syntax',
    ]);
    expect(resolveRuleSettings(RULES, {}, [], 'generic').get('requests-below-limits')).toEqual({ severity: 'error', options: { allowEqual: true } });
  });

  it('recommended is every rule at its default; the config layers over the preset, --rule over both', () => {
    expect(on('k8s-todo-lint:recommended')).toEqual(RULES.filter((r) => r.meta.defaultSeverity !== 'off').map((r) => r.meta.id).sort());
    const s = resolveRuleSettings(RULES, { extends: 'k8s-todo-lint:generic', rules: { 'image-naming': 'warn', 'requests-below-limits': ['error', { allowEqual: false }] } }, ['probes-present=error']);
    expect(s.get('image-naming')?.severity).toBe('warning');
    expect(s.get('probes-present')?.severity).toBe('error');
    expect(s.get('requests-below-limits')?.options).toEqual({ allowEqual: false });
    expect(s.get('required-labels')?.severity).toBe('off');
  });
});
