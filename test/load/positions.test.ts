/**
 * Positions from js-yaml's listener (src/load/positions.ts) must be exactly the
 * ones the `yaml` package gives (the fallback, and what every position test and
 * .expected.json was written against): every path of every fixture document,
 * values and keys, missing paths too, compared one by one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DocumentLocator, locateStats } from '../../src/load/locate.js';
import { isJsSpace } from '../../src/load/positions.js';
import { splitYamlDocuments } from '../../src/load/split.js';
import { YAML11_SCHEMA } from '../../src/load/yaml11-schema.js';
import type { PathSegment } from '../../src/types.js';

/** Every path in a value, plus one missing key (and a missing path below it) per mapping and one past each list. */
function pathsOf(v: unknown, base: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(base);
  if (Array.isArray(v)) {
    v.forEach((x, i) => pathsOf(x, [...base, i], out));
    out.push([...base, v.length]);
  } else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) pathsOf((v as Record<string, unknown>)[k], [...base, k], out);
    out.push([...base, 'no-such-key'], [...base, 'no-such-key', 'below']);
  } else {
    out.push([...base, 'below-a-scalar']);
  }
  return out;
}

/** The differences between the two locators over every path of `text` (one document). */
function differences(text: string): string[] {
  const value = yaml.load(text, { schema: YAML11_SCHEMA, json: true });
  const fast = new DocumentLocator(text);
  const full = new DocumentLocator(text, 'yaml');
  const out: string[] = [];
  if (JSON.stringify(fast.start()) !== JSON.stringify(full.start())) out.push(`start: ${JSON.stringify(fast.start())} vs ${JSON.stringify(full.start())}`);
  for (const p of pathsOf(value)) {
    for (const target of ['value', 'key'] as const) {
      const a = JSON.stringify(fast.locate(p, target));
      const b = JSON.stringify(full.locate(p, target));
      if (a !== b) out.push(`${JSON.stringify(p)} ${target}: ${a} vs ${b}`);
    }
  }
  return out;
}

const EDGE_CASES: Record<string, string> = {
  'block scalars, multi-line plain and quoted strings': 'a: |\n  one\n  two\n\nb: >-\n  folded\n  text\nc: plain\n  continued\n  here\nd: "double\n  quoted"\ne: \'single\'\nf: |+\n  kept\n\n\ng: last\n',
  'aliases and merge keys': 'base: &base\n  x: 1\n  y: [1, 2]\nother:\n  <<: *base\n  z: *base\nlist:\n  - &item {a: 1}\n  - *item\nscalar: &s value\nagain: *s\n',
  'empty values and nulls': 'a:\nb: ~\nc: null\nd:\n  e:\nf: []\ng: {}\nh:   \nlast:',
  'flow collections': 'a: {b: 1, c: [x, y, {d: e}], "q k": v}\nseq: [ {key: app, operator: In, values: [x]} , b ]\nmulti: [a,\n  b,\n  c]\n',
  'sequences of every shape': 'top:\n- a\n- b: 1\n  c: 2\n- - nested\n  - more\n-   spaced\nindented:\n  - x\n  -   y: 1\n',
  'keys of every style': '"quoted": 1\n\'single\': 2\nyes: 3\n1.10: 4\n0x10: 5\n~: 6\nplain key: 7\n? |\n  block\n: 8\n',
  'tags and anchors on their own line': 'a: !!str 5\nb: &anc\n  c: 1\nd: !!map\n  e: 2\nf: &x !!str tagged\ng: *x\n',
  'no trailing newline': 'apiVersion: v1\nkind: ConfigMap\ndata:\n  k: v',
  'CRLF line endings': 'apiVersion: v1\r\nkind: ConfigMap\r\ndata:\r\n  k: v\r\n  m: |\r\n    x\r\n',
  'tabs and trailing blanks': 'a: 1\t\nb:\t\t\nc: x   \nd:\n  - e  \n',
  'comments': 'a: 1 # c\nb:\n  c: 2\n  # trailing\nd: [1] # x\n',
  'comments that yaml counts into the ends of collections': 'a:\n  b:\n    c: 1\n      # the value keeps it\n    # the inner mapping keeps it\n  # and this one\n# not this one\ne: &y\n  f: 1\nd:\n  - x: *y # e\n  # c\ng:\n  f: # empty\n# kept by the empty value\n',
  'a document marker and a Source comment': '---\n# Source: chart/templates/x.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: x\n',
  'unicode': 'a: "ünïcødé 🎉"\nb: 🎉 emoji\nc:\n  - ✓\n',
  'a mapping of more keys than the index threshold': Array.from({ length: 40 }, (_, i) => `k${i % 30}: v${i}\n`).join(''),
};

describe('positions from js-yaml events', () => {
  it('trim what /\\s/ matches, code unit by code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  for (const [name, text] of Object.entries(EDGE_CASES)) {
    it(`match the yaml package's: ${name}`, () => {
      expect(differences(text)).toEqual([]);
    });
  }

  it('match the yaml package\'s on every document of the rule fixtures and examples', () => {
    const root = path.resolve(__dirname, '../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(name)) files.push(p);
      }
    };
    walk(path.join(root, 'fixtures/rules'));
    walk(path.join(root, 'examples'));
    let fast = 0;
    const diffs: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const chunk of splitYamlDocuments(text)) {
        const doc = text.slice(chunk.start, chunk.end);
        try {
          yaml.load(doc, { schema: YAML11_SCHEMA, json: true });
        } catch {
          continue;
        }
        if (new DocumentLocator(doc).fast) fast++;
        diffs.push(...differences(doc).map((d) => `${path.relative(root, file)}:${chunk.line + 1} ${d}`));
      }
    }
    expect(diffs.slice(0, 20)).toEqual([]);
    expect(fast).toBeGreaterThan(100);
  });

  it('take the fast path for plain and commented documents, and the yaml package only for shapes the tree leaves to it', () => {
    expect(new DocumentLocator('# Source: x\napiVersion: v1\nkind: A\n').fast).toBe(true);
    expect(new DocumentLocator('apiVersion: v1\nkind: A # why\n').fast).toBe(true);
    expect(new DocumentLocator('a:\n  b: 1\n    # below\n# at column 0\nc: 2\n').fast).toBe(true);
    expect(new DocumentLocator('a: "#not a comment"\nb: x#y\n').fast).toBe(true);
    expect(new DocumentLocator('? explicit\n: key\n').fast).toBe(false);
    expect(new DocumentLocator('a:\n- 1\n-\n- 3\n').fast).toBe(false);
  });

  it('place findings in a 100,000-key mapping with one parse and one key index (linear, not a scan per key)', () => {
    const n = 100_000;
    let text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n';
    for (let i = 0; i < n; i++) text += `  KEY_${i}: v${i}\n`;
    const before = { ...locateStats };
    const loc = new DocumentLocator(text);
    for (let i = 0; i < n; i += 1) loc.locate(['data', `KEY_${i}`]);
    expect(loc.locate(['data', 'KEY_99999'])).toMatchObject({ line: n + 3, column: 14 });
    expect(locateStats.trees - before.trees).toBe(1);
    expect(locateStats.yamlParses - before.yamlParses).toBe(0);
    expect(locateStats.mapIndexes - before.mapIndexes).toBe(1);
  });

  it('index a big mapping on the yaml fallback path too', () => {
    let text = '? an explicit key sends this to the yaml package\n: x\ndata:\n';
    for (let i = 0; i < 1000; i++) text += `  K${i}: v # c\n`;
    const before = { ...locateStats };
    const loc = new DocumentLocator(text);
    for (let i = 0; i < 1000; i++) loc.locate(['data', `K${i}`]);
    expect(locateStats.yamlParses - before.yamlParses).toBe(1);
    expect(locateStats.mapIndexes - before.mapIndexes).toBe(1);
  });
});
