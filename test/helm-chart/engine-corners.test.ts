/**
 * Helm engine corners that the Go reference renderer (gotpl) cannot judge or
 * that need a whole chart: each expectation follows the Go function named in
 * its comment (Helm v3.21.4, Sprig v3.3.0, sigs.k8s.io/yaml, Go's fmt and
 * text/template). scripts/differential.mjs checks the rest against gotpl.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChart, renderChart } from '../../src/helm/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'helm-engine-corners-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
async function render(files: Record<string, string>, kubeVersion = '1.30.0'): Promise<string> {
  const dir = join(scratch, `c${n++}`);
  for (const [name, text] of Object.entries({ 'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n', ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const chart = await loadChart(dir);
  return (await renderChart(chart, { kubeVersion })).output;
}

/** One template line rendered as a YAML comment, so that any text is a valid manifest. */
async function line(template: string, values = ''): Promise<string> {
  const out = await render({ 'templates/t.yaml': `# ${template}\n`, 'values.yaml': values });
  return out.replace(/^---\n# Source: app\/templates\/t.yaml\n# /, '').replace(/\n$/, '');
}

describe('engine corners', () => {
  // engine/funcs.go fromYAML/fromJSON/fromYAMLArray/fromJSONArray take a string:
  // text/template's evalArg refuses other types before the call.
  it('fails from* on a non-string as text/template does', async () => {
    await expect(line('{{ fromYaml .Values.n }}', 'n: 1\n')).rejects.toThrow(
      'at <.Values.n>: wrong type for value; expected string; got interface {}',
    );
    await expect(line('{{ fromJsonArray 2 }}')).rejects.toThrow('at <2>: expected string; found 2');
  });

  // The same functions unmarshal into a fresh map/slice: JSON null (YAML null or an
  // empty document) sets it to nil, which encoding/json writes as null.
  it('returns nil maps and slices for null', async () => {
    expect(await line('{{ fromYaml "null" | toJson }} {{ fromYaml "" | toJson }} {{ fromJsonArray "null" | toJson }} {{ fromYaml "~" }} {{ fromYaml "" | toYaml }}')).toBe(
      'null null null map[] null',
    );
  });

  // libyaml yaml_parser_scan_directive: an unknown directive is a scanner error.
  it('puts an unknown YAML directive error in the Error key', async () => {
    expect(await line('{{ (fromYaml "%x\\na: 1").Error }}')).toBe('error converting YAML to JSON: yaml: found unknown directive name');
  });

  // Sprig list.go mustRest/mustInitial: `return nil, nil` for an empty list.
  it('gives nil slices for rest and initial of an empty list', async () => {
    expect(await line('{{ rest list | toJson }} {{ mustInitial list | toJson }} {{ rest list }} {{ rest (list 1) | toJson }} {{ first list | toJson }}')).toBe(
      'null null [] [] null',
    );
  });

  // Sprig dict.go dig: `ps[len(ps)-1].(map[string]interface{})`; Helm's .Values is a
  // chartutil.Values, so the assertion panics and text/template reports the panic.
  it('fails dig on .Values itself but not on a map inside it', async () => {
    await expect(line('{{ dig "a" "x" .Values }}', 'a: 1\n')).rejects.toThrow(
      'error calling dig: interface conversion: interface {} is chartutil.Values, not map[string]interface {}',
    );
    expect(await line('{{ dig "b" "x" .Values.a }} {{ get .Values "k" }} {{ hasKey .Values "a" }}', 'a:\n  b: 2\nk: v\n')).toBe('2 v true');
  });

  // chartutil.KubeVersion.String has a pointer receiver: text/template's printValue
  // takes the address of an addressable field, fmt does not for a copy.
  it('prints KubeVersion by its String method only in an action', async () => {
    expect(await line('{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion | quote }} {{ print .Capabilities.KubeVersion }} {{ printf "%v" .Capabilities.KubeVersion }}')).toBe(
      'v1.30.0 "{v1.30.0 1 30}" {v1.30.0 1 30} {v1.30.0 1 30}',
    );
  });

  // sigs.k8s.io/yaml convertToJSONableObject: Chart.yaml's appVersion (a string field) takes
  // a YAML float as strconv.FormatFloat(f, 'g', -1, 32); releaseutil.SimpleHead's
  // map[string]string annotations take numbers and booleans as strings, so sorting works.
  it('renders a chart with numeric Chart.yaml fields and numeric annotations', async () => {
    const out = await render({
      'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0\nappVersion: 1.10\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  annotations:\n    big: 1000000\n    enabled: true\ndata:\n  v: {{ .Chart.AppVersion | quote }}\n  c: {{ .Chart.Version | quote }}\n',
    });
    expect(out).toContain('  v: "1.1"\n  c: "1"\n');
  });
});
