/** `--format json`: the machine-readable report of CLI.md, deterministic byte for byte. */
import type { Finding } from '../types.js';
import type { Formatter } from './types.js';
import { escapeJsonControlChars } from './control-chars.js';

export const json: Formatter = (result, ctx) => {
  const list = ctx.reportSuppressed ? [...result.findings, ...result.suppressed] : result.findings;
  const findings = list.map(toJson);
  return escapeJsonControlChars(JSON.stringify({ version: 1, findings, summary: result.summary }, null, 2)) + '\n';
};

function toJson(f: Finding): Record<string, unknown> {
  const o: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.location.file,
    line: f.location.line,
    column: f.location.column,
    endLine: f.location.endLine,
    endColumn: f.location.endColumn,
  };
  if (f.resource) o.resource = f.resource;
  if (f.path) o.path = f.path;
  if (f.related?.length) o.related = f.related;
  if (f.suppressed) o.suppressed = f.suppressed;
  return o;
}
