import { describe, expect, it } from 'vitest';
import { json } from '../../src/format/json.js';
import { escapeJsonControlChars } from '../../src/format/control-chars.js';
import type { Finding, LintResult } from '../../src/types.js';
import { context, result } from './fixture.js';

/** The report as one JSON.stringify of the whole object writes it: the bytes the format promises. */
function whole(r: LintResult, reportSuppressed = false): string {
  const toJson = (f: Finding) => ({
    ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.location.file, line: f.location.line, column: f.location.column, endLine: f.location.endLine, endColumn: f.location.endColumn,
    ...(f.resource ? { resource: f.resource } : {}), ...(f.path ? { path: f.path } : {}), ...(f.related?.length ? { related: f.related } : {}), ...(f.suppressed ? { suppressed: f.suppressed } : {}),
  });
  const list = reportSuppressed ? [...r.findings, ...r.suppressed] : r.findings;
  return `${escapeJsonControlChars(JSON.stringify({ version: 1, findings: list.map(toJson), summary: r.summary }, null, 2))}\n`;
}

describe('json format', () => {
  it('writes a large report (stringified in batches) byte for byte as one stringify of the whole report', () => {
    const many = (n: number): Finding[] => Array.from({ length: n }, (_, i) => {
      const f = result.findings[i % result.findings.length];
      return { ...f, location: { ...f.location, line: i + 1 } };
    });
    for (const n of [0, 1, 999, 1000, 1001, 2000, 2001, 3500]) {
      const r: LintResult = { ...result, findings: many(n), suppressed: many(n >> 2).map((f) => ({ ...f, suppressed: { kind: 'comment', justification: 'ok\u2028' } })) };
      expect(json(r, context()), `${n}`).toBe(whole(r));
      expect(json(r, context({ reportSuppressed: true })), `${n} with suppressed`).toBe(whole(r, true));
    }
  });
});
