import { describe, expect, it } from 'vitest';
import { sarif, sarifUri } from '../../src/format/sarif.js';
import { findingIdentityHash } from '../../src/format/sarif-fingerprint.js';
import type { Finding, LintResult } from '../../src/types.js';
import { context, emptyResult, nodePortFinding, result } from './fixture.js';
import { haveSarifSchema, sarifSchemaErrors } from './sarif-validate.js';

type Json = Record<string, any>;

function run(out: string): Json {
  return JSON.parse(out).runs[0];
}

function only(findings: Finding[]): LintResult {
  return { findings, suppressed: [], summary: { files: 1, resources: 1, errors: findings.length, warnings: 0, infos: 0, suppressed: 0 } };
}

describe('sarif formatter', () => {
  it('matches the reviewed snapshot, suppressed findings included', async () => {
    await expect(sarif(result, context({ reportSuppressed: true }))).toMatchFileSnapshot('__snapshots__/sarif.sarif.json');
  });

  it('is deterministic', () => {
    expect(sarif(result, context())).toBe(sarif(result, context()));
  });

  it('writes one run with the tool, its rules and GitHub-required descriptions', () => {
    const out = JSON.parse(sarif(result, context()));
    expect(out.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(out.version).toBe('2.1.0');
    expect(out.runs).toHaveLength(1);
    const driver = out.runs[0].tool.driver;
    expect(driver.name).toBe('k8s-todo-lint');
    expect(driver.version).toBe('0.1.0');
    expect(driver.semanticVersion).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://github.com/k8s-todo-lint/k8s-todo-lint');
    expect(driver.rules.map((r: Json) => r.id)).toEqual([
      'nodeport-range', 'required-secret-keys', 'probes-present', 'cluster-capacity',
      'replicas-range', 'k8s-schema', 'rolling-update-strategy', 'yaml-syntax',
    ]);
    expect(driver.rules[4]).toEqual({
      id: 'replicas-range',
      name: 'ReplicasRange',
      shortDescription: { text: 'Workload replicas lie within the range' },
      fullDescription: { text: 'Workload replicas lie within the range' },
      help: {
        text: 'Workload replicas lie within the range\n\nDocumentation: https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/replicas-range.md',
        markdown: 'Workload replicas lie within the range\n\n[Rule documentation](https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/replicas-range.md)',
      },
      helpUri: 'https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/replicas-range.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(driver.rules[6].defaultConfiguration).toEqual({ enabled: false, level: 'warning' });
  });

  it('gives a Helm finding its region, values line, resource and a line-free fingerprint', () => {
    const first = run(sarif(result, context())).results[0];
    expect(first).toEqual({
      ruleId: 'nodeport-range',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'nodePort 29999 is outside 30000-32767' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'charts/todo/templates/service.yaml', uriBaseId: '%SRCROOT%', index: 0 },
            region: { startLine: 14, startColumn: 17, endLine: 14, endColumn: 22 },
          },
          logicalLocations: [{ name: 'todo-frontend', fullyQualifiedName: 'Service/todo-local/todo-frontend', kind: 'resource' }],
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'charts/todo/values.yaml', uriBaseId: '%SRCROOT%', index: 1 },
            region: { startLine: 22, startColumn: 13, endLine: 22, endColumn: 18 },
          },
          message: { text: 'value set here' },
        },
      ],
      partialFingerprints: {
        'k8sTodoLintIdentity/v1': `${findingIdentityHash(nodePortFinding)}:1`,
        primaryLocationLineHash: `${findingIdentityHash(nodePortFinding)}:1`,
      },
      properties: { path: 'spec.ports[0].nodePort' },
    });
  });

  it('maps severities to levels and rule ids to indexes', () => {
    const results = run(sarif(result, context())).results;
    expect(results.map((r: Json) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['nodeport-range', 0, 'error'],
      ['replicas-range', 4, 'warning'],
      ['cluster-capacity', 3, 'error'],
      ['k8s-schema', 5, 'note'],
      ['yaml-syntax', 7, 'error'],
      ['required-secret-keys', 1, 'error'],
    ]);
  });

  it('lists every artifact once, sorted, and points results at them', () => {
    const r = run(sarif(result, context()));
    expect(r.artifacts.map((a: Json) => a.location.uri)).toEqual([
      'charts/todo/templates/service.yaml',
      'charts/todo/values.yaml',
      'k8s/backend.yaml',
      'k8s/certificate.yaml',
      'k8s/odd%2Cname%3A1.yaml',
      'k8s/secret.yaml',
    ]);
    for (const res of r.results) {
      const loc = res.locations[0].physicalLocation.artifactLocation;
      expect(r.artifacts[loc.index].location.uri).toBe(loc.uri);
    }
  });

  it('reports suppressed findings only when asked, with an in-source suppression', () => {
    expect(run(sarif(result, context())).results.some((r: Json) => r.suppressions)).toBe(false);
    const results = run(sarif(result, context({ reportSuppressed: true }))).results;
    expect(results).toHaveLength(7);
    expect(results[6].ruleId).toBe('probes-present');
    expect(results[6].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'the sidecar answers health checks' }]);
  });

  it('keeps the fingerprint when the finding moves, changes it when the problem changes', () => {
    const moved: Finding = { ...nodePortFinding, location: { ...nodePortFinding.location, line: 40, endLine: 40 } };
    expect(findingIdentityHash(moved)).toBe(findingIdentityHash(nodePortFinding));
    const other: Finding = { ...nodePortFinding, message: 'nodePort 29998 is outside 30000-32767' };
    expect(findingIdentityHash(other)).not.toBe(findingIdentityHash(nodePortFinding));
    const otherResource: Finding = { ...nodePortFinding, resource: { ...nodePortFinding.resource!, name: 'todo-backend' } };
    expect(findingIdentityHash(otherResource)).not.toBe(findingIdentityHash(nodePortFinding));
    const prints = run(sarif(only([nodePortFinding, moved]), context())).results.map((r: Json) => r.partialFingerprints.primaryLocationLineHash);
    expect(prints).toEqual([`${findingIdentityHash(nodePortFinding)}:1`, `${findingIdentityHash(nodePortFinding)}:2`]);
  });

  it('adds a rule the context does not know, with the docs link', () => {
    const f: Finding = { ruleId: 'helm-render', severity: 'error', message: 'template: x:1: boom', location: { file: 'c/templates/x.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 } };
    const r = run(sarif(only([f]), context()));
    expect(r.tool.driver.rules).toHaveLength(9);
    expect(r.tool.driver.rules[8].id).toBe('helm-render');
    expect(r.tool.driver.rules[8].helpUri).toBe('https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/helm-render.md');
    expect(r.results[0].ruleIndex).toBe(8);
  });

  it('keeps rule descriptions within GitHub\'s 1024 characters', () => {
    const long = { ...context().rules[0], description: 'x'.repeat(1500) };
    const rule = run(sarif(only([]), context({ rules: [long] }))).tool.driver.rules[0];
    expect(rule.shortDescription.text).toBe(`${'x'.repeat(1023)}…`);
    expect(rule.fullDescription.text).toHaveLength(1024);
  });

  it('makes positions valid even for a file-level finding at line 0', () => {
    const f: Finding = { ruleId: 'yaml-syntax', severity: 'error', message: 'empty file', location: { file: 'a.yaml', line: 0, column: 0, endLine: 0, endColumn: 0 } };
    expect(run(sarif(only([f]), context())).results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it('encodes file paths as relative URI references', () => {
    expect(sarifUri('charts/todo/values.yaml')).toBe('charts/todo/values.yaml');
    expect(sarifUri('my dir/100%#1?.yaml')).toBe('my%20dir/100%25%231%3F.yaml');
    expect(sarifUri('a:b.yaml')).toBe('a%3Ab.yaml');
    expect(sarifUri('../up/x.yaml')).toBe('../up/x.yaml');
    expect(sarifUri('dir\\win.yaml')).toBe('dir/win.yaml');
    expect(sarifUri('ünï.yaml')).toBe('%C3%BCn%C3%AF.yaml');
  });

  it('percent-encodes the raw bytes of a name that is not UTF-8, shown as \\xHH (issue 16 item 18)', () => {
    expect(sarifUri('d\\xFF/c\\xE9.yaml')).toBe('d%FF/c%E9.yaml');
    // A doubled backslash is one backslash of the name (a lone one is still a Windows separator, as above).
    expect(sarifUri('c\\\\xE9.yaml')).toBe('c%5CxE9.yaml');
  });

  describe.skipIf(!haveSarifSchema)('against the official SARIF 2.1.0 schema', () => {
    it('validates the full report', () => {
      expect(sarifSchemaErrors(JSON.parse(sarif(result, context({ reportSuppressed: true }))))).toEqual([]);
    });
    it('validates an empty report', () => {
      const out = JSON.parse(sarif(emptyResult, context()));
      expect(out.runs[0].results).toEqual([]);
      expect(sarifSchemaErrors(out)).toEqual([]);
    });
    it('rejects a broken log (the validator is live)', () => {
      const out = JSON.parse(sarif(result, context()));
      out.runs[0].results[0].level = 'fatal';
      expect(sarifSchemaErrors(out)).not.toEqual([]);
    });
  });
});
