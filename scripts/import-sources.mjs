// For the benchmark scripts: imports TypeScript sources of this repository without a build,
// by bundling an entry (ESM export lines, paths relative to the repository root) with esbuild
// into a temporary module.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function importSources(contents) {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-todo-lint-bench-'));
  const outfile = join(dir, 'entry.mjs');
  try {
    await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
