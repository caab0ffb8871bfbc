/**
 * Whether a `.tgz` found by walking a directory is a Helm chart: an archive
 * whose top directory holds a Chart.yaml (what Helm's loader requires).
 * Other tarballs (npm packs, backups) are not inputs at all: taking them for
 * charts reported "Chart.yaml file is missing" on files that never claimed to
 * be one. Only the tar headers are read, after a bounded gunzip.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// node:zlib on first use: only a walked .tgz needs it, and loading it (or its bundle stand-in's
// named exports) is a cost every lint would pay at start-up.
const require = createRequire(import.meta.url);
const gunzipSync: typeof import('node:zlib').gunzipSync = (...args) => (require('node:zlib') as typeof import('node:zlib')).gunzipSync(...args);

/** Helm's own bound on a decompressed chart; a bigger archive is no chart we could load anyway. */
const MAX_TAR_BYTES = 100 * 1024 * 1024;
const BLOCK = 512;

export function archiveHoldsChart(file: string): boolean {
  let tar: Buffer;
  try {
    tar = gunzipSync(readFileSync(file), { maxOutputLength: MAX_TAR_BYTES });
  } catch {
    return false;
  }
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return false; // the end-of-archive blocks
    const name = field(header, 0, 100);
    const prefix = header.subarray(257, 263).toString('latin1').startsWith('ustar') ? field(header, 345, 155) : '';
    const full = prefix ? `${prefix}/${name}` : name;
    // Chart.yaml directly under the top directory, with either delimiter (Helm accepts both).
    if (/^[^/\\]+[/\\]Chart\.yaml$/.test(full)) return true;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) return false;
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return false;
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}
