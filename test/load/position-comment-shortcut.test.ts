/**
 * buildPositionTree turns away, before parsing, a document sure to have a comment after
 * its content's start (those go to the `yaml` package whatever js-yaml's events say). The
 * shortcut must never turn away a document the parse would have pictured: checked on every
 * document of the corpus's rendered charts and Helm's goldens (skipped without the corpus),
 * and on the shapes of a document's head it must read past.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPositionTree, commentAfterFirstContentLine, positionStats } from '../../src/load/positions.js';
import { splitYamlDocuments } from '../../src/load/split.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

function corpusTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^rendered.*\.yaml$|\.golden$|^output.*\.txt$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  for (const sub of ['charts', 'helm-golden']) if (existsSync(path.join(CORPUS, sub))) walk(path.join(CORPUS, sub));
  return out;
}

describe('the comment shortcut of buildPositionTree', () => {
  it('reads past blank lines, comment lines, directives and a bare --- to the first content line', () => {
    expect(commentAfterFirstContentLine('# head\n\n---\n# more\na: 1\nb: 2\n')).toBe(false);
    expect(commentAfterFirstContentLine('%YAML 1.1\n--- # marker comment\na: 1\n')).toBe(false);
    expect(commentAfterFirstContentLine('a: 1 # on the first content line\nb: 2\n')).toBe(false);
    expect(commentAfterFirstContentLine('a: 1\n# below\nb: 2\n')).toBe(true);
    expect(commentAfterFirstContentLine('a: 1\nb: "x #y" # z\n')).toBe(true);
    expect(commentAfterFirstContentLine('a: 1\nb: x#y\n')).toBe(false);
    expect(commentAfterFirstContentLine('--- {a: 1}\n# below\n')).toBe(true);
  });

  it('is unsure of a document whose first content line starts with a node property', () => {
    // The content may start on a later line, after the comment.
    const text = '!!map\n# about a\na: 1\n';
    expect(commentAfterFirstContentLine(text)).toBe(false);
    expect(buildPositionTree(text)).toBeDefined();
  });

  it('does not parse a document it turns away', () => {
    const before = positionStats.parses;
    expect(buildPositionTree('apiVersion: v1\n# a template comment\nkind: ConfigMap\n')).toBeUndefined();
    expect(positionStats.parses).toBe(before);
    expect(buildPositionTree('apiVersion: v1\nkind: ConfigMap\n')).toBeDefined();
    expect(positionStats.parses).toBe(before + 1);
  });

  const texts = corpusTexts();
  it.skipIf(texts.length === 0)('never turns away a corpus document the parse would picture', () => {
    let turnedAway = 0;
    let documents = 0;
    for (const text of texts) {
      for (const doc of splitYamlDocuments(text)) {
        const body = text.slice(doc.start, doc.end);
        documents++;
        if (!commentAfterFirstContentLine(body)) continue;
        turnedAway++;
        expect(buildPositionTree(body, { precheck: false }), body.slice(0, 200)).toBeUndefined();
      }
    }
    // The corpus exercises it: Helm templates keep their comments.
    expect(turnedAway).toBeGreaterThan(100);
    expect(documents).toBeGreaterThan(turnedAway);
  });
});
