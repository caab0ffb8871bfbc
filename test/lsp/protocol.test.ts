/**
 * The language server over stdio, driven by the protocol library's client side: initialize,
 * didOpen / didChange / didClose of unsaved texts, the diagnostics published at the template
 * and the values lines, code actions (suppression comments, the rules' fixes), a broken
 * template that must not take the server down, an invalid config, shutdown and exit.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver/node.js';
import { startLsp, uri, type LspClient } from '../support/lsp-client.js';
import { ROOT } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tmp = tempDirs('k8s-todo-lint-lsp-');
let dir: string;
let chart: string;
let lsp: LspClient;
const versions = new Map<string, number>();

const file = (rel: string) => path.join(chart, rel);
const disk = (rel: string) => readFileSync(file(rel), 'utf8');
const open = (rel: string, text = disk(rel)) => {
  versions.set(rel, 1);
  return lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file(rel)), languageId: 'yaml', version: 1, text } });
};
const change = (rel: string, text: string) => {
  const version = (versions.get(rel) ?? 1) + 1;
  versions.set(rel, version);
  return lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file(rel)), version }, contentChanges: [{ text }] });
};
const close = (rel: string) => lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file(rel)) } });
const codeActions = (rel: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> =>
  lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(file(rel)) }, range: diagnostics[0].range, context: { diagnostics } });
const of = (rule: string) => (list: Diagnostic[]) => list.filter((d) => d.code === rule);
const has = (rule: string) => (list: Diagnostic[]) => of(rule)(list).length > 0;
const hasNo = (rule: string) => (list: Diagnostic[]) => of(rule)(list).length === 0;

/** A text with one edit applied (single-line ranges are all the fixes make). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
    const { start, end } = e.range;
    const head = lines[start.line].slice(0, start.character);
    const tail = lines[end.line].slice(end.character);
    lines.splice(start.line, end.line - start.line + 1, ...(head + e.newText + tail).split('\n'));
  }
  return lines.join('\n');
}

beforeAll(async () => {
  dir = tmp();
  cpSync(path.join(ROOT, 'fixtures/lsp'), dir, { recursive: true });
  chart = path.join(dir, 'todo-chart');
  lsp = startLsp(dir);
  const init = await lsp.connection.sendRequest('initialize', { processId: process.pid, rootUri: uri(dir), capabilities: {}, initializationOptions: { debounceMs: 10 } });
  expect(init).toMatchObject({ capabilities: { codeActionProvider: { codeActionKinds: ['quickfix'] } }, serverInfo: { name: 'k8s-todo-lint' } });
  await lsp.connection.sendNotification('initialized', {});
});

afterAll(() => {
  lsp.child.kill();
});

describe('k8s-todo-lint lsp', () => {
  it('shows a values.yaml change at the template line and at the values line, before it is saved; fixing it clears both', async () => {
    await open('templates/service.yaml');
    await open('values.yaml', disk('values.yaml').replace('nodePort: 30080', 'nodePort: 29999'));
    const [atTemplate] = of('nodeport-range')(await lsp.diagnostics(file('templates/service.yaml'), has('nodeport-range')));
    expect(atTemplate).toMatchObject({
      severity: 1,
      source: 'k8s-todo-lint',
      message: 'nodePort 29999 is outside 30000-32767',
      range: { start: { line: 14, character: 16 }, end: { line: 14, character: 47 } },
      codeDescription: { href: 'https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/nodeport-range.md' },
      relatedInformation: [{ location: { uri: uri(file('values.yaml')), range: { start: { line: 6, character: 12 }, end: { line: 6, character: 17 } } }, message: 'value set here' }],
    });
    const [atValues] = of('nodeport-range')(await lsp.diagnostics(file('values.yaml'), has('nodeport-range')));
    expect(atValues).toMatchObject({
      severity: 1,
      message: 'nodePort 29999 is outside 30000-32767',
      range: { start: { line: 6, character: 12 }, end: { line: 6, character: 17 } },
      relatedInformation: [{ location: { uri: uri(file('templates/service.yaml')), range: atTemplate.range } }],
    });
    await change('values.yaml', disk('values.yaml'));
    await lsp.diagnostics(file('templates/service.yaml'), (d) => d.length === 0);
    await lsp.diagnostics(file('values.yaml'), (d) => d.length === 0);
  });

  it('offers the rule\'s fix in the values file the value came from, and suppression comments at the template line', async () => {
    await change('values.yaml', disk('values.yaml').replace('pullPolicy: IfNotPresent', 'pullPolicy: Always'));
    await open('templates/frontend.yaml');
    const atTemplate = of('image-pull-policy')(await lsp.diagnostics(file('templates/frontend.yaml'), has('image-pull-policy')));
    const actions = await codeActions('templates/frontend.yaml', atTemplate);
    expect(actions.map((a) => a.title)).toEqual(['Set imagePullPolicy to IfNotPresent', 'Disable image-pull-policy for this line', 'Disable image-pull-policy in this file']);
    expect(actions[0]).toMatchObject({ kind: 'quickfix', isPreferred: true, edit: { changes: { [uri(file('values.yaml'))]: [{ range: { start: { line: 4, character: 14 }, end: { line: 4, character: 20 } }, newText: 'IfNotPresent' }] } } });
    expect(actions[1].edit!.changes![uri(file('templates/frontend.yaml'))]).toEqual([{ range: { start: { line: 24, character: 0 }, end: { line: 24, character: 0 } }, newText: '          # k8s-todo-lint-disable-next-line image-pull-policy\n' }]);
    expect(actions[2].edit!.changes![uri(file('templates/frontend.yaml'))]).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# k8s-todo-lint-disable-file image-pull-policy\n' }]);

    // At the values line: the fix, but no suppression comment (values files do not take them).
    const atValues = of('image-pull-policy')(await lsp.diagnostics(file('values.yaml'), has('image-pull-policy')));
    const valuesActions = await codeActions('values.yaml', atValues);
    expect(valuesActions.map((a) => a.title)).toEqual(['Set imagePullPolicy to IfNotPresent']);

    // The suppression comment, applied, suppresses the finding.
    const commented = applyEdits(disk('templates/frontend.yaml'), actions[1].edit!.changes![uri(file('templates/frontend.yaml'))]);
    await change('templates/frontend.yaml', commented);
    await lsp.diagnostics(file('templates/frontend.yaml'), hasNo('image-pull-policy'));
    await change('templates/frontend.yaml', disk('templates/frontend.yaml'));
    await lsp.diagnostics(file('templates/frontend.yaml'), has('image-pull-policy'));

    // The fix, applied to values.yaml, clears it at both places.
    const fixed = applyEdits(disk('values.yaml').replace('pullPolicy: IfNotPresent', 'pullPolicy: Always'), actions[0].edit!.changes![uri(file('values.yaml'))]);
    expect(fixed).toBe(disk('values.yaml'));
    await change('values.yaml', fixed);
    await lsp.diagnostics(file('templates/frontend.yaml'), (d) => d.length === 0);
    await lsp.diagnostics(file('values.yaml'), (d) => d.length === 0);
  });

  it('adds a missing app: todo label and retags a :latest image with the chart\'s appVersion', async () => {
    const unlabelled = disk('templates/service.yaml').replace('  labels:\n    app: todo\n', '  labels:\n    tier: web\n');
    await change('templates/service.yaml', unlabelled);
    const missing = of('required-labels')(await lsp.diagnostics(file('templates/service.yaml'), has('required-labels')));
    const [addLabel] = await codeActions('templates/service.yaml', missing);
    expect(addLabel.title).toBe('Add the label app: todo');
    const labelled = applyEdits(unlabelled, addLabel.edit!.changes![uri(file('templates/service.yaml'))]);
    expect(labelled).toBe(disk('templates/service.yaml').replace('  labels:\n    app: todo\n', '  labels:\n    app: todo\n    tier: web\n'));
    await change('templates/service.yaml', labelled);
    await lsp.diagnostics(file('templates/service.yaml'), (d) => d.length === 0);

    const latest = disk('templates/frontend.yaml').replace(/image: .*/, 'image: todo-frontend:latest');
    await change('templates/frontend.yaml', latest);
    const tagged = of('image-tag-matches')(await lsp.diagnostics(file('templates/frontend.yaml'), has('image-tag-matches')));
    const [retag] = await codeActions('templates/frontend.yaml', tagged);
    expect(retag.title).toBe('Tag the image 1.2.0');
    expect(applyEdits(latest, retag.edit!.changes![uri(file('templates/frontend.yaml'))])).toContain('          image: todo-frontend:1.2.0\n');
    await change('templates/frontend.yaml', disk('templates/frontend.yaml'));
    await lsp.diagnostics(file('templates/frontend.yaml'), (d) => d.length === 0);
  });

  it('reports a template that does not render, and goes on serving', async () => {
    await change('templates/service.yaml', disk('templates/service.yaml').replace('{{ .Values.frontend.nodePort }}', '{{ .Values.frontend.nodePort '));
    const [broken] = of('helm-render')(await lsp.diagnostics(file('templates/service.yaml'), has('helm-render')));
    expect(broken.message).toContain('unclosed action');
    await change('templates/service.yaml', disk('templates/service.yaml'));
    await lsp.diagnostics(file('templates/service.yaml'), (d) => d.length === 0);
  });

  it('falls back to the disk text when an unsaved document is closed', async () => {
    await change('values.yaml', disk('values.yaml').replace('nodePort: 30080', 'nodePort: 29999'));
    await lsp.diagnostics(file('templates/service.yaml'), has('nodeport-range'));
    await close('values.yaml');
    await lsp.diagnostics(file('templates/service.yaml'), (d) => d.length === 0);
    await lsp.diagnostics(file('values.yaml'), (d) => d.length === 0);
  });

  it('shows an invalid config at the config file, and clears it when fixed', async () => {
    const config = path.join(dir, '.k8s-todo-lint.yaml');
    const text = readFileSync(config, 'utf8');
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(config), languageId: 'yaml', version: 1, text: `${text}  no-such-rule: error\n` } });
    const [bad] = await lsp.diagnostics(config, (d) => d.length > 0);
    expect(bad).toMatchObject({ severity: 1, source: 'k8s-todo-lint', range: { start: { line: 0, character: 0 } } });
    expect(bad.message).toContain('no-such-rule');
    await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(config), version: 2 }, contentChanges: [{ text }] });
    await lsp.diagnostics(config, (d) => d.length === 0);
  });

  it('shuts down and exits with status 0', async () => {
    await lsp.connection.sendRequest('shutdown');
    await lsp.connection.sendNotification('exit');
    expect(await lsp.exited).toBe(0);
    expect(lsp.log.join('')).not.toMatch(/internal error|failed/);
  });
});
