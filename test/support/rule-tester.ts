/**
 * The rule tester: walks fixtures/rules/<id>/valid/*.yaml and invalid/*.yaml.
 * A valid fixture must give no finding of the rule; an invalid fixture must
 * give exactly the findings listed in <name>.expected.json
 * ([{ruleId, line, column, endLine, endColumn, message, severity?, related?}]),
 * in order (scripts/expected-findings.mjs prints them for review).
 * Optional <name>.options.json holds the rule's options for that fixture, and
 * <name>.config.json a whole inline config (for rules reading other settings).
 * With `inGitRepo`, each fixture is copied into a new git repository where it is
 * staged, and linted there: the findings of a rule about what git tracks
 * (no-committed-secrets) then do not depend on whether this checkout is a git
 * work tree, or on whether the fixture is committed yet.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepo } from './git-repo.js';
import { tempDirs } from './temp-dirs.js';
import { lint } from '../../src/lint.js';
import type { RelatedLocation } from '../../src/types.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rules');

export interface ExpectedFinding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity?: string;
  /** The finding's related locations; absent when it has none. */
  related?: RelatedLocation[];
}

/** Fixture manifests, and fixture charts (directories with a Chart.yaml, expected in <dir>.expected.json). */
function fixtureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => (/\.(ya?ml|json)$/.test(f) && !/\.(expected|options|config)\.json$/.test(f)) || existsSync(path.join(dir, f, 'Chart.yaml')))
    .sort();
}

async function findingsFor(ruleId: string, file: string, copyTo?: () => string) {
  const base = file.replace(/\.(ya?ml|json)$/, '');
  if (copyTo) {
    const dir = copyTo();
    cpSync(file, path.join(dir, path.basename(file)), { recursive: true });
    gitRepo(dir);
    file = path.join(dir, path.basename(file));
  }
  const options = existsSync(`${base}.options.json`) ? JSON.parse(readFileSync(`${base}.options.json`, 'utf8')) : undefined;
  const inline = existsSync(`${base}.config.json`) ? JSON.parse(readFileSync(`${base}.config.json`, 'utf8')) : {};
  const rules = { ...(inline.rules ?? {}) };
  if (options) rules[ruleId] = ['error', options];
  const result = await lint({ paths: [file], cwd: path.dirname(file), configFile: path.join(FIXTURES, 'tester-config.json'), config: { ...inline, rules } });
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** Declares the valid/invalid tests of one rule. */
export function testRule(ruleId: string, opts: { inGitRepo?: boolean } = {}): void {
  const dir = path.join(FIXTURES, ruleId);
  const copyTo = opts.inGitRepo ? tempDirs(`k8s-todo-lint-${ruleId}-`) : undefined;
  describe(`rule ${ruleId}`, () => {
    const valid = fixtureFiles(path.join(dir, 'valid'));
    const invalid = fixtureFiles(path.join(dir, 'invalid'));
    it('has valid and invalid fixtures', () => {
      expect(valid.length).toBeGreaterThan(0);
      expect(invalid.length).toBeGreaterThan(0);
    });
    for (const f of valid) {
      it(`valid/${f} gives no ${ruleId} finding`, async () => {
        const got = await findingsFor(ruleId, path.join(dir, 'valid', f), copyTo);
        expect(got.map((x) => `${x.location.line}:${x.location.column} ${x.message}`)).toEqual([]);
      });
    }
    for (const f of invalid) {
      it(`invalid/${f} gives exactly the expected findings`, async () => {
        const file = path.join(dir, 'invalid', f);
        const expectedFile = /\.(ya?ml|json)$/.test(file) ? file.replace(/\.(ya?ml|json)$/, '.expected.json') : `${file}.expected.json`;
        const expected: ExpectedFinding[] = JSON.parse(readFileSync(expectedFile, 'utf8'));
        const got = await findingsFor(ruleId, file, copyTo);
        const withSeverity = expected.some((e) => e.severity);
        expect(got.map((x) => ({ ruleId: x.ruleId, line: x.location.line, column: x.location.column, endLine: x.location.endLine, endColumn: x.location.endColumn, message: x.message, ...(withSeverity ? { severity: x.severity } : {}), related: x.related ?? null })))
          .toStrictEqual(expected.map((e) => ({ ruleId: e.ruleId, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, message: e.message, ...(withSeverity ? { severity: e.severity } : {}), related: e.related ?? null })));
      });
    }
  });
}
