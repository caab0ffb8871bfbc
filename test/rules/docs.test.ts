/**
 * Every registered rule has its documentation page, fixtures and test file,
 * and each page's examples do what the page says: the failing example (the
 * block after `<!-- expect: N -->`, N > 0) gives exactly N findings of the
 * rule, the passing one (`<!-- expect: 0 -->`) none. Examples are linted with
 * the rule turned on (rolling-update-strategy is off by default).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../src/lint.js';
import { RULES } from '../../rules/index.js';
import { ResourceIndex } from '../../src/engine/resource-index.js';
import type { Report } from '../../src/engine/rule.js';
import { rule as chartMetadata } from '../../rules/chart-metadata.js';
import { chartFacts } from '../../src/load/chart-facts.js';
import { FIXTURES } from '../support/rule-tester.js';
import { emptyRuleInputs } from '../support/rule-inputs.js';
import { gitRepo } from '../support/git-repo.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = path.join(ROOT, 'docs/rules');
const TESTS = path.join(ROOT, 'test/rules');

interface Example { expect: number; text: string; line: number }

/** The yaml blocks of a page that follow an `<!-- expect: N -->` line. */
export function examplesOf(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^<!-- expect: (\d+) -->$/.exec(lines[i].trim());
    if (!m) continue;
    if (lines[i + 1]?.trim() !== '```yaml') throw new Error(`line ${i + 1}: an expect marker must be right before a \`\`\`yaml block`);
    const end = lines.findIndex((l, j) => j > i + 1 && l.trim() === '```');
    if (end === -1) throw new Error(`line ${i + 2}: unterminated block`);
    out.push({ expect: Number(m[1]), text: lines.slice(i + 2, end).join('\n') + '\n', line: i + 2 });
  }
  return out;
}

/** Rules about what git tracks: their examples are staged in a git repository of their own. */
const GIT_RULES: ReadonlySet<string> = new Set(['no-committed-secrets']);

const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-docs-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));
let seq = 0;

/** Writes an example (a manifest, or a chart when it has `# file:` lines) and returns what to lint. */
function materialise(text: string): string {
  const dir = path.join(tmpRoot, String(seq++));
  mkdirSync(dir, { recursive: true });
  if (!/^# file: /m.test(text)) {
    const file = path.join(dir, 'example.yaml');
    writeFileSync(file, text);
    return file;
  }
  let current: string | undefined;
  const files = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^# file: (.+)$/.exec(line);
    if (m) files.set((current = m[1].trim()), []);
    else if (current) files.get(current)!.push(line);
  }
  for (const [name, body] of files) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body.join('\n'));
  }
  return dir;
}

async function findingsOf(ruleId: string, text: string): Promise<{ messages: string[]; notRendered: boolean }> {
  if (ruleId === 'chart-metadata') {
    // Run the rule on the facts of the Chart.yaml text itself.
    const reports: Report[] = [];
    chartMetadata.check({
      options: {}, resources: [], index: new ResourceIndex([]), report: (r) => reports.push(r),
      charts: [chartFacts({ dir: tmpRoot, file: 'Chart.yaml', texts: { chartYaml: text, subcharts: new Map() }, presentDependencies: [] })],
      ...emptyRuleInputs(),
      settings: { kubeVersion: { major: 1, minor: 30 }, defaultNamespace: 'default', knownNamespaces: new Set(['default']), baseDir: tmpRoot, cwd: tmpRoot },
    });
    return { messages: reports.map((r) => r.message), notRendered: false };
  }
  const target = materialise(text);
  if (GIT_RULES.has(ruleId)) gitRepo(target.endsWith('.yaml') ? path.dirname(target) : target);
  const result = await lint({
    paths: [target],
    cwd: path.dirname(target),
    configFile: path.join(FIXTURES, 'tester-config.json'),
    config: { rules: { [ruleId]: 'error' } },
  });
  const all = [...result.findings, ...result.suppressed];
  return {
    messages: result.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.location.line}:${f.location.column} ${f.message}`),
    notRendered: all.some((f) => f.ruleId === 'helm-render' && /not rendered yet/.test(f.message)),
  };
}

/** The rows of a page's Options table: name -> documented default (YAML; `unset` is no default). */
export function documentedOptions(markdown: string): Map<string, unknown> {
  const section = markdown.split('\n## Options\n')[1]?.split('\n## ')[0] ?? '';
  const out = new Map<string, unknown>();
  for (const line of section.split('\n')) {
    const m = /^\| `([A-Za-z]+)` \| `([^`]*)` \|/.exec(line);
    if (m) out.set(m[1], m[2] === 'unset' ? undefined : parseYaml(m[2]));
  }
  return out;
}

// A fixture is a manifest file or a chart directory (helm-render's fixtures are charts).
const hasFiles = (dir: string) => existsSync(dir) && readdirSync(dir).some((f) => /\.(ya?ml|json)$/.test(f) || existsSync(path.join(dir, f, 'Chart.yaml')));

describe('every registered rule', () => {
  for (const rule of RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      const page = path.join(DOCS, `${id}.md`);
      it('has its documentation page with the usual sections', () => {
        expect(existsSync(page), `docs/rules/${id}.md`).toBe(true);
        const md = readFileSync(page, 'utf8');
        expect(md.startsWith(`# ${id}\n`)).toBe(true);
        for (const section of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## Options', '## Suppressing']) {
          expect(md, `${id}.md lacks "${section}"`).toContain(`\n${section}\n`);
        }
        expect(md).toContain(`Default severity: **${rule.meta.defaultSeverity}**`);
      });
      it('documents every option with its default, as meta declares them', () => {
        const documented = documentedOptions(readFileSync(page, 'utf8'));
        const declared = Object.keys((rule.meta.optionsSchema.properties as Record<string, unknown> | undefined) ?? {});
        expect([...documented.keys()].sort()).toEqual(declared.sort());
        for (const [name, dflt] of documented) expect(dflt, `default of ${name}`).toEqual((rule.meta.defaultOptions as Record<string, unknown>)[name]);
      });
      it('has its test file', () => {
        expect(existsSync(path.join(TESTS, `${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
      });
      it('has valid and invalid fixtures', () => {
        expect(hasFiles(path.join(FIXTURES, id, 'valid')), `fixtures/rules/${id}/valid`).toBe(true);
        expect(hasFiles(path.join(FIXTURES, id, 'invalid')), `fixtures/rules/${id}/invalid`).toBe(true);
      });
      const examples = existsSync(page) ? examplesOf(readFileSync(page, 'utf8')) : [];
      it('has a failing and a passing example', () => {
        expect(examples.filter((e) => e.expect > 0).length).toBeGreaterThan(0);
        expect(examples.filter((e) => e.expect === 0).length).toBeGreaterThan(0);
      });
      for (const ex of examples) {
        const what = ex.expect > 0 ? `failing example (line ${ex.line}) gives exactly ${ex.expect} finding${ex.expect === 1 ? '' : 's'}` : `passing example (line ${ex.line}) gives none`;
        it(what, async (ctx) => {
          const got = await findingsOf(id, ex.text);
          if (got.notRendered) ctx.skip(); // charts are not rendered yet: nothing to compare
          expect(got.messages.length, got.messages.join('\n')).toBe(ex.expect);
        });
      }
    });
  }
});

describe('docs/rules/README.md', () => {
  it('lists every registered rule, in registry order, with its default severity', () => {
    const rows = readFileSync(path.join(DOCS, 'README.md'), 'utf8').split('\n')
      .map((l) => /^\| \[`([a-z0-9-]+)`\]\(([a-z0-9-]+)\.md\) \| (\w+) \|/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    expect(rows.map((m) => [m[1], m[2], m[3]])).toEqual(RULES.map((r) => [r.meta.id, r.meta.id, r.meta.defaultSeverity]));
  });
});

describe('examplesOf', () => {
  it('takes the yaml block right after each expect marker', () => {
    const md = '# x\n\n<!-- expect: 2 -->\n```yaml\na: 1\n```\n\ntext\n<!-- expect: 0 -->\n```yaml\nb: 2\nc: 3\n```\n```yaml\nnot: counted\n```\n';
    expect(examplesOf(md)).toEqual([
      { expect: 2, text: 'a: 1\n', line: 4 },
      { expect: 0, text: 'b: 2\nc: 3\n', line: 10 },
    ]);
  });
  it('rejects a marker that is not followed by a yaml block', () => {
    expect(() => examplesOf('<!-- expect: 1 -->\n\n```yaml\na: 1\n```\n')).toThrow(/right before/);
  });
});
