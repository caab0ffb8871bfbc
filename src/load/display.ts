/**
 * How findings name files: relative to the working directory, with `/`, whatever the platform.
 * A name that is not UTF-8 (held as byte-names.ts holds it) shows each such byte as `\xHH`,
 * upper-case hex (`c\xE9.yaml` for a Latin-1 `é`). So that the form stays reversible, a
 * backslash of the name is doubled where it would otherwise read as one of those escapes
 * (before another backslash, or before `x` and two upper-case hex digits 80-FF); every other
 * name is shown exactly as it is. SARIF's URI (src/format/sarif.ts) reads the form back into
 * the bytes and percent-encodes them.
 */
import path from 'node:path';
import { RAW_BYTE } from './byte-names.js';

/** The display path of `abs`: relative to `cwd` with `/` separators (its base name when it is `cwd` itself). */
export function displayPath(cwd: string, abs: string): string {
  return showPath(path.relative(cwd, abs).split(path.sep).join('/') || path.basename(abs));
}

/** What reads as an escape of `showPath`: `\\` (one backslash) or `\xHH` (one byte 80-FF). */
const ESCAPE = /\\(\\|x([89A-F][0-9A-F]))/g;
const NEEDS_DOUBLING = /^(\\|x[89A-F][0-9A-F])/;

/** `p` with every byte that is not UTF-8 shown as `\xHH`, and a backslash doubled where it would read as an escape. */
export function showPath(p: string): string {
  if (!p.includes('\\') && !RAW_BYTE.test(p)) return p;
  const parts: string[] = [];
  for (const ch of p) {
    const code = ch.charCodeAt(0);
    parts.push(ch.length === 1 && code >= 0xdc80 && code <= 0xdcff ? `\\x${(code - 0xdc00).toString(16).toUpperCase()}` : ch);
  }
  // From the end: whether a backslash needs doubling depends on what is shown after it.
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i] === '\\' && NEEDS_DOUBLING.test(parts.slice(i + 1, i + 4).join(''))) parts[i] = '\\\\';
  }
  return parts.join('');
}

/** The name `showPath` was given (its bytes that are not UTF-8 as U+DC80..U+DCFF). */
export function parseShownPath(shown: string): string {
  return shown.replace(ESCAPE, (_m, _e, hex: string | undefined) => (hex ? String.fromCharCode(0xdc00 + parseInt(hex, 16)) : '\\'));
}
