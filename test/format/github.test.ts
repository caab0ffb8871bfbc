import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  escapeGithubData,
  escapeGithubProperty,
  escapeMarkdownCell,
  github,
  githubStepSummary,
  writeGithubStepSummary,
} from '../../src/format/github.js';
import type { LintResult } from '../../src/types.js';
import { context, emptyResult, result } from './fixture.js';

const expectedCommands = [
  '::error file=charts/todo/templates/service.yaml,line=14,col=17,endLine=14,endColumn=22,title=nodeport-range::nodePort 29999 is outside 30000-32767%0Avalue set here: charts/todo/values.yaml:22:13',
  '::warning file=k8s/backend.yaml,line=8,col=13,endLine=8,endColumn=15,title=replicas-range::replicas 12 is above the maximum 10',
  '::error file=k8s/backend.yaml,line=31,col=19,endLine=31,endColumn=24,title=cluster-capacity::memory limits total 4.5Gi, 75%25 of allocatable 6Gi (bar: 70%25)',
  '::notice file=k8s/certificate.yaml,line=1,col=1,endLine=1,endColumn=27,title=k8s-schema::no schema for cert-manager.io/v1 Certificate; skipped',
  '::error file=k8s/odd%2Cname%3A1.yaml,line=3,col=5,endLine=3,endColumn=10,title=yaml-syntax::duplicate key "image" <100%25 sure> | a, b: c%0Asecond line & more',
  // A multi-line range: the runner would drop the columns, so none are written.
  '::error file=k8s/secret.yaml,line=7,endLine=9,title=required-secret-keys::Secret todo-secrets has no key OPENAI_API_KEY',
];

describe('github formatter', () => {
  it('writes one workflow command per finding', () => {
    expect(github(result, context())).toBe(`${expectedCommands.join('\n')}\n`);
  });

  it('adds suppressed findings as notices when asked', () => {
    expect(github(result, context({ reportSuppressed: true }))).toBe(
      `${expectedCommands.join('\n')}\n` +
        '::notice file=k8s/backend.yaml,line=20,col=11,endLine=20,endColumn=18,title=probes-present (suppressed)::container backend has no livenessProbe\n',
    );
  });

  it('annotates a whole file when a finding has no line', () => {
    const f = { ruleId: 'yaml-syntax', severity: 'error' as const, message: 'empty file', location: { file: 'k8s/empty.yaml', line: 0, column: 0, endLine: 0, endColumn: 0 } };
    expect(github({ ...emptyResult, findings: [f] }, context())).toBe('::error file=k8s/empty.yaml,title=yaml-syntax::empty file\n');
  });

  it('prints nothing without findings', () => {
    expect(github(emptyResult, context())).toBe('');
  });

  it('escapes messages and properties the way the runner unescapes them', () => {
    expect(escapeGithubData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeGithubData('a:b,c')).toBe('a:b,c');
    expect(escapeGithubProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    // `%0A` in the input must survive a round trip: its `%` is escaped first.
    expect(escapeGithubData('%0A')).toBe('%250A');
  });

  it('round-trips through a parser written from the runner notes', () => {
    // Split the way the runner does: command and properties up to the next `::`, properties on
    // `,`, each at its first `=`; then unescape %0D, %0A, %3A, %2C and %25 last.
    const unescape = (s: string): string =>
      s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const line = github(result, context()).split('\n')[4];
    const m = /^::(\w+) (.*?)::(.*)$/.exec(line)!;
    const props = Object.fromEntries(m[2].split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
    expect(m[1]).toBe('error');
    expect(props).toEqual({ file: 'k8s/odd,name:1.yaml', line: '3', col: '5', endLine: '3', endColumn: '10', title: 'yaml-syntax' });
    expect(unescape(m[3])).toBe(result.findings[4].message);
  });
});

describe('github step summary', () => {
  const expectedSummary = [
    '## k8s-todo-lint',
    '',
    '4 errors, 1 warning, 1 info, 1 suppressed in 6 files (9 resources).',
    '',
    '| Severity | Location | Rule | Message |',
    '| --- | --- | --- | --- |',
    '| error | charts/todo/templates/service.yaml:14:17 | nodeport-range | nodePort 29999 is outside 30000-32767 |',
    '| warning | k8s/backend.yaml:8:13 | replicas-range | replicas 12 is above the maximum 10 |',
    '| error | k8s/backend.yaml:31:19 | cluster-capacity | memory limits total 4.5Gi, 75% of allocatable 6Gi (bar: 70%) |',
    '| info | k8s/certificate.yaml:1:1 | k8s-schema | no schema for cert-manager.io/v1 Certificate; skipped |',
    '| error | k8s/odd,name:1.yaml:3:5 | yaml-syntax | duplicate key "image" \\<100% sure\\> \\| a, b: c<br>second line \\& more |',
    '| error | k8s/secret.yaml:7:1 | required-secret-keys | Secret todo-secrets has no key OPENAI\\_API\\_KEY |',
    '',
  ].join('\n');

  it('renders counts and a table of every finding', () => {
    expect(githubStepSummary(result, context())).toBe(expectedSummary);
  });

  it('lists suppressed findings when asked', () => {
    expect(githubStepSummary(result, context({ reportSuppressed: true }))).toBe(
      `${expectedSummary}| error (suppressed) | k8s/backend.yaml:20:11 | probes-present | container backend has no livenessProbe |\n`,
    );
  });

  it('says so when there is nothing to report', () => {
    expect(githubStepSummary(emptyResult, context())).toBe('## k8s-todo-lint\n\n0 errors, 0 warnings, 0 infos in 2 files (3 resources).\n\n');
  });

  it('caps the table and says how many rows it left out', () => {
    const many: LintResult = { ...result, findings: Array.from({ length: 2003 }, () => result.findings[1]) };
    const lines = githubStepSummary(many, context()).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('| warning |'))).toHaveLength(2000);
    expect(lines.at(-1)).toBe('3 more findings are not listed here; see the log or the SARIF report.');
  });

  it('escapes table cells', () => {
    expect(escapeMarkdownCell('a|b')).toBe('a\\|b');
    expect(escapeMarkdownCell('back\\|slash')).toBe('back\\\\\\|slash');
    expect(escapeMarkdownCell('x\r\ny\nz')).toBe('x<br>y<br>z');
    expect(escapeMarkdownCell('<script>`*_[]~&')).toBe('\\<script\\>\\`\\*\\_\\[\\]\\~\\&');
  });

  describe('writeGithubStepSummary', () => {
    const dirs: string[] = [];
    afterEach(() => {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    });

    it('appends to $GITHUB_STEP_SUMMARY', () => {
      const dir = mkdtempSync(join(tmpdir(), 'k8s-todo-lint-summary-'));
      dirs.push(dir);
      const file = join(dir, 'summary.md');
      writeFileSync(file, '# earlier step\n');
      expect(writeGithubStepSummary(result, context(), { GITHUB_STEP_SUMMARY: file })).toBe(file);
      expect(readFileSync(file, 'utf8')).toBe(`# earlier step\n${expectedSummary}`);
    });

    it('does nothing outside GitHub Actions', () => {
      expect(writeGithubStepSummary(result, context(), {})).toBeUndefined();
      expect(writeGithubStepSummary(result, context(), { GITHUB_STEP_SUMMARY: '' })).toBeUndefined();
    });
  });
});
