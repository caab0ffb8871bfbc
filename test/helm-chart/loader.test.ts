import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChart } from '../../src/helm/index.js';
import { runTemplateCommand } from '../../src/cli/template.js';
import { writeTar } from '../../src/helm/chart/tar.js';

const scratch = mkdtempSync(join(tmpdir(), 'helm-loader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function makeChart(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(scratch, name);
  for (const [p, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), data);
  }
  return dir;
}

describe('loading charts: Helm errors', () => {
  it('needs Chart.yaml', async () => {
    const dir = makeChart('nochart', { 'values.yaml': 'a: 1\n' });
    await expect(loadChart(dir)).rejects.toThrow('Chart.yaml file is missing');
  });

  it('validates Chart.yaml', async () => {
    await expect(loadChart(makeChart('noversion', { 'Chart.yaml': 'apiVersion: v2\nname: x\n' }))).rejects.toThrow('validation: chart.metadata.version is required');
    await expect(loadChart(makeChart('badversion', { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: one\n' }))).rejects.toThrow(
      'validation: chart.metadata.version "one" is invalid',
    );
    await expect(loadChart(makeChart('badtype', { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\ntype: Library\n' }))).rejects.toThrow(
      'validation: chart.metadata.type must be application or library',
    );
    await expect(loadChart(makeChart('listversion', { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: [1]\n' }))).rejects.toThrow(
      'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Metadata.version of type string',
    );
    await expect(
      loadChart(makeChart('dupdep', { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n- name: a\n- name: b\n  alias: a\n' })),
    ).rejects.toThrow('validation: more than one dependency with name or alias "a"');
  });

  // sigs.k8s.io/yaml convertToJSONableObject: a YAML number or boolean landing in a
  // string field of chart.Metadata, Maintainer or Dependency becomes a string
  // (floats with strconv.FormatFloat(f, 'g', -1, 32)), so the chart loads.
  it('decodes numbers and booleans in string fields of Chart.yaml as sigs.k8s.io/yaml does', async () => {
    const chart = await loadChart(
      makeChart('numfields', {
        'Chart.yaml': [
          'apiVersion: v2', 'name: 42', 'version: 1.0', 'appVersion: 1.10', 'kubeVersion: 1.2e7', 'description: yes',
          'keywords: [1, 2.50, true]', 'annotations:', '  big: 1000000', '  ratio: 3.14159265358979', '  on: off',
          'maintainers:', '- name: 7', '  email: 0x1F', 'dependencies:', '- name: dep', '  version: 2.0', '  repository: 12',
          '  tags: [1.5]', '  condition: 123456789', '  alias: 1', '',
        ].join('\n'),
        'charts/dep/Chart.yaml': 'apiVersion: v2\nname: dep\nversion: 2.0.0\n',
        'Chart.lock': 'digest: 12\ndependencies:\n- name: dep\n  version: 2.0\n  repository: 12\ngenerated: 2024-01-01T00:00:00Z\n',
      }),
    );
    const md = chart.metadata;
    expect([md.name, md.version, md.appVersion, md.kubeVersion, md.description]).toEqual(['42', '1', '1.1', '1.2e+07', 'true']);
    expect(md.keywords).toEqual(['1', '2.5', 'true']);
    expect(md.annotations).toEqual({ big: '1000000', ratio: '3.1415927', true: 'false' });
    expect(md.maintainers).toEqual([{ name: '7', email: '31', url: '' }]);
    expect(md.dependencies?.[0]).toMatchObject({ version: '2', repository: '12', tags: ['1.5'], condition: '123456789', alias: '1' });
  });

  it('decodes Chart.lock into chart.Lock (time.Time refuses a non-string)', async () => {
    const chart = (lock: string) => makeChart(`lock${lock.length}`, { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\n', 'Chart.lock': lock });
    await expect(loadChart(chart('generated: 5\n'))).rejects.toThrow(
      'cannot load Chart.lock: error unmarshaling JSON: while decoding JSON: Time.UnmarshalJSON: input is not a JSON string',
    );
    await expect(loadChart(chart('dependencies: {}\n'))).rejects.toThrow(
      'cannot load Chart.lock: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field Lock.dependencies of type []*chart.Dependency',
    );
    await expect(loadChart(chart('- a\n'))).rejects.toThrow(
      'cannot load Chart.lock: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type chart.Lock',
    );
  });

  it('names the subchart that failed', async () => {
    const dir = makeChart('badsub', {
      'Chart.yaml': 'apiVersion: v2\nname: parent\nversion: 1.0.0\n',
      'charts/child/Chart.yaml': 'apiVersion: v2\nname: child\n',
    });
    await expect(loadChart(dir)).rejects.toThrow('error unpacking subchart child in parent: validation: chart.metadata.version is required');
  });

  it('reads values.yaml with its YAML errors', async () => {
    const dir = makeChart('badvalues', { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\n', 'values.yaml': 'a: [1, 2\n' });
    await expect(loadChart(dir)).rejects.toThrow(/^cannot load values.yaml: error converting YAML to JSON: yaml: line \d+: /);
  });

  // loader.LoadFiles wraps sigs.k8s.io/yaml.Unmarshal's error; json.Marshal refuses ±Inf and NaN.
  it('fails on values JSON cannot hold, with Helm\'s text', async () => {
    const dir = makeChart('infvalues', { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\n', 'values.yaml': 'a:\n  b: .inf\n' });
    await expect(loadChart(dir)).rejects.toThrow(/^cannot load values.yaml: error converting YAML to JSON: json: unsupported value: \+Inf$/);
  });

  it('skips charts/ entries starting with _ or . and keeps .prov files as files', async () => {
    const dir = makeChart('skips', {
      'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\n',
      'charts/_scratch/Chart.yaml': 'not even yaml: [',
      'charts/x-1.0.0.tgz.prov': 'signature',
    });
    const c = await loadChart(dir);
    expect(c.dependencies()).toEqual([]);
    expect(c.files.map((f) => f.name)).toEqual(['charts/x-1.0.0.tgz.prov']);
  });

  it('follows symlinked directories but stops at a loop', async () => {
    const dir = makeChart('links', { 'Chart.yaml': 'apiVersion: v2\nname: links\nversion: 1.0.0\n', 'shared/a.txt': 'A' });
    symlinkSync(join(dir, 'shared'), join(dir, 'files'));
    const c = await loadChart(dir);
    expect(c.files.map((f) => f.name)).toEqual(['files/a.txt', 'shared/a.txt']);
    symlinkSync(dir, join(dir, 'shared', 'loop'));
    await expect(loadChart(dir)).rejects.toThrow(`symlink loop at ${join(dir, 'files', 'loop')}`);
  });

  it('rejects a file that is not a gzipped archive', async () => {
    const f = join(scratch, 'chart.yaml');
    writeFileSync(f, 'apiVersion: v2\n');
    await expect(loadChart(f)).rejects.toThrow(`file '${f}' seems to be a YAML file, but expected a gzipped archive`);
    const g = join(scratch, 'chart.tgz');
    writeFileSync(g, 'plain text');
    await expect(loadChart(g)).rejects.toThrow(`file '${g}' does not appear to be a gzipped archive; got 'text/plain; charset=utf-8'`);
  });

  it('rejects an archive whose entries escape the chart root', async () => {
    const g = join(scratch, 'evil.tgz');
    writeFileSync(g, gzipSync(writeTar([{ name: 'evil/Chart.yaml', data: 'apiVersion: v2\nname: evil\nversion: 1.0.0\n' }, { name: 'evil/../../x', data: 'x' }])));
    await expect(loadChart(g)).rejects.toThrow('chart illegally references parent directory');
  });
});

describe('values flags through the command', () => {
  it('--set-file, --set-json, --set-literal and -f in Helm order', async () => {
    const dir = makeChart('flags', {
      'Chart.yaml': 'apiVersion: v2\nname: flags\nversion: 1.0.0\n',
      'values.yaml': 'a: default\nb: default\n',
      'templates/cm.yaml': 'kind: ConfigMap\ndata:\n  a: {{ .Values.a | quote }}\n  b: {{ .Values.b | toJson }}\n  c: {{ .Values.c | quote }}\n  d: {{ .Values.d | quote }}\n  e: {{ kindOf .Values.e }}\n',
    });
    const file = join(scratch, 'cert.pem');
    writeFileSync(file, 'PEM');
    const over = join(scratch, 'over.yaml');
    writeFileSync(over, 'a: from-file\nc: from-file\n');
    let stdout = '';
    let stderr = '';
    const code = await runTemplateCommand(
      [dir, '-f', over, '--set-json', 'b={"k":[1,2]}', '--set', 'c=from-set', '--set-file', `d=${file}`, '--set-literal', 'e=1,2', '--set', 'e=5'],
      { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), now: () => new Date(2026, 0, 2, 3, 4, 5) },
    );
    // A table over a default string: Helm keeps the table and logs (with Go's log prefix).
    expect(stderr).toBe('2026/01/02 03:04:05 warning: skipped value for flags.b: Not a table.\n');
    expect(code).toBe(0);
    // --set-literal comes last, so e stays a string even though --set gave an int.
    expect(stdout).toBe(
      `---\n# Source: flags/templates/cm.yaml\nkind: ConfigMap\ndata:\n  a: "from-file"\n  b: {"k":[1,2]}\n  c: "from-set"\n  d: "PEM"\n  e: string\n`,
    );
  });

  it('reports an unreadable values file like Helm', async () => {
    let stderr = '';
    const code = await runTemplateCommand([makeChart('nofile', { 'Chart.yaml': 'apiVersion: v2\nname: n\nversion: 1.0.0\n' }), '-f', 'missing.yaml'], {
      stdout: () => {},
      stderr: (s) => (stderr += s),
      cwd: scratch,
    });
    expect(code).toBe(1);
    expect(stderr).toBe('Error: open missing.yaml: no such file or directory\n');
  });

  it('reads --set-file paths relative to the working directory', async () => {
    const dir = makeChart('setfile', {
      'Chart.yaml': 'apiVersion: v2\nname: s\nversion: 1.0.0\n',
      'templates/cm.yaml': 'kind: ConfigMap\ndata: {{ .Values.conf | quote }}\n',
      'conf.txt': 'hello',
    });
    let stdout = '';
    let stderr = '';
    const code = await runTemplateCommand(['.', '--set-file', 'conf=conf.txt'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir });
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '---\n# Source: s/templates/cm.yaml\nkind: ConfigMap\ndata: "hello"\n', stderr: '' });
    const missing = await runTemplateCommand(['.', '--set-file', 'conf=nope.txt'], { stdout: () => {}, stderr: (s) => (stderr += s), cwd: dir });
    expect(missing).toBe(1);
    expect(stderr).toBe('Error: failed parsing --set-file data: open nope.txt: no such file or directory\n');
  });
});
