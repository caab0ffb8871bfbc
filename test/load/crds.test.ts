/** The CRD files of k8s-schema's `crds` option, read by the loader before rules run. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crdInput, readCrdFiles } from '../../src/load/crds.js';

function crdV1(kind = 'Backup', plural = 'backups') {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.todo.example.com` },
    spec: { group: 'todo.example.com', names: { kind, plural }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] },
  };
}

describe('CRD files (the crds option)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-schema-crds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads YAML files and directories, recursively, with several documents and Lists', () => {
    mkdirSync(path.join(dir, 'crds/nested'), { recursive: true });
    writeFileSync(path.join(dir, 'crds/backup.yaml'), `# comment\n---\n${JSON.stringify(crdV1())}\n---\n`);
    const list = { apiVersion: 'v1', kind: 'List', items: [crdV1('Restore', 'restores')] };
    writeFileSync(path.join(dir, 'crds/nested/restore.json'), JSON.stringify(list));
    writeFileSync(path.join(dir, 'crds/README.md'), 'not: [a manifest');
    const files = readCrdFiles(['crds'], dir, dir);
    expect(files.problems).toEqual([]);
    const { catalog } = crdInput([], files);
    expect(catalog.hasKind('todo.example.com', 'Backup')).toBe(true);
    expect(catalog.hasKind('todo.example.com', 'Restore')).toBe(true);
  });

  it('says a missing path does not exist (ENOENT), at that file, relative to the working directory', () => {
    const files = readCrdFiles(['missing.yaml'], dir, path.dirname(dir));
    const shown = `${path.basename(dir)}/missing.yaml`;
    expect(files).toEqual({
      objects: [],
      problems: [{ location: { file: shown, line: 1, column: 1, endLine: 1, endColumn: 1 }, message: `cannot read the CRDs of the crds option: ${shown} does not exist` }],
    });
  });

  it('reads nothing when the option names no file', () => {
    expect(readCrdFiles([], dir, dir)).toEqual({ objects: [], problems: [] });
  });
});
