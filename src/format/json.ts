/** `--format json`: the machine-readable report of CLI.md, deterministic byte for byte. */
import type { Finding } from '../types.js';
import type { Formatter } from './types.js';
import { escapeJsonControlChars } from './control-chars.js';

/** Findings stringified together: each batch's text (~0.5 MB) is one string, out of the young generation. */
const BATCH = 1000;
/** How JSON.stringify(…, null, 2) opens and closes the `findings` array of the report object. */
const OPEN = '{\n  "findings": [\n';
const CLOSE = '\n  ]\n}';

export const json: Formatter = (result, ctx) => {
  const list = ctx.reportSuppressed ? [...result.findings, ...result.suppressed] : result.findings;
  if (list.length <= BATCH) {
    return escapeJsonControlChars(JSON.stringify({ version: 1, findings: list.map(toJson), summary: result.summary }, null, 2)) + '\n';
  }
  // The same text as one JSON.stringify of the whole report, made a batch of findings at a time: one
  // call would hold every finding's copy and the text built so far in the young generation, which
  // every scavenge then copies. A batch is stringified at the depth it has in the report (inside
  // `findings`) and taken out of its wrapper.
  const batches: string[] = [];
  for (let i = 0; i < list.length; i += BATCH) {
    const text = JSON.stringify({ findings: list.slice(i, i + BATCH).map(toJson) }, null, 2);
    batches.push(escapeJsonControlChars(text.slice(OPEN.length, text.length - CLOSE.length)));
  }
  const head = JSON.stringify({ version: 1, findings: [null], summary: result.summary }, null, 2);
  const at = head.indexOf('    null');
  return escapeJsonControlChars(head.slice(0, at)) + batches.join(',\n') + escapeJsonControlChars(head.slice(at + '    null'.length)) + '\n';
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
