/**
 * Reads input files as text, refusing devices and binary files with a clear reason. A few bytes
 * that are not UTF-8 (or NUL) leave out only the documents holding them (bad-bytes.ts). Lone
 * carriage returns (classic Mac line endings) are line breaks, as YAML 1.1 and 1.2 define them
 * and editors show them: each becomes a newline, which keeps every offset.
 */
import { readFileSync, statSync } from 'node:fs';
import { findBadBytes, setAsideBadDocuments } from './bad-bytes.js';
import { fsPath } from './byte-names.js';

const decoder = new TextDecoder('utf-8');

/** A problem that keeps a file, or part of it, from being linted, at its place. */
export interface ReadProblem {
  message: string;
  line: number;
  column: number;
}

/**
 * Texts that replace what is on disk, by absolute path: the unsaved buffers of an editor
 * (src/lsp). Every reader of input files asks it first, so the language server lints with
 * the same pipeline as the command line; undefined means "read the disk".
 */
export type TextOverlay = (abs: string) => string | undefined;

/** The text to lint (undefined when nothing of the file can be), and what is wrong with the rest. */
export interface ReadResult {
  text?: string;
  problems: ReadProblem[];
}

export function decodeText(buf: Uint8Array, json = false): ReadResult {
  const bad = findBadBytes(buf);
  let text = decoder.decode(buf);
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  if (bad.length === 0) return { text, problems: [] };
  return setAsideBadDocuments(text, bad, json);
}

/** The text of an input file, or why it cannot be linted (the problems yaml-syntax findings state). */
export function readInputFile(abs: string, json = false, overlay?: TextOverlay): ReadResult {
  const open = overlay?.(abs);
  if (open !== undefined) return { text: open, problems: [] };
  let buf: Buffer;
  try {
    // Never read a FIFO or device: it could block forever.
    // A name that is not UTF-8 is opened by its bytes (byte-names.ts).
    const at = fsPath(abs);
    if (!statSync(at).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    buf = readFileSync(at);
  } catch (e) {
    return { problems: [{ message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, line: 1, column: 1 }] };
  }
  return decodeText(buf, json);
}

/**
 * Whether `p` is a regular file, a symlink followed. Only those are read: opening a FIFO
 * blocks until a writer comes, maybe forever, and a device can stream without end (issue 16).
 */
export function isRegularFile(p: string): boolean {
  try {
    return statSync(fsPath(p)).isFile();
  } catch {
    return false;
  }
}

/** Whether `p` is a directory, a symlink followed (a file named `charts` or `ci` is not). */
export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The UTF-8 text of a regular file; undefined when it is anything else or cannot be read. */
export function readRegularText(p: string): string | undefined {
  if (!isRegularFile(p)) return undefined;
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}
