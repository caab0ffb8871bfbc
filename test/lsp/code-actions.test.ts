/**
 * Fixes as edits (src/lsp/code-actions.ts fixEdit): the replaced text is found in the file's
 * current text (a whole plain scalar is quoted when the new text would read back as another
 * type); a block map gets the new keys at its indentation; a flow map, or a text that no
 * longer holds the old value, gets no edit.
 */
import { describe, expect, it } from 'vitest';
import { fixEdit } from '../../src/lsp/code-actions.js';

const texts: Record<string, string> = {
  '/p/values.yaml': 'image:\n  tag: latest\n',
  '/p/flow.yaml': 'metadata: {name: a}\n',
  '/p/block.yaml': 'metadata:\n  name: a\n',
};
const read = (f: string) => texts[f];
const at = (file: string, line: number, column: number, endLine: number, endColumn: number) => ({ file, line, column, endLine, endColumn });

describe('fixEdit', () => {
  it('replaces a whole plain scalar, quoting a number-like new value', () => {
    expect(fixEdit({ title: 't', replace: { at: [at('/p/values.yaml', 2, 8, 2, 14)], from: 'latest', to: '1.2' } }, read)).toEqual({
      changes: { 'file:///p/values.yaml': [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 13 } }, newText: '"1.2"' }] },
    });
  });

  it('gives no edit when the text no longer holds the old value', () => {
    expect(fixEdit({ title: 't', replace: { at: [at('/p/values.yaml', 2, 8, 2, 14)], from: 'Always', to: 'IfNotPresent' } }, read)).toBeUndefined();
  });

  it('inserts keys at the top of a block map, at its indentation; not into a flow map', () => {
    expect(fixEdit({ title: 't', insert: { at: at('/p/block.yaml', 2, 3, 2, 10), lines: ['labels:', '  app: todo'] } }, read)).toEqual({
      changes: { 'file:///p/block.yaml': [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, newText: 'labels:\n    app: todo\n  ' }] },
    });
    expect(fixEdit({ title: 't', insert: { at: at('/p/flow.yaml', 1, 11, 1, 20), lines: ['labels:', '  app: todo'] } }, read)).toBeUndefined();
  });
});
