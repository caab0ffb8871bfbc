/** Reads input files as text, refusing devices, binary and non-UTF-8 files with a clear reason. */
import { readFileSync, statSync } from 'node:fs';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeText(buf: Uint8Array): string | { problem: string } {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return { problem: 'file is binary (it contains NUL bytes), not YAML or JSON' };
  try {
    return decoder.decode(buf);
  } catch {
    return { problem: 'file is not valid UTF-8 text' };
  }
}

/**
 * Texts that replace what is on disk, by absolute path: the unsaved buffers of an editor
 * (src/lsp). Every reader of input files asks it first, so the language server lints with
 * the same pipeline as the command line; undefined means "read the disk".
 */
export type TextOverlay = (abs: string) => string | undefined;

/** The text of an input file, or why it cannot be linted (the problem a yaml-syntax finding states). */
export function readInputFile(abs: string, overlay?: TextOverlay): string | { problem: string } {
  const open = overlay?.(abs);
  if (open !== undefined) return open;
  let buf: Buffer;
  try {
    // Never read a FIFO or device: it could block forever.
    if (!statSync(abs).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    buf = readFileSync(abs);
  } catch (e) {
    return { problem: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  return decodeText(buf);
}
