/**
 * The position tree pictures commented documents exactly as the `yaml` package ranges them
 * (src/load/positions.ts, blockEnd): `yaml` counts comments into the ends of the nodes they
 * follow, by their indentation. Checked node by node (every key, value and item, ranges
 * trimmed as findings carry them) against `yaml` itself on every document of the corpus's
 * rendered charts and Helm goldens (skipped without the corpus), of the fixtures and
 * examples, and on generated commented documents; and placing every finding of the corpus
 * charts needs no `yaml` parse.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { locateStats } from '../../src/load/locate.js';
import { buildPositionTree, isJsSpace, type PositionNode } from '../../src/load/positions.js';
import { splitYamlDocuments } from '../../src/load/split.js';
import { YAML11_SCHEMA } from '../../src/load/yaml11-schema.js';
import { mulberry32 } from '../support/seeded-random.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** The documents of every file under `dir` whose name passes. */
function documentsUnder(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (name.test(e.name)) {
        const text = readFileSync(p, 'utf8');
        for (const c of splitYamlDocuments(text)) out.push(text.slice(c.start, c.end));
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/**
 * How the tree differs from `yaml`'s ranges, node by node: undefined when the tree turns the
 * document away (to `yaml`), [] when every node matches.
 */
function treeDifferences(text: string): string[] | undefined {
  const tree = buildPositionTree(text);
  if (!tree) return undefined;
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, merge: true, strict: false });
  const trim = (s: number, e: number) => {
    while (e > s && isJsSpace(text.charCodeAt(e - 1))) e--;
    return `${s}-${e}`;
  };
  const out: string[] = [];
  const compare = (a: PositionNode | undefined, b: unknown, at: string): void => {
    if (out.length > 10) return;
    const n = b as YamlNode | null;
    if (!a || !n) {
      if (a || n) out.push(`${at}: ${a ? 'tree has a node' : 'tree has none'}`);
      return;
    }
    const mine = trim(a.start, a.end);
    const theirs = n.range ? trim(n.range[0], n.range[1]) : '?';
    if (mine !== theirs) out.push(`${at}: ${mine} ${JSON.stringify(text.slice(a.start, a.end))} vs ${theirs} ${JSON.stringify(n.range ? text.slice(n.range[0], n.range[1]) : '')}`);
    if (a.kind === 'map') {
      if (!isMap(n) || n.items.length !== a.keys.length) return void out.push(`${at}: map of ${a.keys.length} vs ${isMap(n) ? n.items.length : 'no map'}`);
      n.items.forEach((p, i) => {
        if (!isPair(p)) return;
        compare(a.keys[i], p.key, `${at}.key${i}`);
        compare(a.values[i], p.value, `${at}.${String(a.keyNames[i][0])}`);
      });
    } else if (a.kind === 'seq') {
      if (!isSeq(n) || n.items.length !== a.items.length) return void out.push(`${at}: seq of ${a.items.length} vs ${isSeq(n) ? n.items.length : 'no seq'}`);
      n.items.forEach((item, i) => compare(a.items[i], item, `${at}[${i}]`));
    } else if (a.kind === 'alias' ? !isAlias(n) : !isScalar(n)) {
      out.push(`${at}: ${a.kind} vs another kind`);
    }
  };
  compare(tree.root, doc.contents, '$');
  return out;
}

/** Whether js-yaml reads the document (one the lint would place findings in). */
function parses(text: string): boolean {
  try {
    yaml.load(text, { schema: YAML11_SCHEMA, json: true });
    return true;
  } catch {
    return false;
  }
}

/** Whether a comment (`#` at a line start or after a blank) follows the first content line. */
function commented(text: string): boolean {
  return /\n[ \t]*#|[ \t]#/.test(text.replace(/^(?:[ \t]*(?:#.*)?\r?\n|---.*\n)*[^\n]*/, ''));
}

/**
 * A random block document with comments everywhere `yaml` might count them into a node: after
 * values on their line, on lines of their own at every indentation between and after entries,
 * with blank lines, after empty values, block scalars, flow collections and aliases.
 */
function generate(seed: number): string {
  const r = mulberry32(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const lines: string[] = [];
  let anchors = 0;
  const sp = (n: number) => ' '.repeat(n);
  const comments = (maxIndent: number) => {
    while (r() < 0.35) {
      if (r() < 0.25) lines.push(r() < 0.5 ? '' : sp(Math.floor(r() * 6)));
      else lines.push(`${sp(Math.floor(r() * (maxIndent + 6)))}# c${lines.length}${r() < 0.2 ? '  ' : ''}`);
    }
  };
  const eol = () => (r() < 0.25 ? ` # e${lines.length}` : '');
  /** A value after `head` (a key and `:`, or a `-`: never empty, the tree leaves empty entries to `yaml`); nested block content at `indent`. */
  const value = (head: string, indent: number, depth: number): void => {
    let k = depth > 4 ? Math.floor(r() * 5) : Math.floor(r() * 11);
    if (k === 1 && head.endsWith('-')) k = 0;
    if (k === 0) lines.push(`${head}${pick([' ', ' ', '   '])}${pick(['v', 'two words', '"dq #x"', "'sq'", '12', 'true', '~', '""', '!!str 5', '"multi\n' + sp(indent + 2) + 'line"'])}${eol()}`);
    else if (k === 1) lines.push(`${head}${eol()}`);
    else if (k === 2) {
      lines.push(`${head} ${pick(['|', '|-', '>', '|+', '>-'])}${r() < 0.15 ? ' # h' : ''}`);
      lines.push(`${sp(indent + 2)}line one`, ...(r() < 0.5 ? [`${sp(indent + 2)}line two`] : []), ...(r() < 0.3 ? [''] : []));
    } else if (k === 3) {
      if (r() < 0.7) lines.push(`${head} ${pick(['[a, b]', '{x: 1, y: [2]}', '[]', '{}', '[*a0]'.replace('*a0', anchors ? '*a0' : 'z')])}${eol()}`);
      else lines.push(`${head} [a, # in flow`, `${sp(indent + 2)}b]${eol()}`);
    }
    else if (k === 4) {
      if (anchors > 0 && r() < 0.5) lines.push(`${head} *a${Math.floor(r() * anchors)}${eol()}`);
      else lines.push(`${head} &a${anchors++} anchored${eol()}`);
    } else if (k === 5) lines.push(`${head} plain${eol() ? '' : ''}`, `${sp(indent + 2)}continued`);
    else if (k <= 8) {
      lines.push(`${head}${r() < 0.2 ? ` &a${anchors++}` : ''}${eol()}`);
      comments(indent);
      mapping(indent + pick([2, 2, 4]), depth + 1);
    } else {
      lines.push(`${head}${eol()}`);
      comments(indent);
      sequence(head.endsWith('-') ? indent + 2 : pick([indent, indent + 2]), depth + 1);
    }
  };
  const mapping = (indent: number, depth: number, first?: string): void => {
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      const key = pick([`k${i}`, `k${i}`, `"k${i}"`, `'k ${i}'`]);
      const head = i === 0 && first !== undefined ? `${first}${key}:` : `${sp(indent)}${key}:`;
      value(head, indent, depth);
      comments(indent);
    }
  };
  const sequence = (indent: number, depth: number): void => {
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const k = Math.floor(r() * 4);
      if (k === 0 || depth > 4) value(`${sp(indent)}-`, indent, depth);
      else if (k === 1) {
        const gap = pick([1, 1, 3]);
        mapping(indent + 1 + gap, depth + 1, `${sp(indent)}-${sp(gap)}`);
      }
      else if (k === 2) {
        lines.push(`${sp(indent)}- - nested${eol()}`);
        lines.push(`${sp(indent + 2)}- more${eol()}`);
      } else value(`${sp(indent)}-`, indent, depth + 1);
      comments(indent);
    }
  };
  if (r() < 0.3) lines.push('# Source: chart/templates/x.yaml');
  if (r() < 0.2) lines.push('---');
  mapping(0, 0);
  const text = lines.join('\n') + (r() < 0.8 ? '\n' : '');
  return r() < 0.1 ? text.replace(/\n/g, '\r\n') : text;
}

describe('positions of commented documents', () => {
  it('match the yaml package on hand-picked shapes', () => {
    const cases = [
      'a:\n  b: 1\n  # at the entries\nd: 2\n',
      'a:\n  b: 1\n    # deeper: the value keeps it\nd: 2\n',
      'a:\n  b: 1\n# at column 0\nd: 2\n',
      'a:\n  b: 1 # on its line\n',
      'a:\n  - 1\n  # c\nd: 2\n',
      'a:\n- 1\n# c\n',
      'a:\n  b: 1\n\n  # c\n\n',
      'a:\n  b: # c\n  # d\nx: 1\n',
      'a:\n  b:\n    # d\n  # e\n',
      'a:\n  b: |\n    t\n   # c\n  # d\n',
      'a:\n  b: [1] # c\n    # d\n  # e\n',
      'a:\n  - b: 1\n    # c\n  # d\n# e\n',
      'a:\n  b:\n    c: 1\n  # x\n',
      'a:\n  b:\n    c: *x\n      # y\n    # z\n  # w\n',
    ];
    for (const text of cases) expect(treeDifferences(`x: &x 0\n${text}`), text).toEqual([]);
  });

  it('match the yaml package on 3,000 generated commented documents', () => {
    let pictured = 0;
    let parsed = 0;
    const failures: string[] = [];
    for (let seed = 1; seed <= 3000; seed++) {
      const text = generate(seed);
      if (!parses(text)) continue;
      parsed++;
      const diffs = treeDifferences(text);
      if (diffs === undefined) continue;
      pictured++;
      if (diffs.length > 0 && failures.length < 5) failures.push(`seed ${seed}:\n${text}\n${diffs.join('\n')}`);
    }
    expect(failures).toEqual([]);
    expect(parsed).toBeGreaterThan(2900);
    expect(pictured).toBe(parsed);
  });

  it('match the yaml package on every document of the fixtures and examples', () => {
    const docs = [...documentsUnder(path.join(ROOT, 'fixtures'), /\.ya?ml$/), ...documentsUnder(path.join(ROOT, 'examples'), /\.ya?ml$/)];
    const failures: string[] = [];
    let withComments = 0;
    for (const text of docs) {
      if (!parses(text)) continue;
      const diffs = treeDifferences(text);
      if (diffs !== undefined && commented(text)) withComments++;
      if (diffs && diffs.length > 0 && failures.length < 5) failures.push(`${text.slice(0, 300)}\n${diffs.join('\n')}`);
    }
    expect(failures).toEqual([]);
    expect(withComments).toBeGreaterThan(10);
  });

  const corpus = [...documentsUnder(path.join(CORPUS, 'charts'), /^rendered.*\.yaml$/), ...documentsUnder(path.join(CORPUS, 'helm-golden'), /\.golden$|^output.*\.txt$/)];
  it.skipIf(corpus.length === 0)('match the yaml package on every document of the corpus, and picture all of them', () => {
    const failures: string[] = [];
    const turnedAway: string[] = [];
    let withComments = 0;
    for (const text of corpus) {
      if (!parses(text)) continue;
      const diffs = treeDifferences(text);
      if (diffs === undefined) {
        if (/\S/.test(text.replace(/#.*|---/g, ''))) turnedAway.push(text.slice(0, 200));
        continue;
      }
      if (commented(text)) withComments++;
      if (diffs.length > 0 && failures.length < 5) failures.push(`${text.slice(0, 300)}\n${diffs.join('\n')}`);
    }
    expect(failures).toEqual([]);
    expect(turnedAway).toEqual([]);
    expect(withComments).toBeGreaterThan(100);
  });
});

const CHARTS = path.join(CORPUS, 'charts');
describe.skipIf(!existsSync(CHARTS))('placing the findings of the corpus charts', () => {
  it('needs no yaml parse: every rendered document with findings gets a position tree', async () => {
    const before = { ...locateStats };
    let findings = 0;
    for (const name of readdirSync(CHARTS).sort()) {
      const dir = path.join(CHARTS, name);
      if (!existsSync(path.join(dir, 'chart', 'Chart.yaml'))) continue;
      const result = await lint({ paths: [path.join(dir, 'chart')], cwd: dir, threads: 1, config: {} });
      findings += result.findings.length;
    }
    // 1,214 findings in 772 documents when this was written.
    expect(findings).toBeGreaterThan(1000);
    expect(locateStats.trees - before.trees).toBeGreaterThan(500);
    expect(locateStats.yamlParses - before.yamlParses).toBe(0);
  }, 300_000);
});
