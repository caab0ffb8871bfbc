/**
 * Provenance at engine level: each span of rendered output knows the template
 * position that produced it (text node or action `{{`) and, for values-tree
 * leaves, where the value was set.
 */
import { describe, expect, it } from 'vitest';
import { renderHelm, type HelmTemplateFile } from '../../src/helm/template/helm-engine.js';
import {
  setOrigin,
  withGoSignature,
  isGoMap,
  type GoFunction,
  type GoMap,
  type GoValue,
  type OutputSpan,
  type RenderedText,
  type ValueOrigin,
} from '../../src/helm/go/value.js';

const T = 'mychart/templates/service.yaml';
const H = 'mychart/templates/_helpers.tpl';

// Minimal stand-ins for the Sprig functions the cases call.
const funcs: Record<string, GoFunction> = {
  quote: (...a: GoValue[]) => a.filter((x) => x !== null && x !== undefined).map((x) => JSON.stringify(String(x))).join(' '),
  default: (d: GoValue, ...v: GoValue[]) => (v.length === 0 || v[0] === null || v[0] === '' ? d : v[0]),
  nindent: withGoSignature(
    (n: GoValue, s: GoValue) => '\n' + ' '.repeat(Number(n)) + String(s).replaceAll('\n', '\n' + ' '.repeat(Number(n))),
    { params: ['int', 'string'] },
  ),
  indent: withGoSignature(
    (n: GoValue, s: GoValue) => ' '.repeat(Number(n)) + String(s).replaceAll('\n', '\n' + ' '.repeat(Number(n))),
    { params: ['int', 'string'] },
  ),
  b64enc: (v: GoValue) => Buffer.from(String(v)).toString('base64'),
  sha256sum: (v: GoValue) => `sha-of-${String(v).length}`,
  // yaml.v2-shaped output for maps, lists and scalars (enough for these cases).
  toYaml: (v: GoValue) => toYaml(v, 0).replace(/\n$/, ''),
};

function toYaml(v: GoValue, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    return v.map((e) => (isGoMap(e) ? `${pad}- ${toYaml(e, indent + 2).trimStart()}` : `${pad}- ${String(e)}\n`)).join('');
  }
  if (isGoMap(v)) {
    return Object.keys(v)
      .sort()
      .map((k) => {
        const e = v[k];
        if (Array.isArray(e)) return `${pad}${k}:\n${toYaml(e, indent)}`;
        if (isGoMap(e)) return `${pad}${k}:\n${toYaml(e, indent + 2)}`;
        return `${pad}${k}: ${String(e)}\n`;
      })
      .join('');
  }
  return String(v) + '\n';
}

function origin(file: string, line: number, column: number): ValueOrigin {
  return { file, line, column };
}

function valuesWithOrigins(): GoMap {
  const service: GoMap = { type: 'NodePort', nodePort: 30080, port: 80 };
  const ports: GoValue[] = [8080, 9090];
  const resources: GoMap = { limits: { cpu: '500m', memory: '128Mi' } as GoMap, requests: { cpu: '100m' } as GoMap };
  const values: GoMap = { service, ports, resources, image: { repository: 'app', tag: '' } as GoMap };
  setOrigin(service, 'nodePort', origin('values.yaml', 3, 13));
  setOrigin(service, 'port', origin('values.yaml', 4, 9));
  setOrigin(values, 'service', origin('values.yaml', 1, 1));
  setOrigin(ports, 0, origin('values.yaml', 6, 5));
  setOrigin(ports, 1, origin('values.yaml', 7, 5));
  setOrigin(resources.limits as GoMap, 'cpu', origin('values.yaml', 10, 10));
  setOrigin(resources.limits as GoMap, 'memory', origin('values.yaml', 11, 13));
  setOrigin(resources.requests as GoMap, 'cpu', origin('values.yaml', 13, 10));
  setOrigin(values.image as GoMap, 'tag', { file: '', line: 0, column: 0, flag: '--set image.tag=' });
  return values;
}

function render(templates: Record<string, string>, values = valuesWithOrigins()): Map<string, RenderedText> {
  const data: GoMap = { Values: values, Release: { Name: 'rel', Namespace: 'ns' } };
  const files: HelmTemplateFile[] = Object.entries(templates).map(([name, text]) => ({ name, text, data }));
  return renderHelm(files, funcs);
}

/** The span covering the first occurrence of `needle` (after `from`). */
function spanAt(r: RenderedText, needle: string, from = 0): OutputSpan {
  const at = r.text.indexOf(needle, from);
  expect(at, `"${needle}" in output`).toBeGreaterThanOrEqual(0);
  const sp = r.spans.find((s) => s.start <= at && at < s.end);
  expect(sp, `span at ${at}`).toBeDefined();
  return sp!;
}

/** Spans are ordered, do not overlap and cover the whole text. */
function expectTiled(r: RenderedText): void {
  let at = 0;
  for (const s of r.spans) {
    expect(s.start).toBe(at);
    expect(s.end).toBeGreaterThan(s.start);
    at = s.end;
  }
  expect(at).toBe(r.text.length);
}

describe('template provenance', () => {
  const service = [
    'apiVersion: v1',
    'kind: Service',
    'spec:',
    '  type: {{ .Values.service.type }}',
    '  ports:',
    '    - port: {{ .Values.service.port }}',
    '      nodePort: {{ .Values.service.nodePort }}',
    '',
  ].join('\n');

  it('maps an action to its line:col and the value to its origin', () => {
    const r = render({ [T]: service }).get(T)!;
    expect(r.text).toContain('      nodePort: 30080\n');
    const sp = spanAt(r, '30080');
    expect(sp).toMatchObject({ template: T, line: 7, column: 17, kind: 'action', origin: origin('values.yaml', 3, 13) });
    expect(r.text.slice(sp.start, sp.end)).toBe('30080');
    expect(spanAt(r, '80\n')).toMatchObject({ line: 6, column: 13, origin: origin('values.yaml', 4, 9) });
    // A value without a recorded origin still maps to its action.
    const typeSpan = spanAt(r, 'NodePort');
    expect(typeSpan).toMatchObject({ line: 4, column: 9, kind: 'action' });
    expect(typeSpan.origin).toBeUndefined();
    expectTiled(r);
  });

  it('keeps the origin of a value through b64enc (a Secret\'s data), not through a hash', () => {
    const values = valuesWithOrigins();
    const auth: GoMap = { password: 'hunter2' };
    setOrigin(auth, 'password', origin('values.yaml', 20, 13));
    values.auth = auth;
    const secret = ['data:', '  password: {{ .Values.auth.password | b64enc | quote }}', '  digest: {{ .Values.auth.password | sha256sum }}', ''].join('\n');
    const r = render({ [T]: secret }, values).get(T)!;
    expect(r.text).toContain(`password: "${Buffer.from('hunter2').toString('base64')}"`);
    expect(spanAt(r, '"aHVudGVyMg==')).toMatchObject({ line: 2, column: 13, kind: 'action', origin: origin('values.yaml', 20, 13) });
    // A hash is not the value: it keeps no origin.
    expect(spanAt(r, 'sha-of-7').origin).toBeUndefined();
  });

  it('maps text to the template position it was copied from', () => {
    const r = render({ [T]: service }).get(T)!;
    const sp = spanAt(r, 'kind: Service');
    expect(sp.kind).toBe('text');
    expect(sp.template).toBe(T);
    // Text spans are verbatim: offset within the span maps by counting lines.
    const at = r.text.indexOf('kind: Service');
    const linesBefore = r.text.slice(sp.start, at).split('\n').length - 1;
    expect(sp.line + linesBefore).toBe(2);
  });

  it('follows values through pipelines, variables, with and range', () => {
    const tpl = [
      'a: {{ .Values.service.nodePort | quote }}',
      'b: {{ $p := .Values.service.nodePort }}{{ $p }}',
      'c: {{ with .Values.service }}{{ .nodePort }}{{ end }}',
      'd: {{ default 1 .Values.service.nodePort }}',
      '{{- range .Values.ports }}',
      '- {{ . }}',
      '{{- end }}',
      'e: {{ .Values.image.tag | default "latest" }}',
      'f: {{ default "x" .Values.image.tag | quote }}',
    ].join('\n');
    const r = render({ [T]: tpl }).get(T)!;
    expect(r.text).toBe('a: "30080"\nb: 30080\nc: 30080\nd: 30080\n- 8080\n- 9090\ne: latest\nf: "x"');
    const o = origin('values.yaml', 3, 13);
    expect(spanAt(r, '"30080"').origin).toEqual(o);
    expect(spanAt(r, '30080', r.text.indexOf('b:')).origin).toEqual(o);
    expect(spanAt(r, '30080', r.text.indexOf('c:')).origin).toEqual(o);
    expect(spanAt(r, '30080', r.text.indexOf('d:')).origin).toEqual(o);
    expect(spanAt(r, '8080').origin).toEqual(origin('values.yaml', 6, 5));
    expect(spanAt(r, '9090')).toMatchObject({ line: 6, column: 3, origin: origin('values.yaml', 7, 5) });
    // An empty value replaced by a default does not claim the value's origin.
    expect(spanAt(r, 'latest').origin).toBeUndefined();
    expectTiled(r);
  });

  it('maps included text to the helper and keeps origins through nindent', () => {
    const helpers = ['{{- define "svc.ports" -}}', 'port: {{ .Values.service.port }}', 'nodePort: {{ .Values.service.nodePort }}', '{{- end -}}'].join('\n');
    const tpl = 'spec:\n  ports:{{ include "svc.ports" . | nindent 4 }}\n';
    const r = render({ [H]: helpers, [T]: tpl }).get(T)!;
    expect(r.text).toBe('spec:\n  ports:\n    port: 80\n    nodePort: 30080\n');
    expect(spanAt(r, '30080')).toMatchObject({ template: H, line: 3, column: 11, origin: origin('values.yaml', 3, 13) });
    expect(spanAt(r, 'nodePort:')).toMatchObject({ template: H, kind: 'text' });
    // The indentation nindent inserts belongs to the including action.
    expect(spanAt(r, '\n    port')).toMatchObject({ template: T, line: 2, column: 9 });
    expectTiled(r);
  });

  it('keeps origins through dict and list passed to include', () => {
    const helpers = '{{- define "render" -}}v={{ .value }} l={{ index .list 1 }}{{- end -}}';
    const tpl = '{{ include "render" (dict "value" .Values.service.nodePort "list" (list 1 .Values.service.port)) }}';
    const funcsWithDict = { ...funcs, dict: (...a: GoValue[]) => Object.fromEntries(Array.from({ length: a.length / 2 }, (_, i) => [a[2 * i] as string, a[2 * i + 1]])), list: (...a: GoValue[]) => a };
    const data: GoMap = { Values: valuesWithOrigins() };
    const r = renderHelm([{ name: H, text: helpers, data }, { name: T, text: tpl, data }], funcsWithDict).get(T)!;
    expect(r.text).toBe('v=30080 l=80');
    expect(spanAt(r, '30080')).toMatchObject({ template: H, origin: origin('values.yaml', 3, 13) });
    expect(spanAt(r, '80', r.text.indexOf('l='))).toMatchObject({ template: H, origin: origin('values.yaml', 4, 9) });
  });

  it('does not attribute equal strings from elsewhere to a value', () => {
    const r = render({ [T]: 'a: {{ .Values.service.nodePort | quote }}\nb: {{ printf "%q" "30080" }}' }).get(T)!;
    expect(spanAt(r, '"30080"').origin).toEqual(origin('values.yaml', 3, 13));
    expect(spanAt(r, '"30080"', r.text.indexOf('b:')).origin).toBeUndefined();
  });

  it('keeps origins through tpl', () => {
    const r = render({ [T]: 'x: {{ tpl "{{ .Values.service.nodePort }}" . }}' }).get(T)!;
    expect(r.text).toBe('x: 30080');
    expect(spanAt(r, '30080').origin).toEqual(origin('values.yaml', 3, 13));
  });

  it('records the outermost include call as the site of what a helper printed', () => {
    const helpers = [
      '{{- define "inner" -}}',
      'port: {{ .Values.service.port }}',
      '{{- end -}}',
      '{{- define "outer" -}}',
      'kind: x',
      '{{ include "inner" . }}',
      '{{- end -}}',
    ].join('\n');
    const tpl = 'spec:\n  a: 1{{ include "outer" . | nindent 2 }}\n';
    const r = render({ [H]: helpers, [T]: tpl }).get(T)!;
    expect(r.text).toBe('spec:\n  a: 1\n  kind: x\n  port: 80\n');
    const site = { template: T, line: 2, column: 7, endLine: 2, endColumn: 42 };
    // Innermost: the helper action that printed the value; site: the call in T, not the nested one in H.
    expect(spanAt(r, '80')).toMatchObject({ template: H, line: 2, column: 7, origin: origin('values.yaml', 4, 9), site });
    expect(spanAt(r, 'kind: x')).toMatchObject({ template: H, kind: 'text', line: 5, column: 1, site });
    // The indentation is the including action's, so helper text on later lines keeps its own columns.
    expect(spanAt(r, 'port:')).toMatchObject({ template: H, kind: 'text', line: 2, column: 1, site });
    expect(spanAt(r, '  kind')).toMatchObject({ template: T, line: 2, column: 7 });
    // Text of the document's own template has no site.
    expect(spanAt(r, 'spec:').site).toBeUndefined();
    expectTiled(r);
  });

  it('records a {{template}} call as the site of what the named template printed', () => {
    const helpers = '{{- define "port" -}}\nport: {{ .Values.service.port }}\n{{- end -}}';
    const tpl = 'spec:\n{{ template "port" . }}\n';
    const r = render({ [H]: helpers, [T]: tpl }).get(T)!;
    expect(r.text).toBe('spec:\nport: 80\n');
    const site = { template: T, line: 2, column: 1, endLine: 2, endColumn: 24 };
    expect(spanAt(r, 'port:')).toMatchObject({ template: H, kind: 'text', line: 2, column: 1, site });
    expect(spanAt(r, '80')).toMatchObject({ template: H, line: 2, column: 7, origin: origin('values.yaml', 4, 9), site });
  });

  it('places what a tpl string printed at the tpl call, with the values line of the string', () => {
    const values = valuesWithOrigins();
    values.labels = 'app: {{ .Values.service.type }}-x\ntier: web';
    setOrigin(values, 'labels', origin('values.yaml', 20, 9));
    const r = render({ [T]: 'metadata:\n  labels:{{ tpl .Values.labels . | nindent 4 }}\n' }, values).get(T)!;
    expect(r.text).toBe('metadata:\n  labels:\n    app: NodePort-x\n    tier: web\n');
    const call = { template: T, line: 2, column: 10, endLine: 2, endColumn: 48 };
    for (const needle of ['app:', 'NodePort', 'tier: web']) {
      const sp = spanAt(r, needle);
      expect(sp, needle).toMatchObject({ ...call, kind: 'action', origin: origin('values.yaml', 20, 9) });
      expect(sp.template).not.toBe('gotpl');
    }
    expectTiled(r);
  });

  it('keeps the line origins of a toYaml string through tpl', () => {
    const values = valuesWithOrigins();
    const r = render({ [T]: 'resources:{{ tpl (toYaml .Values.resources) . | nindent 2 }}\n' }, values).get(T)!;
    expect(r.text).toBe('resources:\n  limits:\n    cpu: 500m\n    memory: 128Mi\n  requests:\n    cpu: 100m\n');
    expect(spanAt(r, 'cpu: 500m')).toMatchObject({ template: T, line: 1, column: 11, origin: origin('values.yaml', 10, 10) });
    expect(spanAt(r, 'memory: 128Mi').origin).toEqual(origin('values.yaml', 11, 13));
    expect(spanAt(r, 'cpu: 100m').origin).toEqual(origin('values.yaml', 13, 10));
    expectTiled(r);
  });

  it('maps each line of toYaml of a values subtree to its leaf', () => {
    const tpl = 'resources:{{ toYaml .Values.resources | nindent 2 }}\nports:{{ toYaml .Values.ports | nindent 2 }}\n';
    const r = render({ [T]: tpl }).get(T)!;
    expect(r.text).toBe('resources:\n  limits:\n    cpu: 500m\n    memory: 128Mi\n  requests:\n    cpu: 100m\nports:\n  - 8080\n  - 9090\n');
    expect(spanAt(r, 'cpu: 500m')).toMatchObject({ template: T, line: 1, column: 11, origin: origin('values.yaml', 10, 10) });
    expect(spanAt(r, 'memory: 128Mi').origin).toEqual(origin('values.yaml', 11, 13));
    expect(spanAt(r, 'cpu: 100m').origin).toEqual(origin('values.yaml', 13, 10));
    expect(spanAt(r, '- 9090').origin).toEqual(origin('values.yaml', 7, 5));
    expectTiled(r);
  });

  it('keeps spans in step when <no value> is removed', () => {
    const tpl = 'a: {{ .Values.missing }}\nb: {{ .Values.service.nodePort }}\nc: <no value>x{{ .Values.service.port }}\n';
    const r = render({ [T]: tpl }).get(T)!;
    expect(r.text).toBe('a: \nb: 30080\nc: x80\n');
    expect(spanAt(r, '30080')).toMatchObject({ line: 2, column: 4, origin: origin('values.yaml', 3, 13) });
    expect(spanAt(r, '80\n', r.text.indexOf('c:'))).toMatchObject({ line: 3, origin: origin('values.yaml', 4, 9) });
    expectTiled(r);
  });

  it('reports --set origins', () => {
    const values = valuesWithOrigins();
    (values.image as GoMap).tag = '1.2.3';
    const r = render({ [T]: 'image: {{ .Values.image.tag }}' }, values).get(T)!;
    expect(spanAt(r, '1.2.3').origin?.flag).toBe('--set image.tag=');
  });

  it('can be switched off', () => {
    const data: GoMap = { Values: valuesWithOrigins() };
    const out = renderHelm([{ name: T, text: service, data }], funcs, { trackProvenance: false }).get(T)!;
    expect(out.spans).toEqual([]);
    expect(out.text).toContain('nodePort: 30080');
  });
});
