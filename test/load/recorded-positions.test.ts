/**
 * Positions recorded during the first parse (src/load/positions.ts recordPositions): a
 * document's findings are placed from the node offsets js-yaml reported as it parsed the
 * document for its values, with no second parse; the record is a span of a shared block,
 * dropped when the document is released, so a stream's batch takes its records with it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/lint.js';
import { streamSettings } from '../../src/lint-units.js';
import { loadYamlDocument, parseManifestText, type TextDocument } from '../../src/load/documents.js';
import { DocumentLocator, locateStats } from '../../src/load/locate.js';
import { buildPositionTree, recordPositions } from '../../src/load/positions.js';
import { RULES } from '../../rules/index.js';
import type { CheckedRule } from '../../src/engine/rule.js';

const defaults = { ...streamSettings };
afterEach(() => {
  Object.assign(streamSettings, defaults);
  vi.restoreAllMocks();
});

const TEXT = Array.from({ length: 40 }, (_, i) => `---\n# Source: c${i}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i} # the name\n  labels: {app: x}\ndata:\n  K${i}: v\n    # below the value\n  # at the entries\n`).join('');

describe('positions recorded while parsing', () => {
  it('place every finding of a parsed document without parsing it again', () => {
    const parsed = parseManifestText(TEXT, 'a.yaml', { defaultNamespace: 'default' });
    expect(parsed.resources).toHaveLength(40);
    const load = vi.spyOn(yaml, 'load');
    const before = { ...locateStats };
    for (const [i, r] of parsed.resources.entries()) {
      expect((r.doc as TextDocument).positions).toBeDefined();
      expect(r.doc.locate(['data', `K${i}`]).location).toMatchObject({ line: i * 11 + 9, column: 5 + `K${i}`.length, endLine: i * 11 + 9, endColumn: 6 + `K${i}`.length });
      // The mapping ends at the comment `yaml` counts into its last value.
      expect(r.doc.locate(['data']).location).toMatchObject({ line: i * 11 + 9, column: 3, endLine: i * 11 + 10, endColumn: 22 });
      expect(r.doc.locate(['metadata', 'name']).location).toMatchObject({ line: i * 11 + 6, column: 9 });
    }
    expect(load).not.toHaveBeenCalled();
    expect(locateStats.recorded - before.recorded).toBe(40);
    expect(locateStats.trees - before.trees).toBe(40);
    expect(locateStats.yamlParses - before.yamlParses).toBe(0);
  });

  it('give the tree a parse of its own gives, also for a document with a repeated key', () => {
    for (const text of [TEXT.split('---\n')[3], 'a: 1\nb:\n  c: [x, {y: *z}]\na: 2\n'.replace('*z', 'z'), 'l:\n- &a {k: v}\n- *a\n- - n\n  - m\n']) {
      const loaded = loadYamlDocument(text);
      expect(loaded.positions).toBeDefined();
      expect(buildPositionTree(text, loaded.positions)).toEqual(buildPositionTree(text));
    }
    expect(loadYamlDocument('a: 1\na: 2\n').duplicate).toBeDefined();
  });

  it('record nothing for a parse that throws, and free the slots of a parse of its own', () => {
    const first = recordPositions(() => 1).positions;
    expect(() => recordPositions((listener) => yaml.load('a: [1\n', { listener } as yaml.LoadOptions))).toThrow();
    buildPositionTree('a: 1\nb: 2\n');
    const next = recordPositions((listener) => yaml.load('x: 1\n', { listener } as yaml.LoadOptions)).positions;
    // Nothing was left behind by the failed parse or the locator's own parse: the next record follows the first.
    expect(next.events).toBe(first.events);
    expect(next.from).toBe(first.to);
    expect(next.to - next.from).toBe(6); // three nodes: the mapping, its key and its value
  });

  it('fall back to the yaml package for a shape the tree leaves to it, record or not', () => {
    const text = '? explicit\n: key\nk: v\n';
    const before = locateStats.yamlParses;
    const loc = new DocumentLocator(text, 'auto', loadYamlDocument(text).positions);
    expect(loc.locate(['k'])).toMatchObject({ line: 3, column: 4 });
    expect(loc.fast).toBe(false);
    expect(locateStats.yamlParses - before).toBe(1);
  });

  it('are dropped when the document is released, or once its locator took them', () => {
    const parsed = parseManifestText(TEXT, 'a.yaml', { defaultNamespace: 'default' });
    const [a, b] = parsed.resources.map((r) => r.doc as TextDocument);
    a.release();
    expect(a.positions).toBeUndefined();
    b.locate(['kind']);
    expect(b.positions).toBeUndefined();
  });
});

describe('a stream of raw manifests', () => {
  it("releases each batch's records with the batch: no document of an earlier batch holds one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'k8s-todo-lint-records-'));
    try {
      // One rule, which reports on every third document: the others are never located.
      writeFileSync(path.join(dir, 'all.yaml'), TEXT.replace(/K(\d+): v/g, (all, i) => (Number(i) % 3 ? all : `PASSWORD: hunter2${i}`)));
      Object.assign(streamSettings, { wholeUpTo: 0, batchSize: 8 });
      const rule = RULES.find((r) => r.meta.id === 'configmap-no-secrets') as CheckedRule<any>;
      const check = rule.check;
      const earlier: TextDocument[] = [];
      const held: number[] = [];
      const leaked: number[] = [];
      rule.check = (ctx) => {
        leaked.push(earlier.filter((d) => d.positions !== undefined).length);
        const docs = ctx.resources.map((r) => r.doc as TextDocument);
        held.push(docs.filter((d) => d.positions !== undefined).length);
        check(ctx);
        earlier.push(...docs);
      };
      try {
        const config = { rules: { ...Object.fromEntries(RULES.map((r) => [r.meta.id, 'off' as const])), 'configmap-no-secrets': 'error' as const } };
        const result = await lint({ paths: [path.join(dir, 'all.yaml')], cwd: dir, config });
        expect(result.summary.resources).toBe(40);
        expect(result.findings).toHaveLength(14);
      } finally {
        rule.check = check;
      }
      // Each batch arrives with its records and finds none of the batches before it holding one.
      expect(held.reduce((x, y) => x + y, 0)).toBe(40);
      expect(leaked.length).toBeGreaterThan(3);
      expect(leaked.every((n) => n === 0)).toBe(true);
      expect(earlier.filter((d) => d.positions !== undefined)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
