/**
 * The import rules of src/helm (see src/helm/README.md): the layers
 * go <- template, yaml <- sprig <- chart <- index.ts, no import cycles inside
 * src/helm, nothing imported from outside src/helm but Node's built-ins and
 * the engine's own packages, and the rest of the linter enters through the
 * front door only.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const helm = join(root, 'src/helm');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The module specifiers a file imports or re-exports (type-only imports included). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*'([^']+)'|(?:^|\n)\s*import\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
  return [...text.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** What a relative specifier points at, as a path relative to the repository root with .ts. */
function target(file: string, spec: string): string {
  return relative(root, resolve(dirname(file), spec)).split(sep).join('/').replace(/\.js$/, '.ts');
}

/** The layer of a file of src/helm: its folder, or 'index' for the front door. */
function layer(rel: string): string {
  const parts = rel.split('/');
  return parts.length === 3 ? 'index' : parts[2];
}

/** Which layers each layer may import (its own is always allowed). */
const MAY_IMPORT: Record<string, string[]> = {
  go: [],
  template: ['go'],
  yaml: ['go'],
  sprig: ['go', 'template', 'yaml'],
  chart: ['go', 'template', 'yaml', 'sprig'],
  index: ['go', 'template', 'yaml', 'sprig', 'chart'],
};
/** Packages the engine may use (everything else it needs is in src/helm). */
const PACKAGES = ['yaml', 'js-yaml', 'smol-toml', 're2js', 'bcryptjs', 'ajv', 'ajv/dist/2019.js', 'ajv/dist/2020.js'];

const files = tsFiles(helm).map((f) => ({ file: f, rel: relative(root, f).split(sep).join('/') }));

describe('src/helm import rules', () => {
  it('each layer imports only the layers below it', () => {
    const wrong: string[] = [];
    for (const { file, rel } of files) {
      for (const spec of specifiers(file)) {
        if (!spec.startsWith('.')) continue;
        const to = target(file, spec);
        if (!to.startsWith('src/helm/')) continue;
        const [from, into] = [layer(rel), layer(to)];
        if (from !== into && !MAY_IMPORT[from].includes(into)) wrong.push(`${rel} -> ${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('imports nothing outside src/helm but node: built-ins and its packages', () => {
    const wrong: string[] = [];
    for (const { file, rel } of files) {
      for (const spec of specifiers(file)) {
        if (spec.startsWith('node:')) continue;
        if (spec.startsWith('.') ? target(file, spec).startsWith('src/helm/') : PACKAGES.includes(spec)) continue;
        wrong.push(`${rel} -> ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map(({ file, rel }) => [rel, specifiers(file).filter((s) => s.startsWith('.')).map((s) => target(file, s))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('is reached from the rest of src/ only through its front door, src/helm/index.ts', () => {
    const wrong: string[] = [];
    for (const file of tsFiles(join(root, 'src'))) {
      const rel = relative(root, file).split(sep).join('/');
      if (rel.startsWith('src/helm/')) continue;
      for (const spec of specifiers(file)) {
        if (!spec.startsWith('.')) continue;
        const to = target(file, spec);
        if (to.startsWith('src/helm/') && to !== 'src/helm/index.ts') wrong.push(`${rel} -> ${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
