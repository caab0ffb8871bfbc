/**
 * The custom resource definitions k8s-schema validates custom resources
 * against: the files of its `crds` option, read once per lint before rules
 * run, and the CustomResourceDefinitions of the input, put together into one
 * CrdCatalog per resource set. A file that cannot be read becomes a problem
 * the rule reports (at that file), not an exception.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Resource } from '../engine/resource.js';
import type { CrdInput } from '../engine/rule.js';
import { isRegularFile } from './read.js';
import { CrdCatalog } from '../schema/crd.js';
import type { Location } from '../types.js';
import { displayPath } from './display.js';

const require = createRequire(import.meta.url);

/** The objects of the `crds` option's files, and why reading stopped early, if it did. */
export interface CrdFiles {
  objects: Record<string, any>[];
  problems: { location: Location; message: string }[];
}

/** Reads CRDs from files and directories (YAML or JSON, recursively), relative to `baseDir`; stops at the first file that cannot be read. */
export function readCrdFiles(paths: readonly string[], baseDir: string, cwd: string): CrdFiles {
  const out: CrdFiles = { objects: [], problems: [] };
  if (paths.length === 0) return out;
  const yaml = require('js-yaml') as { loadAll(text: string): unknown[] };
  const files: string[] = [];
  // A file named explicitly is read whatever its extension; in directories, YAML and JSON files only.
  const visit = (p: string, explicit: boolean) => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name), false);
    } else if (explicit || (/\.(ya?ml|json)$/i.test(p) && isRegularFile(p))) {
      files.push(p);
    }
  };
  try {
    for (const p of paths) visit(path.resolve(baseDir, p), true);
    for (const file of files) {
      for (const doc of yaml.loadAll(readFileSync(file, 'utf8'))) {
        const d = doc as Record<string, any> | null;
        if (d && d.kind === 'List' && Array.isArray(d.items)) for (const item of d.items) out.objects.push(item);
        else if (d) out.objects.push(d);
      }
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const file = err.path ? displayPath(cwd, err.path) : paths.join(', ');
    out.problems.push({
      location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
      message: `cannot read the CRDs of the crds option: ${err.code === 'ENOENT' ? `${file} does not exist` : err.message}`,
    });
  }
  return out;
}

/** The CRDs of a resource set: its own CustomResourceDefinitions first, then those read from files. */
export function crdInput(resources: readonly Resource[], files: CrdFiles): CrdInput {
  return crdCatalogInput(resources.filter((r) => r.kind === 'CustomResourceDefinition').map((r) => r.object), files);
}

/** The same from the CRD objects alone (as a worker thread or the cache hands them over). */
export function crdCatalogInput(objects: readonly Record<string, any>[], files: CrdFiles): CrdInput {
  const catalog = new CrdCatalog();
  for (const o of objects) catalog.add(o);
  for (const o of files.objects) catalog.add(o);
  return { catalog, problems: files.problems };
}
