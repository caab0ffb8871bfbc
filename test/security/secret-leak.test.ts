/**
 * No output ever holds a secret's value. A marker is planted into every kind
 * of place a secret lives (Secret data and stringData, ConfigMap data under
 * secret-looking keys, env values of secret-named variables, URLs with a
 * password or a token in the query, values.yaml and --set, integers, YAML
 * aliases and tags, a JSON file that does not parse, a values.schema.json
 * pattern failure, a tpl parse error), every rule runs, and every format (and
 * the capacity report) must print neither the marker nor its base64 at any
 * alignment. The `template` command is exempt: it is a renderer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capacityReport, formatContext, formatters, lint, rules, type LintOptions } from '../../src/index.js';
import { renderCapacityJson, renderCapacityText } from '../../src/capacity-report.js';
import { githubStepSummary } from '../../src/format/github.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-leak-');

const MARKER = 'LEAKMARKER7c1f';
/** A secret YAML reads as an integer. */
const NUMBER = '8473625190';

/** The marker, and its base64 at each of the three byte alignments (the characters that encode only marker bytes). */
function forbidden(): string[] {
  const out = [MARKER, NUMBER];
  for (const secret of [MARKER, NUMBER]) {
    for (let k = 0; k < 3; k++) {
      const b64 = Buffer.concat([Buffer.alloc(k, 'x'), Buffer.from(secret)]).toString('base64');
      out.push(b64.slice(k === 0 ? 0 : 4, b64.length - 4));
    }
  }
  return out;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

function write(dir: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

const M = MARKER;

const RAW = `apiVersion: v1
kind: Secret
metadata:
  name: scalar-data
data: ${M}
stringData: "${M}"
---
apiVersion: v1
kind: Secret
metadata:
  name: app-secrets
data:
  DATABASE_URL: ${b64(`postgres://todo:${M}@db-svc:5432/todo`)}
  BETTER_AUTH_SECRET: "${M}!"
  OPENAI_API_KEY: ${b64(M).replace(/=+$/, '')}
  URLSAFE: ${M}-_
  NUM: ${NUMBER}
  LIST: [${M}]
  NESTED: {a: ${M}}
stringData:
  JWT_SECRET: ${M}
  PORT_TOKEN: ${NUMBER}
  OBJ: {x: ${M}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  DB_PASSWORD: ${NUMBER}
  API_TOKEN: [${M}]
  AUTH_SECRET: {a: ${M}}
  OPENAI_API_KEY: sk-${M}abcdefghijklmnop
  DATABASE_URL: postgres://todo:${M}@db-svc:5432/todo
  BACKEND_URL: http://user:${M}@backend-svc:8000/api?token=${M}#${M}
  WEBHOOK_URL: https://hooks-svc:8443/x?api_key=${M}
  ODD_URL: http://u:a?b/${M}#c@cache-svc:6379/0
  SLASH_URL: http://u:12/${M}@cache-svc:6379/0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: todo-web:1.0.0
          env:
            - name: DB_PASSWORD
              value: ${NUMBER}
            - name: API_TOKEN
              value: {x: ${M}}
            - name: JWT_SECRET
              value: [${M}]
            - name: DATABASE_URL
              value: postgres://u:${M}@db-svc:5432/db?sslmode=${M}
            - name: BACKEND_URL
              value: http://backend-svc:8000/?key=${M}
          resources:
            requests: {cpu: 100m, memory: 64Mi}
            limits: {cpu: 200m, memory: 128Mi}
`;

/** One document each: a YAML error ends its document. */
const SYNTAX = `apiVersion: v1
kind: Secret
metadata:
  name: aliased
stringData:
  DB_PASSWORD: *${M}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: tagged
data:
  API_TOKEN: !${M} value
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: handle
data:
  KEY: [!e!${M} x]
---
apiVersion: v1
kind: Secret
metadata:
  name: tagged-int
stringData:
  PW: !!int ${M}
`;

const CHART = 'apiVersion: v2\nname: NAME\nversion: 0.1.0\n';

function plantCharts(dir: string): string[] {
  // A chart that renders: secrets through values.yaml and --set, into a Secret, a ConfigMap and env values.
  write(dir, 'charts/app/Chart.yaml', CHART.replace('NAME', 'app'));
  write(dir, 'charts/app/values.yaml', `db:\n  password: "${M}"\n  url: "postgres://todo:${M}@db-svc:5432/todo"\napiKey: sk-${M}abcdefghijklmnop\npinPassword: ${NUMBER}\n`);
  write(dir, 'charts/app/templates/secret.yaml', `apiVersion: v1
kind: Secret
metadata:
  name: app
data:
  DB_PASSWORD: {{ .Values.db.password | b64enc }}
  RAW_PASSWORD: {{ .Values.db.password }}
  PIN: {{ .Values.pinPassword }}
stringData:
  DATABASE_URL: {{ .Values.db.url }}
  FROM_SET: {{ .Values.setPassword | default "x" }}
`);
  write(dir, 'charts/app/templates/cm.yaml', `apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  OPENAI_API_KEY: {{ .Values.apiKey }}
  DB_PASSWORD: {{ .Values.pinPassword }}
  DATABASE_URL: {{ .Values.db.url }}
  BACKEND_URL: http://backend-svc:8000/?token={{ .Values.db.password }}
`);
  write(dir, 'charts/app/templates/deploy.yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
        - name: app
          image: todo-app:1.0.0
          env:
            - name: DB_PASSWORD
              value: {{ .Values.pinPassword }}
            - name: DATABASE_URL
              value: {{ .Values.db.url }}
`);
  // A values.schema.json pattern failure on a password.
  write(dir, 'charts/schema/Chart.yaml', CHART.replace('NAME', 'schema'));
  write(dir, 'charts/schema/values.yaml', `db:\n  password: "${M}"\napiKey: "sk-${M}abcdefghijklmnop"\npinPassword: ${NUMBER}\n`);
  write(dir, 'charts/schema/values.schema.json', JSON.stringify({ properties: { db: { properties: { password: { type: 'string', pattern: '^[a-z]+$' } } }, apiKey: { format: 'email' }, pinPassword: { maximum: 10 } } }));
  write(dir, 'charts/schema/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: schema\n');
  // tpl of a string that does not parse, and one that fails to execute.
  write(dir, 'charts/tpl/Chart.yaml', CHART.replace('NAME', 'tpl'));
  write(dir, 'charts/tpl/values.yaml', `greeting: "{{ .Values.x ${M} }} ${M}"\n`);
  write(dir, 'charts/tpl/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tpl\ndata:\n  x: {{ tpl .Values.greeting . | quote }}\n');
  write(dir, 'charts/tplexec/Chart.yaml', CHART.replace('NAME', 'tplexec'));
  write(dir, 'charts/tplexec/values.yaml', `greeting: "${M} {{ fail \\"no\\" }}"\n`);
  write(dir, 'charts/tplexec/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tplexec\ndata:\n  x: {{ tpl .Values.greeting . | quote }}\n');
  // An alias to an anchor that does not exist, in values.yaml and in a rendered Secret.
  write(dir, 'charts/anchor/Chart.yaml', CHART.replace('NAME', 'anchor'));
  write(dir, 'charts/anchor/values.yaml', `a: &x 1\npassword: *${M}\n`);
  write(dir, 'charts/anchor/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchor\n');
  write(dir, 'charts/tanchor/Chart.yaml', CHART.replace('NAME', 'tanchor'));
  write(dir, 'charts/tanchor/templates/s.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: tanchor\nstringData:\n  K: *${M}\n`);
  return ['app', 'schema', 'tpl', 'tplexec', 'anchor', 'tanchor'].map((c) => `charts/${c}`);
}

/** Every rule on, at warning (so nothing is filtered by severity). */
function allRulesConfig(dir: string): string {
  const config = { rules: Object.fromEntries(rules().map((r) => [r.id, 'warning'])) };
  writeFileSync(path.join(dir, 'all.json'), JSON.stringify(config));
  return 'all.json';
}

function expectNoMarker(label: string, text: string): void {
  for (const f of forbidden()) expect(text.includes(f), `${label} prints ${JSON.stringify(f)}:\n${text}`).toBe(false);
}

describe('secret-leak: a planted secret never reaches any output', () => {
  it('in every format, with every rule on, for manifests and charts', async () => {
    const dir = tempDir();
    write(dir, 'raw.yaml', RAW);
    write(dir, 'syntax.yaml', SYNTAX);
    write(dir, 'bad.json', `{\n  "apiVersion": "v1", "kind": "Secret", "metadata": {"name": "j"},\n  "stringData": {"DATABASE_URL": pw-${M}}\n}\n`);
    const charts = plantCharts(dir);
    const options: LintOptions = { paths: ['raw.yaml', 'syntax.yaml', 'bad.json', ...charts], cwd: dir, configFile: allRulesConfig(dir), helm: { set: [`setPassword=${M}`] } };
    const result = await lint(options);
    // The probes reach the code that used to print them.
    const ids = new Set(result.findings.map((f) => f.ruleId));
    for (const id of ['k8s-schema', 'yaml-syntax', 'helm-render', 'service-url-refs', 'secret-encoding', 'configmap-no-secrets']) expect(ids, id).toContain(id);
    expect(result.findings.filter((f) => f.ruleId === 'helm-render').length).toBeGreaterThanOrEqual(5);
    for (const [name, format] of Object.entries(formatters)) {
      expectNoMarker(name, format(result, formatContext({ cwd: dir, reportSuppressed: true })));
      expectNoMarker(`${name} --no-color`, format(result, formatContext({ cwd: dir, color: false })));
    }
    expectNoMarker('GitHub step summary', githubStepSummary(result, formatContext({ cwd: dir })));
    const capacity = await capacityReport(options);
    expect(capacity.units.flatMap((u) => u.workloads).length).toBeGreaterThan(0);
    expectNoMarker('capacity', renderCapacityText(capacity, { color: false }));
    expectNoMarker('capacity --format json', renderCapacityJson(capacity));
  });

  it('in the one line a --set that does not parse stops the run with', async () => {
    const dir = tempDir();
    plantCharts(dir);
    for (const set of [`password=abc,${M}rest`, `db.password=abc,${M}`, `pw=abc,{${M}`, `x=1,${M}`]) {
      const error = await lint({ paths: ['charts/app'], cwd: dir, configFile: allRulesConfig(dir), helm: { set: [set] } }).then(() => undefined, (e: Error) => e);
      expect(error, set).toBeInstanceOf(Error);
      expectNoMarker(`--set ${set}`, error!.message);
    }
  });
});
