/**
 * The seed designs: examples/designs/<seed>/ holds each design's config (.k8s-todo-lint.yaml)
 * with a faithful manifest set or chart that gives no finding with it, linted as a new user
 * would (from that directory); fixtures/designs/<seed>-planted/ holds a copy with one planted
 * defect per rule the config sets, linted with that same config, giving exactly the findings
 * of its expected.json (reviewed by hand).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const EXAMPLES = path.join(ROOT, 'examples/designs');
const PLANTED = path.join(ROOT, 'fixtures/designs');
const brief = (stdout: string) =>
  JSON.parse(stdout).findings.map((f: any) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}${f.related ? ` [${f.related.map((r: any) => `${r.file}:${r.line}:${r.column}`).join(", ")}]` : ""}`);

describe('seed designs', () => {
  it('the seed-000 manifest gives no finding with the default config', () => {
    const r = runCli(['examples/designs/seed-000/todo-app.yaml', '-f', 'json', '--config', 'fixtures/rules/tester-config.json']);
    expect(brief(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  });
  const seeds = readdirSync(EXAMPLES).sort();
  it('every design has its config and a planted copy, and every planted copy a design', () => {
    expect(seeds).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    for (const seed of seeds) expect(existsSync(path.join(EXAMPLES, seed, '.k8s-todo-lint.yaml')), seed).toBe(true);
    expect(readdirSync(PLANTED).sort()).toEqual(seeds.map((s) => `${s}-planted`));
  });
  for (const seed of seeds) {
    it(`${seed}: no finding on the faithful version, with its config`, () => {
      const r = runCli(['.', '-f', 'json'], { cwd: path.join(EXAMPLES, seed) });
      expect(brief(r.stdout)).toEqual([]);
      expect(r.status).toBe(0);
    });
    const planted = path.join(PLANTED, `${seed}-planted`);
    it(`${seed}: exactly the planted defects, with the same config`, () => {
      const r = runCli(['.', '-f', 'json', '--config', path.join(EXAMPLES, seed, '.k8s-todo-lint.yaml')], { cwd: planted });
      expect(brief(r.stdout)).toEqual(JSON.parse(readFileSync(path.join(planted, 'expected.json'), 'utf8')));
      expect(r.status).toBe(1);
    });
  }
});
