/**
 * GitHub Actions output: one workflow command per finding, so findings show as
 * annotations on the pull request's files, plus a Markdown table for the job
 * summary (GitHub shows only 10 error and 10 warning annotations per step).
 */
import { appendFileSync } from 'node:fs';
import type { Finding, LintResult, Severity } from '../types.js';
import type { Formatter, FormatContext } from './types.js';
import { escapeControlChars } from './control-chars.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * A command's message: the runner undoes `%0D`, `%0A`, then `%25`, so `%` must go first. Other
 * control characters (ESC: the log renders ANSI sequences) are shown as escapes.
 */
export function escapeGithubData(s: string): string {
  return escapeControlChars(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A command property's value: also `:` (ends the property list) and `,` (splits properties). */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function relatedText(f: Finding): string {
  return (f.related ?? []).map((r) => `\n${r.message}: ${r.file}:${r.line}:${r.column}`).join('');
}

function command(f: Finding, suppressed: boolean): string {
  const { file, line, column, endLine, endColumn } = f.location;
  const props: [string, string | number][] = [['file', file]];
  if (line >= 1) {
    props.push(['line', line]);
    // The runner keeps columns only on a one-line range; say nothing it would have to repair.
    const oneLine = endLine === line;
    if (oneLine && column >= 1) props.push(['col', column]);
    if (endLine >= line) props.push(['endLine', endLine]);
    if (oneLine && column >= 1 && endColumn >= column) props.push(['endColumn', endColumn]);
  }
  props.push(['title', suppressed ? `${f.ruleId} (suppressed)` : f.ruleId]);
  const name = suppressed ? 'notice' : COMMANDS[f.severity];
  const properties = props.map(([k, v]) => `${k}=${escapeGithubProperty(String(v))}`).join(',');
  return `::${name} ${properties}::${escapeGithubData(f.message + relatedText(f))}`;
}

/** Workflow commands, one per line. Suppressed findings (with --report-suppressed) are notices. */
export const github: Formatter = (result, ctx) => {
  const lines = result.findings.map((f) => command(f, false));
  if (ctx.reportSuppressed) for (const f of result.suppressed) lines.push(command(f, true));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

/** Rows beyond this go unlisted: a step summary is capped at 1 MiB by GitHub. */
const SUMMARY_MAX_ROWS = 2000;

/**
 * Text in a Markdown table cell, shown as written: backslash-escape the characters Markdown
 * would read as syntax (`|` ends the cell), and keep a multi-line message in its cell.
 */
export function escapeMarkdownCell(s: string): string {
  return escapeControlChars(s.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '<br>'));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The job summary: counts, then a table of every finding. Pure; see writeGithubStepSummary. */
export function githubStepSummary(result: LintResult, ctx: FormatContext): string {
  const s = result.summary;
  const rows: Finding[] = [...result.findings, ...(ctx.reportSuppressed ? result.suppressed : [])];
  const out: string[] = ['## k8s-todo-lint', ''];
  const counts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'info')];
  if (s.suppressed > 0) counts.push(`${s.suppressed} suppressed`);
  out.push(`${counts.join(', ')} in ${plural(s.files, 'file')} (${plural(s.resources, 'resource')}).`, '');
  if (rows.length === 0) return `${out.join('\n')}\n`;
  out.push('| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
  for (const f of rows.slice(0, SUMMARY_MAX_ROWS)) {
    const severity = f.suppressed ? `${f.severity} (suppressed)` : f.severity;
    const where = `${f.location.file}:${f.location.line}:${f.location.column}`;
    out.push(`| ${severity} | ${escapeMarkdownCell(where)} | ${escapeMarkdownCell(f.ruleId)} | ${escapeMarkdownCell(f.message)} |`);
  }
  if (rows.length > SUMMARY_MAX_ROWS) {
    out.push('', `${rows.length - SUMMARY_MAX_ROWS} more findings are not listed here; see the log or the SARIF report.`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Appends the job summary to `$GITHUB_STEP_SUMMARY` when the runner provides it. The CLI calls
 * this after the github format, so that formatters themselves stay pure. Returns the file written.
 */
export function writeGithubStepSummary(
  result: LintResult,
  ctx: FormatContext,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return undefined;
  appendFileSync(file, githubStepSummary(result, ctx));
  return file;
}
