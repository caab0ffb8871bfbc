/**
 * The directory of this package's package.json, found by walking up from the
 * running module: the same answer from dist/src/** (tsc output) and from
 * dist/bundle/ (the esbuild bundle the CLI runs).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'k8s-todo-lint') return (root = dir);
      } catch {
        // not ours; keep climbing
      }
    }
    dir = path.dirname(dir);
  }
  return (root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));
}
