/**
 * Issue 16's probes, run through the built binary: each hostile input is a clear finding or
 * one clear line, never a crash, a hang or a stack trace, and the other inputs' findings stay.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-hostile-');

const GOOD_WITH_DEFECT = 'apiVersion: v1\nkind: Service\nmetadata: {name: s, labels: {app: todo}}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 80}]\n';
const GOOD = 'good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767';

function dirWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  writeFileSync(path.join(dir, '.k8s-todo-lint.json'), '{"rules": {"required-secret-keys": "off", "required-labels": "off"}}');
  return dir;
}

function lintJson(dir: string, args: string[] = ['.']) {
  const r = runCli([...args, '-f', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  return { status: r.status, out: JSON.parse(r.stdout) };
}

const brief = (out: any) => out.findings.map((f: any) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);

describe('hostile input (issue 16)', () => {
  it('one 1 MB string aliased 200 times is a finding on its document; the next document still lints', () => {
    const big = 'x'.repeat(1 << 20);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: amp}\nx: &s "${big}"\ndata: [${Array(200).fill('*s').join(', ')}]\n---\n${GOOD_WITH_DEFECT}`;
    const { out } = lintJson(dirWith({ 'good.yaml': text }));
    expect(brief(out)).toEqual([
      'good.yaml:1:1 yaml-syntax document expands to more than 16 MiB through aliases (an alias bomb?)',
      'good.yaml:12:32 nodeport-range nodePort 80 is outside 30000-32767',
    ]);
  });
});


/** A chart directory with a good template (one finding) and `extra` files on top. */
function chartWith(extra: Record<string, string>): string {
  return dirWith({
    'good.yaml': GOOD_WITH_DEFECT,
    'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
    'chart/templates/svc.yaml': GOOD_WITH_DEFECT,
    ...extra,
  });
}

/** Runs lint with a time limit, so that a hang fails the test instead of blocking it. */
function lintWithin(dir: string, args: string[] = ['.', '-f', 'json']) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  expect(r.signal).toBeNull(); // not killed by the time limit
  return r;
}

describe('special files in charts and walked directories (issue 16 items 3 and 7)', () => {
  const fifo = (p: string) => execFileSync('mkfifo', [p]);
  const canFifo = process.platform !== 'win32';

  it('a chart whose charts/ is a file: a finding, the other inputs still linted', () => {
    const dir = chartWith({ 'chart/charts': 'not a directory\n' });
    const r = lintWithin(dir);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(brief(out)).toContain('good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767');
    expect(brief(out).join('\n')).not.toMatch(/internal error|ENOTDIR/);
  });

  it('a chart whose Chart.yaml is a directory: a finding, the other inputs still linted', () => {
    const dir = dirWith({ 'good.yaml': GOOD_WITH_DEFECT, 'chart/Chart.yaml/x': 'y', 'chart/templates/svc.yaml': GOOD_WITH_DEFECT });
    const r = lintWithin(dir);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(brief(out)).toContain('good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767');
    expect(brief(out).join('\n')).not.toMatch(/internal error|EISDIR/);
  });

  it('capacity of such charts is a report, not a crash', () => {
    for (const dir of [chartWith({ 'chart/charts': 'x\n' }), dirWith({ 'chart/Chart.yaml/x': 'y', 'good.yaml': GOOD_WITH_DEFECT })]) {
      const r = lintWithin(dir, ['capacity', '.']);
      expect(r.stderr).not.toMatch(/internal error|ENOTDIR|EISDIR/);
      expect(r.status).not.toBe(2);
    }
  });

  it.skipIf(!canFifo)('FIFOs as Chart.yaml, ci/*-values.yaml, .helmignore, a helmignored template: no hang', () => {
    for (const name of ['chart/Chart.yaml', 'chart/ci/a-values.yaml', 'chart/.helmignore', 'chart/templates/skip.yaml', 'fifo.yaml']) {
      const dir = chartWith(name === 'chart/templates/skip.yaml' ? { 'chart/.helmignore': 'templates/skip.yaml\n' } : {});
      if (name === 'chart/Chart.yaml') writeFileSync(path.join(dir, 'chart/Chart.yaml.keep'), '');
      rmSync(path.join(dir, name), { force: true });
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fifo(path.join(dir, name));
      // With --cache too: the cache's content key never opens a special file either.
      for (const args of [['.', '-f', 'json'], ['.', '-f', 'json', '--cache', '--cache-location', path.join(dir, '..', `${path.basename(dir)}.cache`)]]) {
        const r = lintWithin(dir, args);
        expect(r.stderr).toBe('');
        expect(brief(JSON.parse(r.stdout))).toContain('good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767');
      }
    }
  });
});

describe('template work is bounded (issue 16 item 9)', () => {
  const chart = (template: string) =>
    dirWith({ 'good.yaml': GOOD_WITH_DEFECT, 'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1"\n', 'chart/templates/t.yaml': template });

  it('ten billion loop steps end with a helm-render finding at the template line', () => {
    const dir = chart('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n{{ range until 100000 }}{{ range until 100000 }}{{ end }}{{ end }}\n');
    const r = lintWithin(dir);
    expect(r.stderr).toBe('');
    expect(brief(JSON.parse(r.stdout))).toEqual([
      'chart/templates/t.yaml:4:49 helm-render template: c/templates/t.yaml:4:48: executing "c/templates/t.yaml" at <>: render budget exceeded: more than 10000000 template steps (a loop too large?)',
      'good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767',
    ]);
  });

  it('100 MB of output ends with a helm-render finding at the action', () => {
    const dir = chart('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\ndata:\n  a: {{ range until 100000 }}{{ repeat 1000 "x" }}{{ end }}\n');
    const r = lintWithin(dir);
    expect(brief(JSON.parse(r.stdout))).toEqual([
      'chart/templates/t.yaml:5:30 helm-render template: c/templates/t.yaml:5:29: executing "c/templates/t.yaml" at <{{repeat 1000 "x"}}>: render budget exceeded: more than 67108864 bytes of output (a loop too large?)',
      'good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767',
    ]);
  });
});

describe('regular expressions from input run on RE2 (issue 16 item 6)', () => {
  const chart = (schema: unknown, values: string) =>
    dirWith({
      'good.yaml': GOOD_WITH_DEFECT,
      'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1"\n',
      'chart/values.schema.json': JSON.stringify(schema),
      'chart/values.yaml': values,
      'chart/templates/t.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {app: todo}}\ndata: {}\n',
    });

  it('values.schema.json `pattern: ^(a+)+$` on a 40-character value ends with the schema finding', () => {
    const dir = chart({ type: 'object', properties: { s: { type: 'string', pattern: '^(a+)+$' } } }, `s: ${'a'.repeat(40)}!\n`);
    const msgs = brief(JSON.parse(lintWithin(dir).stdout));
    expect(msgs).toContain(GOOD);
    expect(msgs.filter((m: string) => m.includes('helm-render'))).toHaveLength(1);
    expect(msgs.join('\n')).toMatch(/does not match pattern/);
  });

  it('an RE2-invalid pattern (lookahead) is a finding with Go\'s compile error', () => {
    const dir = chart({ type: 'object', properties: { s: { type: 'string', pattern: '^(?=a)a$' } } }, 's: a\n');
    const msgs = brief(JSON.parse(lintWithin(dir).stdout));
    expect(msgs).toContain(GOOD);
    expect(msgs.join('\n')).toMatch(/error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`/);
  });

  it('a CRD pattern `^(a+)+$` in a manifest, against a 40-character value, ends', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                s: {type: string, pattern: '^(a+)+$'}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec: {s: ${'a'.repeat(40)}!}
`;
    const r = lintWithin(dirWith({ 'crd.yaml': crd, 'good.yaml': GOOD_WITH_DEFECT }));
    const msgs = brief(JSON.parse(r.stdout));
    expect(msgs).toContain(GOOD);
    expect(msgs.join('\n')).toMatch(/crd\.yaml:24:\d+ k8s-schema .*pattern/);
  });
});

describe('deep inputs are one clear line (issue 16 item 5)', () => {
  it('--set a[0][0]... 30,000 deep', () => {
    const dir = dirWith({ 'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n', 'chart/templates/t.yaml': '' });
    const r = lintWithin(dir, ['chart', '--set', `a${'[0]'.repeat(30_000)}=1`]);
    expect(r.stdout + r.stderr).not.toMatch(/Maximum call stack|internal error/);
    expect(r.stdout + r.stderr).toMatch(/--set.*lists are nested more than 1000 levels deep/);
  });

  it('a self-referencing $ref in values.schema.json', () => {
    const dir = dirWith({
      'good.yaml': GOOD_WITH_DEFECT,
      'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: "1"\n',
      'chart/values.schema.json': '{"definitions": {"x": {"$ref": "#/definitions/x"}}, "$ref": "#/definitions/x"}',
      'chart/values.yaml': 'a: 1\n',
      'chart/templates/t.yaml': '',
    });
    const r = lintWithin(dir);
    const msgs = brief(JSON.parse(r.stdout));
    expect(msgs).toContain(GOOD);
    expect(msgs.join('\n')).not.toMatch(/Maximum call stack/);
    expect(msgs.join('\n')).toMatch(/values\.schema\.json: \$ref refers back to itself/);
  });
});

describe('file names that are not UTF-8 (issue 16 item 18)', () => {
  /** `c<0xE9>.yaml` (Latin-1 `é`), `d<0xFF>/x.yaml` (a directory so named) and a valid name that reads like the escape. */
  const latin1 = Buffer.from([0x63, 0xe9, 0x2e, 0x79, 0x61, 0x6d, 0x6c]);
  /** The Service with the bad nodePort (line 6), named `name`, under `comments` comment lines. */
  const service = (name: string, comments: number) => '#\n'.repeat(comments) + GOOD_WITH_DEFECT.replace('name: s,', `name: ${name},`);
  function dirWithByteNames(): string {
    const dir = dirWith({ 'good.yaml': GOOD_WITH_DEFECT, 'c\\xE9.yaml': service('backslash', 2) });
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), latin1]), service('latin1', 1));
    const sub = Buffer.concat([Buffer.from(`${dir}/d`), Buffer.from([0xff])]);
    mkdirSync(sub);
    writeFileSync(Buffer.concat([sub, Buffer.from('/x.yaml')]), service('in-dir', 3));
    return dir;
  }
  const NODEPORT = 'nodeport-range nodePort 80 is outside 30000-32767';

  it('json: each file is read by its bytes, its findings at their lines, the name escaped (`\\xHH`, a backslash doubled where it would read as one)', () => {
    const { status, out } = lintJson(dirWithByteNames());
    expect(status).toBe(1);
    expect(brief(out)).toEqual([
      `c\\\\xE9.yaml:8:32 ${NODEPORT}`, // the valid name `c\xE9.yaml`: its backslash doubled
      `c\\xE9.yaml:7:32 ${NODEPORT}`, // the byte 0xE9
      `d\\xFF/x.yaml:9:32 ${NODEPORT}`,
      GOOD,
    ]);
  });

  it('stylish prints the escaped name', () => {
    const r = runCli(['.', '--no-color'], { cwd: dirWithByteNames() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('\nc\\xE9.yaml\n  7:32  error  nodePort 80 is outside 30000-32767  nodeport-range\n');
    expect(r.stdout).toContain('\nd\\xFF/x.yaml\n  9:32  error');
    expect(r.stdout).not.toContain('\uFFFD');
    expect(r.stdout).not.toContain('cannot read');
  });

  it('sarif percent-encodes the raw bytes in the artifact URI', () => {
    const r = runCli(['.', '-f', 'sarif'], { cwd: dirWithByteNames() });
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.artifacts.map((a: any) => a.location.uri)).toEqual(['c%5CxE9.yaml', 'c%E9.yaml', 'd%FF/x.yaml', 'good.yaml']);
    const at = run.results.map((x: any) => `${x.locations[0].physicalLocation.artifactLocation.uri}:${x.locations[0].physicalLocation.region.startLine}`);
    expect(at).toEqual(['c%5CxE9.yaml:8', 'c%E9.yaml:7', 'd%FF/x.yaml:9', 'good.yaml:6']);
  });
});
