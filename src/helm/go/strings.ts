/**
 * Go's strings package functions whose edge cases differ from JavaScript's
 * (empty separators split into runes, not UTF-16 units; Trim takes a set of
 * runes), plus the Apache-Commons-style helpers of Masterminds/goutils that
 * Sprig uses. goutils works on bytes in several places (Abbreviate, Wrap,
 * Initials, DeleteWhiteSpace); those are reproduced on bytes.
 */
import { isSpace, isLetter, isDigit, isUpper, isLower, isTitle, toLower, toUpper, toTitle, mapRunes } from './unicode.js';
import { byteLength, decodeUtf8, isAscii, sliceBytes, utf8Bytes } from './utf8.js';

/** strings.Split / strings.SplitN (n < 0: all; n == 0: nil). */
export function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const rs = [...s];
    if (n < 0 || n > rs.length) n = rs.length;
    if (n === 0) return [];
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** strings.Replace(s, old, new, -1). */
export function goReplaceAll(s: string, old: string, repl: string): string {
  if (old === '') {
    // Go inserts the replacement before each rune and at the end.
    let out = repl;
    for (const ch of s) out += ch + repl;
    return out;
  }
  return s.split(old).join(repl);
}

/** strings.Trim(s, cutset): removes leading and trailing runes found in cutset. */
export function goTrim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set([...cutset]);
  const rs = [...s];
  let i = 0;
  let j = rs.length;
  while (i < j && set.has(rs[i])) i++;
  while (j > i && set.has(rs[j - 1])) j--;
  return rs.slice(i, j).join('');
}

/**
 * strings.Repeat, including its panics (with Go 1.21+ wording, as in Helm's
 * builds). Go would also die trying to allocate gigabytes for a count that
 * does not overflow; we refuse above 256 MiB with the overflow panic instead
 * of crashing.
 */
export function goRepeat(s: string, count: number): string {
  if (count === 0) return '';
  if (count < 0) throw new Error('strings: negative Repeat count');
  if (byteLength(s) * count > 2 ** 28) throw new Error('strings: Repeat output length overflow');
  return s.repeat(count);
}

/** strings.Title's word boundary rule. */
function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    if ((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f) return false;
    return true;
  }
  if (isLetter(r) || isDigit(r)) return false;
  return isSpace(r);
}

/** strings.Title (deprecated in Go, still what Sprig's `title` calls). */
export function goTitle(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const sep = isSeparator(prev);
    prev = r;
    return sep ? toTitle(r) : r;
  });
}

/** goutils.Uncapitalize: lower-cases the first rune of each whitespace-separated word. */
export function uncapitalize(s: string): string {
  let next = true;
  return mapRunes(s, (r) => {
    if (isSpace(r)) {
      next = true;
      return r;
    }
    if (next) {
      next = false;
      return toLower(r);
    }
    return r;
  });
}

/** goutils.SwapCase: upper to lower, lower to upper, title case after whitespace. */
export function swapCase(s: string): string {
  let whitespace = true;
  return mapRunes(s, (r) => {
    if (isUpper(r) || isTitle(r)) {
      whitespace = false;
      return toLower(r);
    }
    if (isLower(r)) {
      if (whitespace) {
        whitespace = false;
        return toTitle(r);
      }
      return toUpper(r);
    }
    whitespace = isSpace(r);
    return r;
  });
}

/**
 * goutils.DeleteWhiteSpace. It walks bytes and writes each kept byte back as
 * a rune, so when anything is removed, non-ASCII text comes out as its
 * Latin-1 reading ("é" becomes "Ã©"), and bytes 0x85/0xA0 inside a UTF-8
 * sequence count as spaces. Sprig's `nospace` inherits this.
 */
export function deleteWhiteSpace(s: string): string {
  if (s === '') return s;
  const b = isAscii(s) ? null : utf8Bytes(s);
  const len = b ? b.length : s.length;
  let out = '';
  let count = 0;
  for (let i = 0; i < len; i++) {
    const c = b ? b[i] : s.charCodeAt(i);
    if (!isSpace(c)) {
      out += String.fromCharCode(c);
      count++;
    }
  }
  return count === len ? s : out;
}

/** goutils.Initials with the default (whitespace) delimiters, byte-wise like deleteWhiteSpace. */
export function initials(s: string): string {
  if (s === '') return s;
  const b = utf8Bytes(s);
  let out = '';
  let lastWasGap = true;
  for (const c of b) {
    if (isSpace(c)) lastWasGap = true;
    else if (lastWasGap) {
      out += String.fromCharCode(c);
      lastWasGap = false;
    }
  }
  return out;
}

/** goutils.AbbreviateFull; the error results are "" (Sprig ignores the error). */
export function abbreviateFull(s: string, offset: number, maxWidth: number): string {
  if (s === '') return '';
  if (maxWidth < 4) return '';
  const len = byteLength(s);
  if (len <= maxWidth) return s;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  const marker = '...';
  if (offset <= 4) return sliceBytes(s, 0, maxWidth - 3) + marker;
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) return marker + abbreviateFull(sliceBytes(s, offset), 0, maxWidth - 3);
  return marker + sliceBytes(s, len - (maxWidth - 3));
}

/** Index of byte `c` in b[from:to], or -1. */
function lastIndexByte(b: Uint8Array, c: number, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (b[i] === c) return i;
  return -1;
}

function indexByte(b: Uint8Array, c: number, from: number): number {
  for (let i = from; i < b.length; i++) if (b[i] === c) return i;
  return -1;
}

/** goutils.WrapCustom, on bytes as the Go code is. */
export function wrapCustom(s: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (s === '') return '';
  if (newLine === '') newLine = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const b = utf8Bytes(s);
  const nl = utf8Bytes(newLine);
  const len = b.length;
  const out: number[] = [];
  const put = (from: number, to: number): void => {
    for (let i = from; i < to; i++) out.push(b[i]);
  };
  const putNl = (): void => {
    for (const c of nl) out.push(c);
  };
  let offset = 0;
  while (len - offset > wrapLength) {
    if (b[offset] === 0x20) {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    const space = lastIndexByte(b, 0x20, offset, end);
    if (space >= offset) {
      put(offset, space);
      putNl();
      offset = space + 1;
    } else if (wrapLongWords) {
      put(offset, wrapLength + offset);
      putNl();
      offset += wrapLength;
    } else {
      const idx = indexByte(b, 0x20, wrapLength + offset);
      if (idx === -1) {
        put(offset, len);
        offset = len;
      } else {
        put(offset, idx);
        putNl();
        offset = idx + 1;
      }
    }
  }
  put(offset, len);
  return decodeUtf8(Uint8Array.from(out));
}

/** Shuffles the runes of s (xstrings.Shuffle; random, so never golden-tested). */
export function shuffleRunes(s: string): string {
  const rs = [...s];
  for (let i = rs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [rs[i], rs[j]] = [rs[j], rs[i]];
  }
  return rs.join('');
}
