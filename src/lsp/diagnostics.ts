/**
 * Findings -> LSP diagnostics, per absolute file. Each finding is a diagnostic at its exact
 * range (our columns count UTF-16 code units, as LSP's do), with the rule id as `code`, a link
 * to the rule's page, and its `related` places as relatedInformation. A finding whose value a
 * chart took from a values file is shown at that values line too, because that is where the
 * fix goes; that copy points back at the template line.
 */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node.js';
import { ruleDocsUrl } from '../format/rule-info.js';
import type { Finding, FindingFix, Location, RelatedLocation, Severity } from '../types.js';

export const SOURCE = 'k8s-todo-lint';

/** What a diagnostic carries for code actions (src/lsp/code-actions.ts). */
export interface DiagnosticData {
  ruleId: string;
  /** At the finding's own place (where suppression comments apply), not a copy at a values line. */
  primary: boolean;
  fix?: FindingFix;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

export function toRange(l: Pick<Location, 'line' | 'column'> & { endLine?: number; endColumn?: number }): Range {
  const start = { line: l.line - 1, character: l.column - 1 };
  if (l.endLine === undefined || l.endColumn === undefined) return { start, end: start };
  return { start, end: { line: l.endLine - 1, character: l.endColumn - 1 } };
}

const uriOf = (file: string) => pathToFileURL(file).href;

/** The diagnostics of a run's findings, by absolute file; `isValuesFile` says where a related place is a values line. */
export function findingsToDiagnostics(findings: readonly Finding[], isValuesFile: (file: string) => boolean): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const add = (file: string, d: Diagnostic) => {
    const list = out.get(file) ?? [];
    if (!list.some((o) => sameDiagnostic(o, d))) list.push(d);
    out.set(file, list);
  };
  for (const f of findings) {
    const base = {
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      codeDescription: { href: ruleDocsUrl(f.ruleId) },
      source: SOURCE,
      message: f.message,
    };
    const related = (f.related ?? []).map((r): DiagnosticRelatedInformation => ({ location: { uri: uriOf(r.file), range: toRange(r) }, message: r.message }));
    const data = (primary: boolean): DiagnosticData => ({ ruleId: f.ruleId, primary, ...(f.fix ? { fix: f.fix } : {}) });
    add(f.location.file, { ...base, range: toRange(f.location), ...(related.length ? { relatedInformation: related } : {}), data: data(true) });
    for (const r of valuesPlaces(f.related, f.location, isValuesFile)) {
      const back: DiagnosticRelatedInformation = { location: { uri: uriOf(f.location.file), range: toRange(f.location) }, message: 'the finding (where the value is used)' };
      add(r.file, { ...base, range: toRange(r), relatedInformation: [back], data: data(false) });
    }
  }
  return out;
}

function valuesPlaces(related: readonly RelatedLocation[] | undefined, at: Location, isValuesFile: (file: string) => boolean): RelatedLocation[] {
  return (related ?? []).filter((r) => isValuesFile(r.file) && !(r.file === at.file && r.line === at.line && r.column === at.column));
}

export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character
    && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}

/** A problem that stopped the run (invalid config...), on the first line of the file at fault. */
export function fatalDiagnostic(message: string, firstLine: string): Diagnostic {
  return { severity: DiagnosticSeverity.Error, source: SOURCE, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } } };
}
