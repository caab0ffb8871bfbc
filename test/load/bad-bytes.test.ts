/**
 * One bad byte hides only its document: invalid UTF-8 and NUL bytes are reported at their
 * line and column, every other document is linted; CR-only line endings are line breaks.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { findBadBytes } from '../../src/load/bad-bytes.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-bytes-');

async function findingsOf(name: string, bytes: Buffer | string) {
  const dir = tempDir();
  writeFileSync(path.join(dir, name), bytes);
  writeFileSync(path.join(dir, 'c.json'), '{}');
  const result = await lint({ paths: [name], cwd: dir, configFile: 'c.json' });
  return result.findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'required-labels').map((f) => `${f.location.line}:${f.location.column} ${f.ruleId} ${f.message}`);
}

const cm = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  x: "${data}"\n`;

describe('bad bytes', () => {
  it('finds what the WHATWG decoder replaces, at the offsets of its U+FFFD', () => {
    const decoder = new TextDecoder('utf-8');
    for (const bytes of [[0x61, 0xe9, 0x62], [0xf0, 0x9f, 0x98, 0x80, 0xe9], [0xe2, 0x82], [0xed, 0xa0, 0x80, 0x41], [0xc0, 0xaf, 0xf4, 0x90, 0x80, 0x80], [0x41, 0, 0x42], [0xe2, 0x82, 0xac, 0xff]]) {
      const buf = Uint8Array.from(bytes);
      const text = decoder.decode(buf);
      const bad = findBadBytes(buf, 100);
      expect(bad.filter((b) => !b.nul).map((b) => b.offset), JSON.stringify(bytes)).toEqual(Array.from({ length: text.length }, (_, i) => i).filter((i) => text[i] === '\uFFFD'));
      expect(bad.filter((b) => b.nul).map((b) => text[b.offset])).toEqual(bad.filter((b) => b.nul).map(() => '\0'));
    }
  });

  it('leave out only the documents that hold them, reported at their line and column', async () => {
    // A Latin-1 é (0xE9) in the first document, a NUL in the second.
    const [before, after] = cm('latin1', 'caf\u00e9').split('\u00e9');
    const bytes = Buffer.concat([Buffer.from(before!), Buffer.from([0xe9]), Buffer.from(`${after}---\n${cm('nul', 'a\0b')}---\n${cm('fine', 'ok')}`)]);
    expect(await findingsOf('m.yaml', bytes)).toEqual([
      '6:10 yaml-syntax a byte that is not valid UTF-8 (a Latin-1 character?): this document is not linted (kubectl rejects the file); save the file as UTF-8',
      '13:8 yaml-syntax a NUL byte: YAML and JSON text cannot hold it, so this document is not linted (kubectl rejects the file)',
      '18:3 required-labels ConfigMap fine lacks the label app: todo',
    ]);
  });

  it('a file that is not text is one finding at its first bad byte', async () => {
    const binary = Buffer.alloc(200); // NUL bytes: more than one is binary
    binary.write('apiVersion: v1\n');
    expect(await findingsOf('b.yaml', binary)).toEqual(['2:1 yaml-syntax file is binary (it contains NUL bytes), not YAML or JSON']);
  });

  it('reads CR-only line endings as line breaks, as YAML does', async () => {
    expect(await findingsOf('cr.yaml', `${cm('a', '1')}---\n${cm('b', '2')}`.replace(/\n/g, '\r'))).toEqual([
      '4:3 required-labels ConfigMap a lacks the label app: todo',
      '11:3 required-labels ConfigMap b lacks the label app: todo',
    ]);
  });
});
