/**
 * `--format stylish`: ESLint's default look, grouped by file, coloured with picocolors, and a
 * summary line: the problems, the files they are in (the files linted when there are none), the resources.
 */
import pc from 'picocolors';
import type { Finding } from '../types.js';
import type { Formatter } from './types.js';
import { escapeControlChars } from './control-chars.js';

export const stylish: Formatter = (result, ctx) => {
  const c = pc.createColors(ctx.color);
  const list = ctx.reportSuppressed ? [...result.findings, ...result.suppressed] : result.findings;
  const byFile = new Map<string, Finding[]>();
  for (const f of list) {
    const arr = byFile.get(f.location.file);
    if (arr) arr.push(f);
    else byFile.set(f.location.file, [f]);
  }
  const lines: string[] = [];
  for (const [file, findings] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(c.underline(escapeControlChars(file)));
    const rows = findings.map((f) => [
      `${f.location.line}:${f.location.column}`,
      f.suppressed ? 'suppressed' : f.severity,
      // Messages, names and file names come from the input: no control character reaches the terminal.
      escapeControlChars(f.message + (f.related?.length ? ` (${f.related.map((r) => `${r.message}: ${r.file}:${r.line}:${r.column}`).join('; ')})` : '')),
      escapeControlChars(f.ruleId),
    ]);
    const w0 = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
    const w1 = rows.reduce((w, r) => Math.max(w, r[1].length), 0);
    for (const [pos, sev, msg, id] of rows) {
      const paint = sev === 'error' ? c.red : sev === 'warning' ? c.yellow : sev === 'info' ? c.blue : c.gray;
      lines.push(`  ${c.dim(pos.padEnd(w0))}  ${paint(sev.padEnd(w1))}  ${msg}  ${c.dim(id)}`);
    }
    lines.push('');
  }
  const s = result.summary;
  const total = s.errors + s.warnings + s.infos;
  // With problems, the files they are in (a chart is one input but its findings span its templates
  // and values); with none, the files linted.
  const files = total === 0 ? s.files : new Set(result.findings.map((f) => f.location.file)).size;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary = `${total === 0 ? '✔' : '✖'} ${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info) in ${plural(files, 'file')}, ${plural(s.resources, 'resource')}${s.suppressed ? `, ${s.suppressed} suppressed` : ''}`;
  lines.push(s.errors ? c.red(c.bold(summary)) : s.warnings ? c.yellow(c.bold(summary)) : c.green(summary));
  return lines.join('\n') + '\n';
};
