/**
 * Code actions on our diagnostics: "disable for this line" (a `disable-next-line` comment
 * above it, with the line's indentation), "disable in this file" (a `disable-file` comment on
 * the first line), both only where such comments are read (src/lsp/project.ts
 * takesDirectives); and the rule's own fix (src/engine/fix.ts placed it), as an edit of the
 * file where the value was written: the values file when a chart took it from there.
 */
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node.js';
import { yamlScalar } from '../engine/fix.js';
import type { FindingFix, Location } from '../types.js';
import { SOURCE, toRange, type DiagnosticData } from './diagnostics.js';
import { takesDirectives } from './project.js';

export interface CodeActionInput {
  /** Absolute path and URI of the document the actions are asked for. */
  file: string;
  uri: string;
  diagnostics: readonly Diagnostic[];
  /** A file's current text (open document, else disk). */
  readText(file: string): string | undefined;
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const out: CodeAction[] = [];
  const text = input.readText(input.file);
  for (const d of input.diagnostics) {
    if (d.source !== SOURCE || !isData(d.data)) continue;
    const { ruleId, primary, fix } = d.data;
    if (fix) {
      const edit = fixEdit(fix, input.readText);
      if (edit) out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit });
    }
    if (!primary || text === undefined || !takesDirectives(input.file)) continue;
    const line = d.range.start.line;
    const indent = /^[ \t]*/.exec(text.split('\n')[line] ?? '')![0];
    const insert = (at: number, newText: string): WorkspaceEdit => ({ changes: { [input.uri]: [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText }] } });
    out.push({ title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: insert(line, `${indent}# k8s-todo-lint-disable-next-line ${ruleId}\n`) });
    out.push({ title: `Disable ${ruleId} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: insert(0, `# k8s-todo-lint-disable-file ${ruleId}\n`) });
  }
  return out;
}

function isData(x: unknown): x is DiagnosticData {
  return typeof x === 'object' && x !== null && typeof (x as DiagnosticData).ruleId === 'string';
}

/** The fix as an edit of the file where it applies; undefined when the text no longer holds what it changes. */
export function fixEdit(fix: FindingFix, readText: (file: string) => string | undefined): WorkspaceEdit | undefined {
  if (fix.replace) {
    const { from, to } = fix.replace;
    for (const at of fix.replace.at) {
      const piece = slice(readText(at.file), at);
      if (piece === undefined) continue;
      const i = piece.lastIndexOf(from);
      if (i < 0) continue;
      // The whole plain scalar replaced: quoted when the new text would read back as something else (1.2 as a number).
      const whole = piece.trim() === from;
      const newText = whole ? yamlScalar(to) : to;
      const start = offsetPosition(piece, i, at);
      const end = offsetPosition(piece, i + from.length, at);
      return edits(at.file, [{ range: { start, end }, newText }]);
    }
    return undefined;
  }
  if (fix.insert) {
    const at = fix.insert.at;
    const line = readText(at.file)?.split('\n')[at.line - 1];
    // Only into a block map: a flow map ({...}) would need its own syntax.
    if (line === undefined || /^[{[]/.test(line.slice(at.column - 1))) return undefined;
    const indent = ' '.repeat(at.column - 1);
    const newText = fix.insert.lines.map((l) => `${l}\n${indent}`).join('');
    return edits(at.file, [{ range: toRange({ line: at.line, column: at.column }), newText }]);
  }
  return undefined;
}

function edits(file: string, list: TextEdit[]): WorkspaceEdit {
  return { changes: { [pathToFileURL(file).href]: list } };
}

/** The text of a range (1-based, end exclusive). */
function slice(text: string | undefined, at: Location): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  if (at.line < 1 || at.endLine > lines.length) return undefined;
  if (at.line === at.endLine) return lines[at.line - 1].slice(at.column - 1, at.endColumn - 1);
  return [lines[at.line - 1].slice(at.column - 1), ...lines.slice(at.line, at.endLine - 1), lines[at.endLine - 1].slice(0, at.endColumn - 1)].join('\n');
}

/** The LSP position of offset `i` in a range's text that starts at `at`. */
function offsetPosition(piece: string, i: number, at: Location): { line: number; character: number } {
  const before = piece.slice(0, i).split('\n');
  return before.length === 1 ? { line: at.line - 1, character: at.column - 1 + i } : { line: at.line - 1 + before.length - 1, character: before[before.length - 1].length };
}
