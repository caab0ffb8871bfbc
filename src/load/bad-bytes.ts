/**
 * Text with a few bytes YAML cannot hold: invalid UTF-8 (a Latin-1 `é` pasted
 * in) or NUL. kubectl rejects such a file whole; the user still needs every
 * other finding and the exact place. So the file is decoded (each invalid
 * sequence becomes one U+FFFD, as the WHATWG decoder does), each bad byte is
 * reported at its line and column, and only the documents holding one are
 * left out: they are blanked (every character but newlines becomes a space),
 * which keeps every other offset, line and column as it was.
 *
 * A file with many bad bytes, or more than one NUL, is not text with a typo
 * but another kind of file (binary, UTF-16): one problem at the first bad
 * byte, no documents.
 */
import { splitYamlDocuments } from './split.js';
import { utf8Lead } from './utf8-lead.js';

/** Past this many bad bytes a file is not text with mistakes, but binary or another encoding. */
const MAX_BAD_BYTES = 16;

export interface BadByte {
  /** Offset in the decoded text (UTF-16 code units). */
  offset: number;
  nul: boolean;
}

/** The UTF-16 offsets of the invalid UTF-8 sequences (one U+FFFD each, WHATWG's rule) and of NUL bytes in `buf`. */
export function findBadBytes(buf: Uint8Array, limit = MAX_BAD_BYTES + 1): BadByte[] {
  const out: BadByte[] = [];
  let units = 0; // UTF-16 units decoded so far
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const bad = () => {
    out.push({ offset: units, nul: false });
    units++;
  };
  for (let i = 0; i < buf.length && out.length < limit; i++) {
    const b = buf[i]!;
    if (needed === 0) {
      if (b === 0) {
        out.push({ offset: units, nul: true });
        units++;
      } else if (b <= 0x7f) units++;
      else {
        const lead = utf8Lead(b);
        if (lead) ({ continuations: needed, lower, upper } = lead);
        else bad();
      }
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one U+FFFD; this byte starts afresh.
      needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      bad();
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) {
      units += needed === 3 ? 2 : 1;
      needed = seen = 0;
    }
  }
  if (needed !== 0 && out.length < limit) bad();
  return out;
}

export interface BadBytesProblem {
  message: string;
  line: number;
  column: number;
}

/** 1-based line and column (UTF-16) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The decoded text with the documents that hold a bad byte blanked, and a problem per bad byte;
 * or, for a file that is not text at all, one problem (at its first bad byte) and no text.
 */
export function setAsideBadDocuments(text: string, bad: readonly BadByte[], json: boolean): { text?: string; problems: BadBytesProblem[] } {
  // One NUL is a slip; two are binary data or UTF-16 (a NUL every other byte).
  const nuls = bad.filter((b) => b.nul);
  if (nuls.length > 1) return { problems: [{ message: 'file is binary (it contains NUL bytes), not YAML or JSON', ...position(text, nuls[0]!.offset) }] };
  if (bad.length > MAX_BAD_BYTES) {
    return { problems: [{ message: 'file is not valid UTF-8 text (binary, or another encoding such as Latin-1)', ...position(text, bad[0]!.offset) }] };
  }
  const problems = bad.map((b) => ({
    message: b.nul
      ? 'a NUL byte: YAML and JSON text cannot hold it, so this document is not linted (kubectl rejects the file)'
      : 'a byte that is not valid UTF-8 (a Latin-1 character?): this document is not linted (kubectl rejects the file); save the file as UTF-8',
    ...position(text, b.offset),
  }));
  const chunks = json ? [{ start: 0, end: text.length }] : splitYamlDocuments(text);
  const chars = text.split('');
  for (const chunk of chunks) {
    if (!bad.some((b) => b.offset >= chunk.start && b.offset < chunk.end)) continue;
    for (let i = chunk.start; i < chunk.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  }
  return { text: chars.join(''), problems };
}
