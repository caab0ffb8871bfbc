/**
 * The user-supplied values of a render, merged as Helm's values.Options
 * does: `-f` files in order (maps merged, later wins), then --set-json,
 * --set, --set-string, --set-file, --set-literal, each flag's values
 * remembering the flag they came from.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { GoMap, ValueOrigin } from '../go/value.js';
import { mergeMaps } from './coalesce.js';
import {
  newMap,
  parseSetFileInto,
  parseSetInto,
  parseSetJsonInto,
  parseSetLiteralInto,
  parseSetStringInto,
} from './strvals.js';
import { readValuesFile, YamlError } from './values-yaml.js';

export interface ValueOptions {
  /** -f/--values files (paths; "-" is standard input). */
  valueFiles?: string[];
  set?: string[];
  setString?: string[];
  setJson?: string[];
  setFile?: string[];
  setLiteral?: string[];
  /** Directory that relative --set-file paths are read from (default: the process's). */
  cwd?: string;
  /** Texts of -f files to use instead of the disk's (an editor's unsaved buffers); undefined: read the disk. */
  overlay?: (path: string) => string | undefined;
}

/**
 * What went wrong with the user's values: a file that cannot be read, a values file that
 * does not parse (with the place of a syntax error), or a --set-style flag that does not parse.
 */
export interface ValuesErrorDetail {
  kind: 'file' | 'parse' | 'flag';
  /** The values file (or --set-file file) as given, for 'file' and 'parse'. */
  file?: string;
  /** The flag and its argument (`--set a[=1`), for 'flag'. */
  flag?: string;
  /** 1-based place of a syntax error in the file, for 'parse'. */
  position?: { line: number; column: number };
  /** The cause without the file or flag ("no such file or directory", the YAML error). */
  reason: string;
}

/** A values error: Helm's message, and its facts as fields so a caller places it without parsing the text. */
export class ValuesError extends Error {
  constructor(
    message: string,
    readonly detail: ValuesErrorDetail = { kind: 'flag', reason: message },
  ) {
    super(message);
  }
}

/** A Go-style message for a file that cannot be read. */
function readError(path: string, e: unknown): ValuesError {
  const code = (e as { code?: string }).code;
  const fail = (verb: string, reason: string) => new ValuesError(`${verb} ${path}: ${reason}`, { kind: 'file', file: path, reason });
  if (code === 'ENOENT') return fail('open', 'no such file or directory');
  if (code === 'EISDIR') return fail('read', 'is a directory');
  if (code === 'EACCES') return fail('open', 'permission denied');
  return fail('open', (e as Error).message);
}

function readText(path: string, stdin: () => string, overlay?: ValueOptions['overlay']): string {
  if (path.trim() === '-') return stdin();
  try {
    return overlay?.(path) ?? readFileSync(path, 'utf8');
  } catch (e) {
    throw readError(path, e);
  }
}

/** A --set-file value: the file's text, read relative to cwd, errors naming the path as written. */
function readFileValue(path: string, cwd: string | undefined, stdin: () => string): string {
  if (path.trim() === '-' || cwd === undefined || isAbsolute(path)) return readText(path, stdin);
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (e) {
    throw readError(path, e);
  }
}

function flagOrigin(flag: string, arg: string): ValueOrigin {
  return { file: '<command line>', line: 1, column: 1, flag: `${flag} ${arg}` };
}

/** values.Options.MergeValues. */
export function mergeValueOptions(opts: ValueOptions, stdin: () => string = () => readFileSync(0, 'utf8')): GoMap {
  let base = newMap();
  for (const file of opts.valueFiles ?? []) {
    const text = readText(file, stdin, opts.overlay);
    let current: GoMap;
    try {
      current = readValuesFile(text, file);
    } catch (e) {
      if (e instanceof YamlError) {
        throw new ValuesError(`failed to parse ${file}: ${e.message}`, { kind: 'parse', file, reason: e.message, ...(e.position ? { position: e.position } : {}) });
      }
      throw e;
    }
    base = mergeMaps(base, current);
  }
  for (const v of opts.setJson ?? []) {
    try {
      parseSetJsonInto(v, base, flagOrigin('--set-json', v));
    } catch (e) {
      throw new ValuesError(`failed parsing --set-json data ${v}`, { kind: 'flag', flag: `--set-json ${v}`, reason: (e as Error).message });
    }
  }
  const wrap = (what: string, v: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      throw new ValuesError(`failed parsing ${what} data: ${(e as Error).message}`, { kind: 'flag', flag: `${what} ${v}`, reason: (e as Error).message });
    }
  };
  for (const v of opts.set ?? []) wrap('--set', v, () => parseSetInto(v, base, flagOrigin('--set', v)));
  for (const v of opts.setString ?? []) wrap('--set-string', v, () => parseSetStringInto(v, base, flagOrigin('--set-string', v)));
  for (const v of opts.setFile ?? []) {
    wrap('--set-file', v, () =>
      parseSetFileInto(v, base, (p) => readFileValue(p, opts.cwd, stdin), flagOrigin('--set-file', v)),
    );
  }
  for (const v of opts.setLiteral ?? []) wrap('--set-literal', v, () => parseSetLiteralInto(v, base, flagOrigin('--set-literal', v)));
  return base;
}
