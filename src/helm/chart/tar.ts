/**
 * Reading chart archives (.tgz): gunzip with node:zlib, then a small ustar /
 * GNU / PAX reader of our own, then Helm's checks on entry names (no absolute
 * paths, nothing outside the chart's base directory, Chart.yaml not at the
 * top level) and its size limits.
 */
import { gunzipSync } from 'node:zlib';

export class ArchiveError extends Error {}

export interface ArchiveEntry {
  /** Path inside the archive, as stored (after PAX / GNU long-name overrides). */
  name: string;
  /** '0' regular file, '5' directory, ... (normalised: '\0' becomes '0'). */
  type: string;
  data: Uint8Array;
}

/** Helm's limits (pkg/chart/loader). */
export const MAX_DECOMPRESSED_CHART_SIZE = 100 * 1024 * 1024;
export const MAX_DECOMPRESSED_FILE_SIZE = 5 * 1024 * 1024;

const decoder = new TextDecoder('utf-8');

function cString(buf: Uint8Array, start: number, len: number): string {
  let end = start;
  while (end < start + len && buf[end] !== 0) end++;
  return decoder.decode(buf.subarray(start, end));
}

function octal(buf: Uint8Array, start: number, len: number): number {
  // GNU base-256 encoding for large sizes: the high bit of the first byte is set.
  if (buf[start] & 0x80) {
    let n = buf[start] & 0x7f;
    for (let i = 1; i < len; i++) n = n * 256 + buf[start + i];
    return n;
  }
  const s = cString(buf, start, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new ArchiveError('archive/tar: invalid header');
  return parseInt(s, 8);
}

function isZeroBlock(buf: Uint8Array, off: number): boolean {
  for (let i = off; i < off + 512; i++) if (buf[i] !== 0) return false;
  return true;
}

/** PAX extended header records: "len key=value\n". */
function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = decoder.decode(data);
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(' ', i);
    if (sp < 0) break;
    const len = Number(text.slice(i, sp));
    if (!Number.isFinite(len) || len <= 0) break;
    // The length counts bytes; records are ASCII keys and (usually) ASCII paths.
    const record = decoder.decode(new TextEncoder().encode(text.slice(i)).subarray(0, len));
    const body = record.slice(sp - i + 1, record.endsWith('\n') ? -1 : undefined);
    const eq = body.indexOf('=');
    if (eq > 0) out.set(body.slice(0, eq), body.slice(eq + 1));
    i += record.length;
  }
  return out;
}

/** Every entry of an uncompressed tar stream, headers resolved. */
export function readTar(buf: Uint8Array): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let off = 0;
  let longName: string | undefined;
  let pax: Map<string, string> | undefined;
  while (off + 512 <= buf.length) {
    if (isZeroBlock(buf, off)) break;
    const header = buf.subarray(off, off + 512);
    const size = octal(header, 124, 12);
    const rawType = String.fromCharCode(header[156]);
    const type = rawType === '\0' ? '0' : rawType;
    let name = cString(header, 0, 100);
    const magic = cString(header, 257, 6);
    if (magic === 'ustar') {
      const prefix = cString(header, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    const dataStart = off + 512;
    if (dataStart + size > buf.length) throw new ArchiveError('unexpected EOF');
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = cString(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      pax = parsePax(data);
      continue;
    }
    if (type === 'g' || type === 'K') continue;
    if (longName !== undefined) name = longName;
    if (pax?.has('path')) name = pax.get('path')!;
    longName = undefined;
    pax = undefined;
    entries.push({ name, type, data });
  }
  return entries;
}

/** A file of a chart: its path relative to the chart root and its bytes. */
export interface BufferedFile {
  name: string;
  data: Uint8Array;
}

const BOM = [0xef, 0xbb, 0xbf];

export function trimBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && data[0] === BOM[0] && data[1] === BOM[1] && data[2] === BOM[2] ? data.subarray(3) : data;
}

/** Go's path.Clean for '/'-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/**
 * What all the archives of one chart may unpack to together, nested subchart archives included
 * (ours: Helm's bound is per archive, so 20 nested archives could take 20 times 100 MB).
 */
export const MAX_UNPACKED_PER_CHART = MAX_DECOMPRESSED_CHART_SIZE;

/** The bytes left to unpack for one chart and its subcharts; shared by every archive of that chart. */
export interface UnpackBudget {
  remaining: number;
}

export function newUnpackBudget(): UnpackBudget {
  return { remaining: MAX_UNPACKED_PER_CHART };
}

function totalExceeded(): ArchiveError {
  return new ArchiveError(`decompressed chart and its subchart archives are larger than ${MAX_UNPACKED_PER_CHART} bytes in total`);
}

/**
 * The files of a gzipped chart archive, relative to its top directory, with
 * Helm's checks and messages (pkg/chart/loader LoadArchiveFiles).
 */
export function loadArchiveFiles(gz: Uint8Array, total: UnpackBudget = newUnpackBudget()): BufferedFile[] {
  let tarBytes: Uint8Array;
  try {
    tarBytes = gunzipSync(gz, { maxOutputLength: Math.min(MAX_DECOMPRESSED_CHART_SIZE, total.remaining) + 1024 * 1024 });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new ArchiveError('gzip: invalid header');
    if (total.remaining < MAX_DECOMPRESSED_CHART_SIZE) throw totalExceeded();
    throw new ArchiveError(`decompressed chart is larger than the maximum file size ${MAX_DECOMPRESSED_CHART_SIZE}`);
  }
  if (tarBytes.length > total.remaining) throw totalExceeded();
  total.remaining -= tarBytes.length;
  const files: BufferedFile[] = [];
  let remaining = MAX_DECOMPRESSED_CHART_SIZE;
  for (const e of readTar(tarBytes)) {
    // Helm skips directories only; links and the like come through as empty files.
    if (e.type === '5') continue;
    const delimiter = e.name.includes('\\') ? '\\' : '/';
    const parts = e.name.split(delimiter);
    let n = parts.slice(1).join('/');
    if (n.startsWith('/')) throw new ArchiveError('chart illegally contains absolute paths');
    n = cleanPath(n);
    if (n === '.') throw new ArchiveError(`chart illegally contains content outside the base directory: "${e.name}"`);
    if (n.startsWith('..')) throw new ArchiveError('chart illegally references parent directory');
    if (/^[a-zA-Z]:\//.test(n)) throw new ArchiveError('chart contains illegally named files');
    if (parts[0] === 'Chart.yaml') throw new ArchiveError('chart yaml not in base directory');
    if (e.data.length > remaining) {
      throw new ArchiveError(`decompressed chart is larger than the maximum file size ${MAX_DECOMPRESSED_CHART_SIZE}`);
    }
    if (e.data.length > MAX_DECOMPRESSED_FILE_SIZE) {
      throw new ArchiveError(`decompressed chart file "${e.name}" is larger than the maximum file size ${MAX_DECOMPRESSED_FILE_SIZE}`);
    }
    remaining -= e.data.length;
    files.push({ name: n, data: trimBom(e.data) });
  }
  if (files.length === 0) throw new ArchiveError('no files in chart archive');
  return files;
}

/** Writes a minimal ustar archive (for tests and fixtures that build archives on the fly). */
export function writeTar(entries: { name: string; data?: Uint8Array | string; type?: string }[]): Uint8Array {
  const enc = new TextEncoder();
  const blocks: Uint8Array[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : (e.data ?? new Uint8Array());
    const h = new Uint8Array(512);
    const put = (s: string, off: number, len: number) => h.set(enc.encode(s).subarray(0, len), off);
    put(e.name, 0, 100);
    put('0000644\0', 100, 8);
    put('0000000\0', 108, 8);
    put('0000000\0', 116, 8);
    put(data.length.toString(8).padStart(11, '0') + '\0', 124, 12);
    put('00000000000\0', 136, 12);
    put('        ', 148, 8);
    put(e.type ?? '0', 156, 1);
    put('ustar\0', 257, 6);
    put('00', 263, 2);
    let sum = 0;
    for (const b of h) sum += b;
    put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
    blocks.push(h);
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  const total = blocks.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const b of blocks) {
    out.set(b, off);
    off += b.length;
  }
  return out;
}
