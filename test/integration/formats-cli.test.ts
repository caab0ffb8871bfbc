/**
 * The sarif, github and junit formats through the real CLI (bin shim, built
 * dist): what the Action, code scanning and CI report views will read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveSarifSchema, sarifSchemaErrors } from '../format/sarif-validate.js';
import { badServiceManifest, cleanManifest, cliBin, ensureBuilt, run } from './support.js';

const xsd = join(dirname(fileURLToPath(import.meta.url)), '../format/junit-common.xsd');
const haveXmllint = spawnSync('xmllint', ['--version']).status === 0;

describe('formats through the CLI', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-todo-lint-formats-'));
  // A clean environment: no GitHub variables from an enclosing Actions job, no colour.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' };
  const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => run('node', [cliBin, ...args], { cwd: dir, env: { ...env, ...extraEnv } });

  beforeAll(() => {
    ensureBuilt();
    mkdirSync(join(dir, 'k8s'));
    writeFileSync(join(dir, 'k8s/service.yaml'), badServiceManifest);
    writeFileSync(join(dir, 'k8s/config.yaml'), cleanManifest);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sarif: valid, with every rule, the finding at its exact region, byte-for-byte repeatable', () => {
    const r = cli(['--format', 'sarif', 'k8s']);
    expect(r.status, r.stderr).toBe(1);
    const log = JSON.parse(r.stdout);
    if (haveSarifSchema) expect(sarifSchemaErrors(log)).toEqual([]);
    const ruleIds = cli(['--list-rules']).stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(ruleIds);
    const nodePort = log.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'nodeport-range');
    expect(nodePort).toHaveLength(1);
    const where = nodePort[0].locations[0].physicalLocation;
    expect(where.region).toEqual({ startLine: 14, startColumn: 17, endLine: 14, endColumn: 22 });
    expect(where.artifactLocation).toMatchObject({ uri: 'k8s/service.yaml', uriBaseId: '%SRCROOT%' });
    expect(log.runs[0].artifacts[where.artifactLocation.index].location.uri).toBe('k8s/service.yaml');
    expect(nodePort[0].locations[0].logicalLocations).toEqual([{ name: 'todo-frontend', fullyQualifiedName: 'Service/todo/todo-frontend', kind: 'resource' }]);
    expect(cli(['--format', 'sarif', 'k8s']).stdout).toBe(r.stdout);
  });

  it('sarif: --output-file writes the same report', () => {
    const r = cli(['--format', 'sarif', '--output-file', 'out.sarif', 'k8s']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'out.sarif'), 'utf8')).toBe(cli(['--format', 'sarif', 'k8s']).stdout);
  });

  it('github: an annotation per finding, and the job summary when GitHub asks for one', () => {
    const summary = join(dir, 'step-summary.md');
    const r = cli(['--format', 'github', 'k8s'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout.split('\n')).toContain(
      '::error file=k8s/service.yaml,line=14,col=17,endLine=14,endColumn=22,title=nodeport-range::nodePort 29999 is outside 30000-32767',
    );
    expect(existsSync(summary)).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('| error | k8s/service.yaml:14:17 | nodeport-range | nodePort 29999 is outside 30000-32767 |\n');
  });

  it('github: no summary file outside GitHub Actions, and silence on a clean tree', () => {
    const r = cli(['--format', 'github', 'k8s/config.yaml']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('junit: a failing testcase for the violation', () => {
    const r = cli(['--format', 'junit', '--output-file', 'report.xml', 'k8s']);
    expect(r.status, r.stderr).toBe(1);
    const xml = readFileSync(join(dir, 'report.xml'), 'utf8');
    // Other rules may find more on this Service; the suite counts every testcase.
    const cases = xml.match(/<testsuite name="k8s\/service.yaml" tests="(\d+)" failures="(\d+)" errors="0" skipped="0" time="0">/);
    expect(cases).not.toBeNull();
    expect(cases![1]).toBe(cases![2]);
    expect(xml).toContain(
      '<testcase name="nodeport-range: Service todo/todo-frontend" classname="k8s/service.yaml" time="0">\n' +
        '      <failure message="nodePort 29999 is outside 30000-32767" type="error">k8s/service.yaml:14:17 error nodePort 29999 is outside 30000-32767 (spec.ports[0].nodePort)</failure>',
    );
    if (haveXmllint) {
      const v = run('xmllint', ['--noout', '--schema', xsd, join(dir, 'report.xml')]);
      expect(v.status, v.stderr).toBe(0);
    }
  });
});
