/** The package version, read once from package.json next to dist/. */
import { readFileSync } from 'node:fs';

function read(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      return JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')).version;
    } catch {
      // try the next location (src/ under ts-aware runners, dist/src/ when built)
    }
  }
  return '0.0.0';
}

export const VERSION: string = read();
