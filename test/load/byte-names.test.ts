/**
 * File names that are not UTF-8 (issue 16 item 18): held exactly inside the linter (each byte
 * that is not UTF-8 as a lone surrogate), opened again by their bytes, and shown as `\xHH`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fsPath, nameFromBytes, pathBytes } from '../../src/load/byte-names.js';
import { displayPath, parseShownPath, showPath } from '../../src/load/display.js';
import { expandInputs } from '../../src/load/inputs.js';
import { readInputFile } from '../../src/load/read.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-names-');
const bytes = (...b: number[]) => Buffer.from(b);

describe('names held by their bytes', () => {
  it('decodes valid UTF-8 as Node does and each other byte as U+DC80..U+DCFF', () => {
    expect(nameFromBytes(Buffer.from('ünï-😀.yaml'))).toBe('ünï-😀.yaml');
    expect(nameFromBytes(bytes(0x63, 0xe9, 0x2e))).toBe('c\udce9.');
    // A truncated 3-byte sequence, an encoded surrogate (ED A0 80) and an overlong `/` (C0 AF): each byte on its own.
    expect(nameFromBytes(bytes(0xe2, 0x82, 0x41))).toBe('\udce2\udc82A');
    expect(nameFromBytes(bytes(0xed, 0xa0, 0x80))).toBe('\udced\udca0\udc80');
    expect(nameFromBytes(bytes(0xc0, 0xaf))).toBe('\udcc0\udcaf');
  });

  it('gives back the same bytes for any name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 24 }), (raw) => {
        expect(pathBytes(nameFromBytes(raw)).equals(Buffer.from(raw))).toBe(true);
      }),
      { seed: 18, numRuns: 2000 },
    );
  });

  it('leaves a valid name a string, and an astral character whose low half is in U+DC80..U+DCFF alone', () => {
    expect(fsPath('/tmp/a.yaml')).toBe('/tmp/a.yaml');
    expect(fsPath('/tmp/\u{10080}.yaml')).toBe('/tmp/\u{10080}.yaml');
    expect(fsPath('/tmp/c\udce9.yaml')).toEqual(Buffer.from([...Buffer.from('/tmp/c'), 0xe9, ...Buffer.from('.yaml')]));
  });
});

describe('how such names are shown', () => {
  it('shows each such byte as \\xHH and a valid name as it is', () => {
    expect(showPath('d\udcff/c\udce9.yaml')).toBe('d\\xFF/c\\xE9.yaml');
    expect(showPath('ünï/\u{10080}.yaml')).toBe('ünï/\u{10080}.yaml');
    expect(showPath('a\\b.yaml')).toBe('a\\b.yaml');
    expect(showPath('trailing\\')).toBe('trailing\\');
  });

  it('doubles a backslash only where it would read as an escape', () => {
    expect(showPath('c\\xE9.yaml')).toBe('c\\\\xE9.yaml');
    expect(showPath('a\\\\b')).toBe('a\\\\\\b');
    expect(showPath('a\\\udce9')).toBe('a\\\\\\xE9');
    expect(showPath('c\\xe9.yaml')).toBe('c\\xe9.yaml'); // lower case is never an escape
  });

  it('is reversible: every name has one shown form', () => {
    const piece = fc.oneof(fc.constantFrom('\\', 'x', 'E', '9', 'F', '/', 'é', '\u{10080}'), fc.integer({ min: 0x80, max: 0xff }).map((b) => String.fromCharCode(0xdc00 + b)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const name = parts.join('');
        expect(parseShownPath(showPath(name))).toBe(name);
      }),
      { seed: 18, numRuns: 5000 },
    );
  });

  it('displayPath shows the name relative to cwd', () => {
    expect(displayPath('/w', '/w/d\udcff/c\udce9.yaml')).toBe('d\\xFF/c\\xE9.yaml');
    expect(displayPath('/w', '/w/ok.yaml')).toBe('ok.yaml');
  });
});

describe('walking and reading such names', () => {
  it('lists them by their bytes and reads them', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.yaml'), 'a: 1\n');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/c`), bytes(0xe9), Buffer.from('.yaml')]), 'b: 2\n');
    mkdirSync(Buffer.concat([Buffer.from(`${dir}/d`), bytes(0xff)]));
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/d`), bytes(0xff), Buffer.from('/x.yml')]), 'c: 3\n');
    const { files } = expandInputs(['.'], { cwd: dir, ignore: [], ignoreBase: dir });
    expect(files.map((f) => displayPath(dir, f))).toEqual(['c\\xE9.yaml', 'd\\xFF/x.yml', 'ok.yaml']);
    expect(files.map((f) => readInputFile(f).text)).toEqual(['b: 2\n', 'c: 3\n', 'a: 1\n']);
  });

  it('a glob on the command line finds them too', () => {
    const dir = tempDir();
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/c`), bytes(0xe9), Buffer.from('.yaml')]), 'b: 2\n');
    const { files } = expandInputs(['*.yaml'], { cwd: dir, ignore: [], ignoreBase: dir });
    expect(files.map((f) => readInputFile(f).text)).toEqual(['b: 2\n']);
  });
});
