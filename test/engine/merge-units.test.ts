import { describe, expect, it } from 'vitest';
import { mergeUnits, type UnitOutput } from '../../src/lint-units.js';
import type { Finding } from '../../src/types.js';

const at = (line: number, column: number, file = 'a.yaml') => ({ file, line, column, endLine: line, endColumn: column + 1 });
const finding = (over: Partial<Finding> = {}): Finding => ({ ruleId: 'r', severity: 'error', message: 'm', location: at(1, 1), ...over });
const deploy = (name: string, namespace?: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', ...(namespace ? { namespace } : {}), name });
const unit = (...worlds: Array<{ valuesFile?: string; findings: Finding[]; suppressed?: Finding[] }>): UnitOutput => ({
  worlds: worlds.map((w) => ({ valuesFile: w.valuesFile, findings: w.findings, suppressed: w.suppressed ?? [] })),
  resources: 0,
  unused: [],
  notes: [],
});

describe('mergeUnits', () => {
  it('keeps one of equal findings across a chart\'s values variants, and names the variant of a finding only it has', () => {
    const same = finding({ resource: deploy('web'), path: 'spec' });
    const only = finding({ message: 'other', resource: deploy('web') });
    const { findings } = mergeUnits([unit({ findings: [same] }, { valuesFile: 'ci/a-values.yaml', findings: [{ ...same }, only] })]);
    expect(findings.map((f) => f.message)).toEqual(['m', 'other (with values ci/a-values.yaml)']);
  });

  it('never merges findings that differ in rule, message, place, file, resource, path or suppression', () => {
    const base = finding({ resource: deploy('web', 'ns'), path: 'spec' });
    const variants: Finding[] = [
      { ...base, ruleId: 'q' },
      { ...base, message: 'n' },
      { ...base, location: at(2, 1) },
      { ...base, location: at(1, 2) },
      { ...base, location: at(1, 1, 'b.yaml') },
      { ...base, resource: deploy('api', 'ns') },
      { ...base, resource: deploy('web') },
      { ...base, resource: { ...deploy('web', 'ns'), kind: 'StatefulSet' } },
      { ...base, resource: { ...deploy('web', 'ns'), apiVersion: 'apps/v1beta2' } },
      { ...base, path: 'spec.template' },
      { ...base, path: undefined },
      { ...base, resource: undefined, path: undefined },
    ];
    const { findings } = mergeUnits([unit({ findings: [base, ...variants, { ...base }] })]);
    expect(findings).toHaveLength(1 + variants.length);
    const { findings: f2, suppressed } = mergeUnits([unit({ findings: [base], suppressed: [{ ...base, suppressed: { kind: 'comment' } }] })]);
    expect([f2.length, suppressed.length]).toEqual([1, 1]);
  });

  it('merges a finding about no resource with an equal one, not with one about a resource whose fields are empty', () => {
    const none = finding();
    const empty = finding({ resource: { apiVersion: '', kind: '', name: '' } });
    expect(mergeUnits([unit({ findings: [none, { ...none }, empty, { ...empty }] })]).findings).toEqual([none, empty]);
  });

  it('keeps findings on lines and columns past 2^26 apart', () => {
    const far = [finding({ location: at(1, 2 ** 26 + 1) }), finding({ location: at(1, 1) }), finding({ location: at(2 ** 27 + 1, 1) })];
    expect(mergeUnits([unit({ findings: far })]).findings).toHaveLength(3);
  });
});

describe('mergeUnits on one line', () => {
  it('merges and keeps findings of a one-line file (many on a line) as on separate lines', () => {
    const list = Array.from({ length: 200 }, (_, i) => finding({ location: at(1, 1 + (i % 100)), message: `m${i % 150}` }));
    const key = (f: Finding) => `${f.location.column} ${f.message}`;
    // Past the threshold the line's findings are looked up by column: the same ones merge as before it.
    expect(mergeUnits([unit({ findings: list })]).findings.map(key)).toEqual([...new Set(list.map(key))]);
  });
});
