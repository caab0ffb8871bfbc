#!/usr/bin/env node
// Template engine speed: renders a ~300-line chart template that makes 50
// include calls (plus range/with/if over values) and prints the median time
// per render, with and without provenance tracking, and the one-off parse time.
// Bundles the TypeScript sources with esbuild first, so it needs no build.
// Measurement only: nothing here is asserted.
import { importSources } from './import-sources.mjs';
import { performance } from 'node:perf_hooks';

const m = await importSources(
  "export * from './src/helm/template/helm-engine.ts'; export * from './src/helm/template/template.ts'; export * from './src/helm/go/value.ts'; export { RenderContext } from './src/helm/template/exec.ts';",
);

// Small stand-ins for the Sprig functions the template uses, so the figure is
// the engine's, not the function library's.
const funcs = m.withGoSignature
  ? {
      quote: (...a) => a.filter((x) => x !== null && x !== undefined).map((x) => JSON.stringify(String(x))).join(' '),
      nindent: m.withGoSignature((n, s) => '\n' + ' '.repeat(Number(n)) + String(s).replaceAll('\n', '\n' + ' '.repeat(Number(n))), { params: ['int', 'string'] }),
      default: (d, ...v) => (v.length === 0 || v[0] === null || v[0] === '' || v[0] === undefined ? d : v[0]),
      trunc: m.withGoSignature((n, s) => String(s).slice(0, Number(n)), { params: ['int', 'string'] }),
    }
  : {};

const helpers = `{{/* helpers */}}
{{- define "app.name" -}}{{ default .Chart.name .Values.nameOverride | trunc 63 }}{{- end -}}
{{- define "app.fullname" -}}{{ printf "%s-%s" .Release.Name (include "app.name" .) | trunc 63 }}{{- end -}}
{{- define "app.labels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}
{{- define "app.selector" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- define "app.image" -}}{{ .repository }}:{{ .tag | default "latest" }}{{- end -}}
`;

let body = '';
const lines = () => body.split('\n').length;
// 10 documents x 5 include calls in the template itself (more nested inside helpers).
for (let i = 0; i < 10; i++) {
  body += `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}-${i}
  annotations:
    app: {{ include "app.name" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "app.selector" . | nindent 6 }}
  template:
    spec:
      containers:
        - name: c${i}
          image: {{ include "app.image" .Values.image | quote }}
          {{- with .Values.resources }}
          resources:
            limits:
              cpu: {{ .limits.cpu }}
              memory: {{ .limits.memory }}
          {{- end }}
          env:
            {{- range $k, $v := .Values.env }}
            - name: {{ $k }}
              value: {{ $v | quote }}
            {{- end }}
          {{- if .Values.probes }}
          livenessProbe: {httpGet: {path: /health, port: {{ .Values.port }}}}
          {{- end }}
`;
}
// Count the include calls actually made per render.
const tmplText = body;
const values = {
  replicaCount: 2,
  port: 8080,
  probes: true,
  image: { repository: 'example/app', tag: '1.2.3' },
  resources: { limits: { cpu: '500m', memory: '256Mi' } },
  env: { A: 'a', B: 'b', C: 'c', LOG_LEVEL: 'info' },
};
const data = {
  Values: values,
  Release: { Name: 'rel', Namespace: 'default', Service: 'Helm', Revision: 1n, IsInstall: true, IsUpgrade: false },
  Chart: { name: 'app', version: '0.1.0' },
};
const files = [
  { name: 'app/templates/_helpers.tpl', text: helpers, data },
  { name: 'app/templates/deploy.yaml', text: tmplText, data },
];

let calls = 0;

function measure(label, fn, n) {
  for (let i = 0; i < 50; i++) fn();
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(n / 2)], p90: times[Math.floor(n * 0.9)] };
}

// Parse once, render many: a TemplateSet holding the parsed trees.
const parseStart = performance.now();
const set = new m.TemplateSet('gotpl', {}, 'zero');
const engineFuncs = {
  ...funcs,
  include: m.withGoSignature((name, d) => {
    calls++;
    return set.executeTemplate(name, d).text;
  }, { params: ['string', 'any'] }),
};
set.funcs = engineFuncs;
set.parse(files[0].name, helpers);
set.parse(files[1].name, tmplText);
const parseMs = performance.now() - parseStart;

calls = 0;
set.executeTemplate(files[1].name, data);
const includesPerRender = calls;

const withProv = measure('render (provenance on)', () => set.executeTemplate(files[1].name, data, new m.RenderContext(true)), 400);
const noProv = measure('render (provenance off)', () => set.executeTemplate(files[1].name, data, new m.RenderContext(false)), 400);
const full = measure('renderHelm (parse + render)', () => m.renderHelm(files, funcs), 200);

console.log(
  `template: ${lines()}-line template, 50 include calls in it (${includesPerRender} with nested ones): ` +
    `render median ${withProv.median.toFixed(3)} ms (p90 ${withProv.p90.toFixed(3)}) with provenance, ` +
    `${noProv.median.toFixed(3)} ms without; parse once ${parseMs.toFixed(2)} ms; renderHelm incl. parse ${full.median.toFixed(3)} ms`,
);
