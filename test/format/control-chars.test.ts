/**
 * Terminal control characters from the input (resource names, file names, messages) never
 * reach a terminal raw: the human formats show them as escapes, the machine formats keep the
 * exact text in their own escaping.
 */
import { describe, expect, it } from 'vitest';
import { formatContext, formatters } from '../../src/index.js';
import { renderCapacityJson, renderCapacityText } from '../../src/capacity-report.js';
import { escapeControlChars } from '../../src/format/control-chars.js';
import { githubStepSummary } from '../../src/format/github.js';
import type { LintResult } from '../../src/types.js';
import { todoCapacity } from '../capacity-report/fixture.js';

/** ESC (a colour and a screen clear), CR, LF, BEL, DEL, the C1 CSI, a bidi override, a line separator. */
const NASTY = 'web\u001b[2J\u001b[31mred\rover\nforged\u0007\u007f\u009b1m\u202egnp.exe\u2028x';
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const result: LintResult = {
  findings: [{
    ruleId: 'probes-present',
    severity: 'error',
    message: `container "${NASTY}" of Deployment ${NASTY} has no livenessProbe`,
    location: { file: `k8s/${NASTY}.yaml`, line: 3, column: 5, endLine: 3, endColumn: 9 },
    resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: NASTY },
    related: [{ file: `k8s/${NASTY}.yaml`, line: 1, column: 1, endLine: 1, endColumn: 2, message: `set by ${NASTY}` }],
  }],
  suppressed: [],
  summary: { errors: 1, warnings: 0, infos: 0, suppressed: 0, files: 1, resources: 1 },
} as LintResult;

describe('terminal control characters', () => {
  it('are shown as escapes', () => {
    expect(escapeControlChars('a\u001b[31mb\r\n\t\u0000\u009b\u202e\u2028')).toBe('a\\e[31mb\\r\\n\\t\\x00\\x9b\\u{202e}\\u{2028}');
    expect(escapeControlChars('plain, with a \\ and é')).toBe('plain, with a \\ and é');
  });

  it('never reach the terminal raw from stylish and the capacity report, coloured or not', () => {
    for (const color of [false, true]) {
      const text = formatters.stylish(result, formatContext({ color }));
      // Colour codes are ours; what is left after removing them must hold no control character but newlines.
      expect(text.replace(/\u001b\[[0-9;]*m/g, ''), `color ${color}`).not.toMatch(CONTROL);
      expect(text).not.toMatch(/^forged/m);
      const capacity = renderCapacityText({ units: [{ ...todoCapacity, unit: NASTY, workloads: todoCapacity.workloads.map((w) => ({ ...w, name: NASTY, replicasFrom: w.replicasFrom === 'replicas' ? 'replicas' : NASTY })) }, todoCapacity] }, { color });
      expect(capacity.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(CONTROL);
      expect(capacity).not.toMatch(/^forged/m);
    }
  });

  it('are escaped by the JSON formats (which keep the exact text), GitHub commands and JUnit XML', () => {
    for (const name of ['json', 'sarif'] as const) {
      const text = formatters[name](result, formatContext());
      expect(text, name).not.toMatch(CONTROL);
      expect(text).toContain(JSON.stringify(NASTY).slice(1, -1).replace(/[\u007f-\u009f\u2028\u202e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    }
    const parsed = JSON.parse(formatters.json(result, formatContext()));
    expect(parsed.findings[0].resource.name).toBe(NASTY);
    expect(renderCapacityJson({ units: [{ ...todoCapacity, unit: NASTY, workloads: [{ ...todoCapacity.workloads[0]!, name: NASTY }] }] })).not.toMatch(CONTROL);
    // One workflow command per line: CR and LF as %0D/%0A, other controls shown as escapes.
    const github = formatters.github(result, formatContext());
    expect(github.split('\n').filter(Boolean)).toHaveLength(1);
    expect(github).not.toMatch(CONTROL);
    expect(githubStepSummary(result, formatContext())).not.toMatch(CONTROL);
    // XML 1.0 cannot hold most C0 characters at all: replaced; LF and CR as references.
    expect(formatters.junit(result, formatContext())).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});
