/**
 * ESLint-style suppression comments in YAML (and in Helm templates, whose
 * comments pass through to the rendered output):
 *   # k8s-todo-lint-disable-next-line rule-a, rule-b -- reason
 *   # k8s-todo-lint-disable rule-a      ...   # k8s-todo-lint-enable rule-a
 *   # k8s-todo-lint-disable-file rule-a
 * No rule list means every rule. Directives are read from the raw text with a
 * line scan, so suppressions cost nothing for files without them.
 */
import type { Finding, SeveritySetting } from '../types.js';
import { ownString } from './own-string.js';

export interface Directive {
  kind: 'next-line' | 'disable' | 'enable' | 'file';
  /** Empty: all rules. */
  rules: string[];
  line: number;
  column: number;
  endColumn: number;
  justification?: string;
  /** Set when the directive suppressed at least one finding. */
  used: boolean;
}

const DIRECTIVE_RE = /#\s*k8s-todo-lint-(disable-next-line|disable-file|disable|enable)\b([^\n]*)/;

export function parseDirectives(text: string): Directive[] {
  if (!text.includes('k8s-todo-lint-')) return [];
  const out: Directive[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    const m = DIRECTIVE_RE.exec(lineText);
    if (!m) return;
    const [body, justification] = m[2].split(/\s--\s?/, 2);
    // Strings of their own: a view of the file's text would keep it all while the lint runs (a large input's stream drops it).
    const rules = body.split(',').map((r) => ownString(r.trim())).filter(Boolean);
    const kind = m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-file' ? 'file' : (m[1] as 'disable' | 'enable');
    out.push({ kind, rules, line: i + 1, column: m.index + 1, endColumn: m.index + 1 + m[0].trimEnd().length, justification: justification?.trim() ? ownString(justification.trim()) : undefined, used: false });
  });
  return out;
}

/** The directive that suppresses `ruleId` at `line`, if any (marks it used). */
export function matchDirective(directives: Directive[], ruleId: string, line: number): Directive | undefined {
  const applies = (d: Directive) => d.rules.length === 0 || d.rules.includes(ruleId);
  for (const d of directives) {
    if (d.kind === 'file' && applies(d)) return use(d);
    if (d.kind === 'next-line' && d.line + 1 === line && applies(d)) return use(d);
  }
  // Ranges: the last disable/enable before the line decides.
  let active: Directive | undefined;
  for (const d of directives) {
    if (d.line >= line) break;
    if (d.kind === 'disable' && applies(d)) active = d;
    else if (d.kind === 'enable' && (d.rules.length === 0 || d.rules.includes(ruleId))) active = undefined;
  }
  return active ? use(active) : undefined;
}

function use(d: Directive): Directive {
  d.used = true;
  return d;
}

/**
 * The `unused-suppression` findings: comments that suppressed no finding in
 * any render, known only once every rule ran on every render.
 */
export function unusedSuppressions(directives: ReadonlyMap<string, readonly Directive[]>, severity: SeveritySetting | undefined): Finding[] {
  if (severity === undefined || severity === 'off') return [];
  const out: Finding[] = [];
  for (const [file, list] of directives) {
    for (const d of list) {
      if (d.used || d.kind === 'enable') continue;
      const what = d.rules.length ? d.rules.join(', ') : 'all rules';
      out.push({
        ruleId: 'unused-suppression',
        severity,
        message: `unused k8s-todo-lint-${d.kind === 'next-line' ? 'disable-next-line' : d.kind === 'file' ? 'disable-file' : 'disable'} comment (${what}): no such finding here`,
        location: { file, line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn },
      });
    }
  }
  return out;
}
