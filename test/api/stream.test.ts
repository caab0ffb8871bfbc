/**
 * Raw manifests stream (src/lint-units.ts ResourceStream): parsed, checked by the
 * per-resource rules in batches, and kept only as what the cross-resource rules read.
 * The findings are those of one run over whole objects, whatever the batch size; whole
 * objects reach the rules one batch at a time, and none is kept once its batch ran.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { streamSettings } from '../../src/lint-units.js';
import type { CheckedRule } from '../../src/engine/rule.js';
import { RULES } from '../../rules/index.js';
import type { LintResult } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'k8s-todo-lint-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const defaults = { ...streamSettings };
afterEach(() => {
  Object.assign(streamSettings, defaults);
});

/** A component: Deployment, Service, ConfigMap and Secret, with findings of most rules here and there. */
function component(i: number): string {
  const ns = i % 7 === 0 ? 'other' : 'todo';
  const ignore = i % 11 === 0 ? `\n  annotations: {k8s-todo-lint.io/ignore: "service-selector-match,env-refs,image-naming -- planted"}` : '';
  const comment = i % 13 === 0 ? '    # k8s-todo-lint-disable-next-line service-target-port\n' : '';
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: todo-${i}
  namespace: ${ns}
  labels: {app: todo, component: c${i}}${ignore}
spec:
  replicas: ${i % 5}
  selector: {matchLabels: {component: c${i}}}
  template:
    metadata: {labels: {component: c${i}}}
    spec:
      containers:
        - name: app
          image: ${i % 3 ? `todo-backend:1.0.${i}` : 'nginx'}
          ports: [{name: http, containerPort: 8000}]
          env:
            - {name: URL, value: "http://todo-svc-${i + 1}:${i % 2 ? 8000 : 9000}"}
            - name: DB
              valueFrom: {secretKeyRef: {name: todo-secret-${i % 4 ? i : i + 1}, key: ${i % 6 ? 'DATABASE_URL' : 'NOPE'}}}
          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
          livenessProbe: {httpGet: {path: /health, port: ${i % 9 ? 'http' : 'web'}}}
---
apiVersion: v1
kind: Service
metadata:
  name: ${i % 10 === 0 ? `todo-${i}` : `todo-svc-${i}`}
  namespace: ${ns}${ignore}
spec:
  type: ${i % 8 === 0 ? 'NodePort' : 'ClusterIP'}
  selector: {component: c${i % 17 === 0 ? i + 1000 : i}}
  ports:
${comment}    - port: 8000
      targetPort: ${i % 4 === 0 ? 'web' : 'http'}${i % 8 === 0 ? `\n      nodePort: ${30000 + (i % 3)}` : ''}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: todo-config-${i}, namespace: ${ns}}
data:
  API_URL: "http://todo-svc-${i}.${ns}:8000"
  PASSWORD: hunter${i}
---
apiVersion: v1
kind: Secret
metadata: {name: todo-secret-${i}, namespace: ${ns}}
type: Opaque
data: {DATABASE_URL: ${i % 5 ? 'cG9zdGdyZXM6Ly9kYg==' : 'not base64!'}}
`;
}

/** A custom resource before its CustomResourceDefinition: k8s-schema checks it against the CRD all the same. */
const CUSTOM = `---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w, namespace: todo}
spec: {size: "big"}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}}
`;

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const files = [
  write('a.yaml', CUSTOM + Array.from({ length: 60 }, (_, i) => component(i)).join('')),
  write('b.yaml', Array.from({ length: 25 }, (_, i) => component(i + 60)).join('')),
];

/** One run over whole objects: the language server's fixes keep the raw manifests whole (no stream). */
async function wholeRun(): Promise<LintResult> {
  const r = await lint({ paths: files, cwd: dir, fixes: true });
  for (const f of [...r.findings, ...r.suppressed]) delete f.fix;
  return r;
}

describe('streamed raw manifests', () => {
  it('give the findings of one run over whole objects, whatever the batch size', async () => {
    const whole = await wholeRun();
    expect(whole.findings.length).toBeGreaterThan(300);
    expect(whole.suppressed.length).toBeGreaterThan(5);
    expect(new Set(whole.findings.map((f) => f.ruleId)).size).toBeGreaterThan(15);
    expect(whole.findings.some((f) => f.ruleId === 'k8s-schema' && f.message.includes('size'))).toBe(true);
    // Small enough to wait whole (one run, as without a stream), then streamed from the first resource, or past a few batches.
    expect(await lint({ paths: files, cwd: dir })).toEqual(whole);
    for (const [wholeUpTo, batchSize] of [[0, 1], [0, 7], [100, 16], [0, 10_000]]) {
      Object.assign(streamSettings, { wholeUpTo, batchSize });
      expect(await lint({ paths: files, cwd: dir }), `batches of ${batchSize} past ${wholeUpTo}`).toEqual(whole);
    }
  }, 120_000);

  it('hold whole objects one batch at a time, and keep none of them', async () => {
    Object.assign(streamSettings, { wholeUpTo: 0, batchSize: 16 });
    const perResource = RULES.find((r) => r.meta.id === 'required-labels') as CheckedRule<any>;
    const cross = RULES.find((r) => r.meta.id === 'service-selector-match') as CheckedRule<any>;
    const batches: number[] = [];
    const whole = new WeakSet<object>();
    const seenByCross: Array<Record<string, any>> = [];
    const spy = (rule: CheckedRule<any>, see: (ctx: Parameters<CheckedRule<any>['check']>[0]) => void) => {
      const check = rule.check;
      rule.check = (ctx) => {
        see(ctx);
        check(ctx);
      };
      return () => (rule.check = check);
    };
    const restore = [
      spy(perResource, (ctx) => {
        batches.push(ctx.resources.length);
        for (const r of ctx.resources) walk(r.object, (o) => whole.add(o));
      }),
      spy(cross, (ctx) => {
        for (const r of ctx.resources) seenByCross.push(r.object);
      }),
    ];
    try {
      const result = await lint({ paths: files, cwd: dir });
      expect(result.summary.resources).toBe(85 * 4 + 2);
    } finally {
      for (const r of restore) r();
    }
    // The per-resource rules saw every resource, in batches of at most 16.
    expect(batches.reduce((a, b) => a + b, 0)).toBe(85 * 4 + 2);
    expect(Math.max(...batches)).toBeLessThanOrEqual(16);
    // (The first resource past wholeUpTo 0 runs alone: the stream starts there.)
    expect(batches.length).toBe(1 + Math.ceil((85 * 4 + 1) / 16));
    // The cross-resource rules ran once, over every resource, none of whose objects (or parts) is a parsed tree.
    expect(seenByCross).toHaveLength(85 * 4 + 2);
    let parts = 0;
    for (const o of seenByCross) walk(o, (x) => {
      parts++;
      expect(whole.has(x)).toBe(false);
    });
    expect(parts).toBeGreaterThan(85 * 4 * 3);
    // What is kept is what the cross-resource rules read: no probe, no resources of a container.
    const deployment = seenByCross.find((o) => o.kind === 'Deployment')!;
    expect(Object.keys(deployment.spec.template.spec.containers[0]).sort()).toEqual(['env', 'image', 'name', 'ports', 'resources']);
  }, 120_000);

  it('keep documents that hold no text on the heap and no locator, and place findings in them as before', async () => {
    const whole = await wholeRun();
    Object.assign(streamSettings, { wholeUpTo: 0, batchSize: 16 });
    const cross = RULES.find((r) => r.meta.id === 'service-selector-match') as CheckedRule<any>;
    const check = cross.check;
    const docs: Array<Record<string, any>> = [];
    cross.check = (ctx) => {
      for (const r of ctx.resources) docs.push(r.doc as unknown as Record<string, any>);
      check(ctx);
    };
    try {
      expect(await lint({ paths: files, cwd: dir })).toEqual(whole);
    } finally {
      cross.check = check;
    }
    expect(docs).toHaveLength(85 * 4 + 2);
    for (const doc of docs) {
      // A TextDocument kept by the stream (src/load/documents.ts): its text off the V8 heap (src/load/file-text.ts), no locator.
      expect(doc.constructor.name).toBe('TextDocument');
      expect(doc.fileText.onHeap).toBe(false);
      expect(doc.locator).toBeUndefined();
    }
  }, 120_000);

  it('tell the CLI when a unit streams and when it is finished, and only then', async () => {
    const told: boolean[] = [];
    streamSettings.onStreaming = (streaming) => told.push(streaming);
    await lint({ paths: files, cwd: dir });
    expect(told).toEqual([]);
    Object.assign(streamSettings, { wholeUpTo: 100, batchSize: 16 });
    try {
      await lint({ paths: files, cwd: dir });
    } finally {
      delete streamSettings.onStreaming;
    }
    expect(told).toEqual([true, false]);
  }, 120_000);
});

function walk(value: unknown, visit: (o: object) => void): void {
  if (value === null || typeof value !== 'object') return;
  visit(value);
  for (const v of Object.values(value)) walk(v, visit);
}
