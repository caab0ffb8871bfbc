import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChart, renderChart } from '../../src/helm/index.js';
import { runTemplateCommand } from '../../src/cli/template.js';

const scratch = mkdtempSync(join(tmpdir(), 'helm-builtins-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a chart from a {path: text} table and returns its directory. */
function makeChart(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

async function render(dir: string, args: string[] = [], name?: string) {
  let stdout = '';
  let stderr = '';
  const code = await runTemplateCommand([...(name ? [name] : []), dir, ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('built-in objects', () => {
  it('.Files honours .helmignore and leaves templates/ out; Get, Lines, Glob, AsConfig, AsSecrets', async () => {
    const dir = makeChart('files', {
      'Chart.yaml': 'apiVersion: v2\nname: files\nversion: 0.1.0\n',
      '.helmignore': 'secret.txt\n',
      'secret.txt': 'hidden\n',
      'conf/a.conf': 'alpha\nbeta\n',
      'conf/b.conf': 'x=1',
      'templates/cm.yaml': [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: files',
        'data:',
        '  {{- (.Files.Glob "conf/*").AsConfig | nindent 2 }}',
        '  lines: {{ .Files.Lines "conf/a.conf" | join "," | quote }}',
        '  secret: {{ .Files.Get "secret.txt" | quote }}',
        '  template: {{ .Files.Get "templates/cm.yaml" | quote }}',
        '  paths: {{ range $p, $_ := .Files.Glob "**.conf" }}{{ $p }} {{ end }}',
        '---',
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: files',
        'data:',
        '  {{- (.Files.Glob "conf/b.conf").AsSecrets | nindent 2 }}',
        '',
      ].join('\n'),
    });
    const r = await render(dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        '---',
        '# Source: files/templates/cm.yaml',
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: files',
        'data:',
        '  b.conf: eD0x',
        '---',
        '# Source: files/templates/cm.yaml',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: files',
        'data:',
        '  a.conf: |',
        '    alpha',
        '    beta',
        '  b.conf: x=1',
        '  lines: "alpha,beta"',
        '  secret: ""',
        '  template: ""',
        // The last document of a file is trimmed, so the trailing blank goes.
        '  paths: conf/a.conf conf/b.conf',
        '',
      ].join('\n'),
    );
  });

  it('.Chart, .Release, .Capabilities and .Subcharts', async () => {
    const dir = makeChart('objs', {
      'Chart.yaml': 'apiVersion: v2\nname: objs\nversion: 1.2.3\nappVersion: "9.9"\ndependencies:\n  - name: sub\n    version: 0.1.0\n    alias: child\n',
      'values.yaml': 'child:\n  greeting: hi\n',
      'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
      'charts/sub/values.yaml': 'greeting: hello\n',
      'charts/sub/templates/cm.yaml': 'kind: ConfigMap\nmetadata:\n  name: {{ .Chart.Name }}-{{ .Values.greeting }}\n  root: {{ .Chart.IsRoot }}\n',
      'templates/info.yaml': [
        'kind: Info',
        'chart: {{ .Chart.Name }}-{{ .Chart.Version }} app={{ .Chart.AppVersion }} root={{ .Chart.IsRoot }} md={{ .Chart.Metadata.Name }}',
        'release: {{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Revision }} {{ .Release.IsInstall }} {{ .Release.IsUpgrade }} {{ .Release.Service }}',
        'kube: {{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }}',
        'apis: {{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "example.com/v1" }} {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" }}',
        'sub: {{ .Subcharts.child.Values.greeting }} {{ .Subcharts.child.Chart.Name }}',
        'template: {{ .Template.Name }} {{ .Template.BasePath }}',
        '',
      ].join('\n'),
    });
    const r = await render(dir, ['--namespace', 'ns', '--kube-version', '1.29', '--api-versions', 'example.com/v1'], 'rel');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        '---',
        '# Source: objs/charts/child/templates/cm.yaml',
        'kind: ConfigMap',
        'metadata:',
        '  name: child-hi',
        '  root: false',
        '---',
        '# Source: objs/templates/info.yaml',
        'kind: Info',
        'chart: objs-1.2.3 app=9.9 root=true md=objs',
        'release: rel ns 1 true false Helm',
        // ParseGeneric keeps the components it was given.
        'kube: v1.29 1.29',
        'apis: true true false',
        'sub: hi child',
        'template: objs/templates/info.yaml objs/templates',
        '',
      ].join('\n'),
    );
  });

  it('an unknown .Chart field is an error, an unknown .Release key is empty', async () => {
    const dir = makeChart('strict', {
      'Chart.yaml': 'apiVersion: v2\nname: strict\nversion: 0.1.0\n',
      'templates/a.yaml': 'kind: A\nx: "{{ .Release.Nope }}"\n',
      'templates/b.yaml': 'kind: B\ny: {{ .Chart.Nope }}\n',
    });
    const r = await render(dir);
    expect(r.code).toBe(1);
    // .Chart comes out of a map[string]interface{}, so Go names the type interface {}.
    expect(r.stderr).toMatch(/^Error: template: strict\/templates\/b.yaml:2:\d+: executing "strict\/templates\/b.yaml" at <.Chart.Nope>: can't evaluate field Nope in type interface \{\}\n/);
  });

  it('reads requirements.yaml dependencies of an apiVersion v1 chart', async () => {
    const dir = makeChart('v1chart', {
      'Chart.yaml': 'apiVersion: v1\nname: v1chart\nversion: 0.1.0\n',
      'requirements.yaml': 'dependencies:\n  - name: sub\n    version: 0.1.0\n    condition: sub.enabled\n',
      'values.yaml': 'sub:\n  enabled: false\n',
      'charts/sub/Chart.yaml': 'apiVersion: v1\nname: sub\nversion: 0.1.0\n',
      'charts/sub/templates/a.yaml': 'kind: FromSub\n',
      'templates/a.yaml': 'kind: FromParent\n',
    });
    const chart = await loadChart(dir);
    expect(chart.metadata.dependencies?.map((d) => d.name)).toEqual(['sub']);
    expect(chart.files.map((f) => f.name)).toEqual(['requirements.yaml']);
    const r = await renderChart(chart, {});
    expect(r.documents.map((d) => d.kind)).toEqual(['FromParent']);
    const on = await renderChart(chart, { set: ['sub.enabled=true'] });
    // Unknown kinds sort by name.
    expect(on.documents.map((d) => d.kind)).toEqual(['FromParent', 'FromSub']);
  });

  it('renders the library templates of a dependency but none of its manifests', async () => {
    const dir = makeChart('uselib', {
      'Chart.yaml': 'apiVersion: v2\nname: uselib\nversion: 0.1.0\ndependencies:\n  - name: lib\n    version: 1.0.0\n',
      'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n',
      'charts/lib/templates/_name.tpl': '{{- define "lib.name" -}}lib-{{ .Chart.Name }}{{- end -}}',
      'charts/lib/templates/ignored.yaml': 'kind: NeverRendered\n',
      'templates/a.yaml': 'kind: A\nname: {{ include "lib.name" . }}\n',
    });
    const r = await render(dir);
    expect(r.stdout).toBe('---\n# Source: uselib/templates/a.yaml\nkind: A\nname: lib-uselib\n');
  });
});
