/**
 * One real problem, one finding: a duplicate key or a wrongly typed field is
 * reported by yaml-syntax or k8s-schema, and the other rules lint the resource
 * with the value that was applied or meant, instead of claiming what follows
 * from losing it ("selects no pod", "declares no port").
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { FIXTURES } from '../support/rule-tester.js';

// The todo-app policy rules say nothing about these fixtures' point: off, so every other finding counts.
const POLICY = [
  'image-naming', 'required-labels', 'required-secret-keys', 'probes-present', 'cluster-capacity', 'resources-present',
  'replicas-range', 'image-pull-policy', 'run-as-non-root', 'service-url-refs', 'namespace-consistent',
  'rolling-update-strategy', 'image-tag-matches', 'dockerfile-multi-stage', 'dockerfile-expose', 'dockerfile-user',
  'dockerfile-base-image', 'dockerfile-dev-deps',
];

async function findings(fixture: string): Promise<string[]> {
  const file = path.join(FIXTURES, fixture);
  const result = await lint({
    paths: [file],
    cwd: path.dirname(file),
    configFile: path.join(FIXTURES, 'tester-config.json'),
    config: { rules: Object.fromEntries(POLICY.map((id) => [id, 'off'])) },
  });
  return result.findings.map((f) => `${f.ruleId} ${f.severity} ${f.location.line}: ${f.message}`);
}

describe('a broken field does not cascade into other rules', () => {
  it('a duplicate key: only yaml-syntax, the Service still selects the pods of the last labels', async () => {
    expect(await findings('yaml-syntax/invalid/duplicate-key.yaml')).toEqual([
      'yaml-syntax error 16: duplicated mapping key "labels": kubectl apply and Helm keep the last value (which the other rules lint), kustomize rejects the file',
    ]);
  });

  it('a duplicate key in a rendered chart: only yaml-syntax, the resource is still linted', async () => {
    expect(await findings('yaml-syntax/invalid/duplicate-key-chart')).toEqual([
      'yaml-syntax error 1: rendered web/templates/deployment.yaml is not valid YAML: duplicated mapping key "labels": kubectl apply and Helm keep the last value (which the other rules lint), kustomize rejects the file (rendered line 13)',
    ]);
  });

  it('quoted port numbers: only k8s-schema, no "no ports" claim', async () => {
    expect(await findings('service-target-port/valid/quoted-numbers.yaml')).toEqual([
      'k8s-schema error 21: spec.template.spec.containers[0].ports[0].containerPort: expected integer, got string "8000"',
      'k8s-schema error 31: spec.ports[0].port: expected integer, got string "8000"',
    ]);
  });

  it('a quoted containerPort: only k8s-schema, the probe port is the number meant', async () => {
    expect(await findings('probe-port/valid/quoted-container-port.yaml')).toEqual([
      'k8s-schema error 20: spec.template.spec.containers[0].ports[0].containerPort: expected integer, got string "8000"',
    ]);
  });
});
