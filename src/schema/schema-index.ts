/**
 * Where the generated Kubernetes validators live (schemas/k8s/, written by
 * scripts/gen-k8s-schemas.mjs) and their index: which apiVersion/kind pairs
 * have one. Read on first use only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export interface SchemaIndex {
  /** The package (and version) the validators were generated from. */
  source: string;
  /** apiVersion -> kind -> module under schemas/k8s/. */
  apiVersions: Record<string, Record<string, string>>;
}

let schemasDir: string | undefined;

/**
 * schemas/k8s/ of this package: the nearest one above this module (two levels
 * up from src/schema/, three from dist/src/schema/, wherever a bundler puts it).
 */
export function k8sSchemasDir(): string {
  if (schemasDir !== undefined) return schemasDir;
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'schemas', 'k8s');
    if (existsSync(path.join(candidate, 'index.json'))) return (schemasDir = candidate);
  }
  throw new Error(`Kubernetes schemas not found above ${here} (expected schemas/k8s/index.json)`);
}

let index: SchemaIndex | undefined;

export function schemaIndex(): SchemaIndex {
  return (index ??= JSON.parse(readFileSync(path.join(k8sSchemasDir(), 'index.json'), 'utf8')) as SchemaIndex);
}

/** The module of a built-in kind, or undefined when there is none for that apiVersion/kind. */
export function kindModuleOf(apiVersion: string, kind: string): string | undefined {
  const kinds = schemaIndex().apiVersions[apiVersion];
  return kinds && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
}
