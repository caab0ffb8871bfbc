/** How findings name files: relative to the working directory, with `/`, whatever the platform. */
import path from 'node:path';

/** The display path of `abs`: relative to `cwd` with `/` separators (its base name when it is `cwd` itself). */
export function displayPath(cwd: string, abs: string): string {
  return path.relative(cwd, abs).split(path.sep).join('/') || path.basename(abs);
}
