/**
 * File names that are not UTF-8 (issue 16). A POSIX file name is bytes; Node's string paths
 * are UTF-8, so a name holding a Latin-1 `é` (the byte 0xE9) comes out of a directory listing
 * with U+FFFD in its place, and that string opens nothing. Inside the linter such a name is
 * held the way Python's surrogateescape holds it: valid UTF-8 decodes as usual, and each other
 * byte 0xHH becomes the lone surrogate U+DC00+HH (U+DC80..U+DCFF). No valid UTF-8 decodes to a
 * lone surrogate, so the string is exact and reversible; `fsPath` turns it back into the bytes
 * for the fs calls. Names that are valid UTF-8 stay the strings Node gives (the fast path:
 * a directory is listed as bytes only when a name came back with U+FFFD). How findings show
 * such a name is display.ts's `showPath` (`\xHH`).
 */
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { utf8Lead } from './utf8-lead.js';

const utf8 = new TextDecoder('utf-8');

/** How many bytes the valid UTF-8 sequence at `i` takes, 0 when `buf[i]` starts none. */
function sequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i]!;
  if (b < 0x80) return 1;
  const lead = utf8Lead(b);
  if (!lead) return 0;
  for (let k = 1; k <= lead.continuations; k++) {
    const c = buf[i + k];
    if (c === undefined || c < (k === 1 ? lead.lower : 0x80) || c > (k === 1 ? lead.upper : 0xbf)) return 0;
  }
  return lead.continuations + 1;
}

/** A name (or path) from its bytes: valid UTF-8 decoded, every other byte as U+DC80..U+DCFF. */
export function nameFromBytes(buf: Uint8Array): string {
  let out = '';
  let start = 0; // the valid run not yet decoded
  let i = 0;
  while (i < buf.length) {
    const n = sequenceLength(buf, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += utf8.decode(buf.subarray(start, i)) + String.fromCharCode(0xdc00 + buf[i]!);
    start = ++i;
  }
  return out + utf8.decode(buf.subarray(start));
}

/** A lone low surrogate in U+DC80..U+DCFF: a byte of a name that is not UTF-8 (the low half of a pair is not one). */
export const RAW_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** The bytes of a name or path held as `nameFromBytes` gives it. */
export function pathBytes(p: string): Buffer {
  if (!RAW_BYTE.test(p)) return Buffer.from(p, 'utf8');
  const parts: Buffer[] = [];
  let text = '';
  for (const ch of p) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
      parts.push(Buffer.from(text, 'utf8'), Buffer.from([code - 0xdc00]));
      text = '';
    } else text += ch;
  }
  parts.push(Buffer.from(text, 'utf8'));
  return Buffer.concat(parts);
}

/** What to give an fs call for `p`: the string itself, or its bytes when it holds a name that is not UTF-8. */
export function fsPath(p: string): string | Buffer {
  return RAW_BYTE.test(p) ? pathBytes(p) : p;
}

type ReaddirOptions = { withFileTypes?: boolean; encoding?: BufferEncoding | 'buffer' | null } | undefined;

/** readdirSync for string paths that may hold such names: each entry named as `nameFromBytes` does. */
function readdirByBytes(dir: string, options?: ReaddirOptions): Array<string | Dirent> {
  const at = fsPath(dir);
  const withFileTypes = options?.withFileTypes === true;
  const listed = readdirSync(at, { withFileTypes } as { withFileTypes: true }) as Array<string | Dirent>;
  if (!listed.some((e) => (typeof e === 'string' ? e : e.name).includes('\uFFFD'))) return listed;
  // A name came back lossy (or holds U+FFFD itself): list again as bytes.
  if (!withFileTypes) return (readdirSync(at, { encoding: 'buffer' }) as Buffer[]).map(nameFromBytes);
  const raw = readdirSync(at, { withFileTypes: true, encoding: 'buffer' }) as unknown as Array<Dirent & { name: Buffer | string }>;
  for (const d of raw) d.name = nameFromBytes(d.name as Buffer);
  return raw as Dirent[];
}

/**
 * The file system fast-glob walks (its `fs` option): names that are not UTF-8 come out held
 * as `nameFromBytes` holds them, and paths holding them are stat'ed and listed by their bytes.
 */
export const byteNameFs: Partial<import('fast-glob').FileSystemAdapter> = {
  readdirSync: readdirByBytes as unknown as typeof readdirSync,
  statSync: ((p: string, o?: object) => statSync(fsPath(p), o)) as typeof statSync,
  lstatSync: ((p: string, o?: object) => lstatSync(fsPath(p), o)) as typeof lstatSync,
};
