/**
 * Where the template a `# Source:` comment names is on disk, for saved `helm
 * template` output. The comment holds `<chart>/templates/x.yaml`, relative to
 * the directory the chart was rendered from, which the output does not record:
 * it is looked for relative to the working directory, then relative to the
 * rendered file's directory and each directory above it up to the working
 * directory (or the file system root). Only a template found there becomes a
 * related location: a finding never points into a file that does not exist.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from './display.js';

/** A resolver for one lint: source text -> display path of the template, or undefined. */
export type SourceResolver = (source: string) => string | undefined;

export function sourceResolver(cwd: string, renderedFile: string | undefined): SourceResolver {
  const memo = new Map<string, string | undefined>();
  const bases: string[] = [cwd];
  if (renderedFile) {
    for (let dir = path.dirname(path.resolve(cwd, renderedFile)); ; dir = path.dirname(dir)) {
      if (!bases.includes(dir)) bases.push(dir);
      if (dir === cwd || path.dirname(dir) === dir) break;
    }
  }
  return (source) => {
    if (memo.has(source)) return memo.get(source);
    let found: string | undefined;
    if (!path.isAbsolute(source) && !source.split(/[\\/]/).includes('..')) {
      for (const base of bases) {
        const abs = path.resolve(base, source);
        if (isFile(abs)) {
          found = displayPath(cwd, abs);
          break;
        }
      }
    }
    memo.set(source, found);
    return found;
  };
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}
