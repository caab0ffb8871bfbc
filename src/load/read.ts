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

/** The text of an input file, or why it cannot be linted (the problem a yaml-syntax finding states). */
export function readInputFile(abs: string): string | { problem: string } {
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

/**
 * Whether `p` is a regular file, a symlink followed. Only those are read: opening a FIFO
 * blocks until a writer comes, maybe forever, and a device can stream without end (issue 16).
 */
export function isRegularFile(p: string): boolean {
  try {
    return statSync(p).isFile();
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
