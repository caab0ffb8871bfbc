#!/usr/bin/env node
/**
 * Schema validation speed: objects/s of the built-in validator on a mix of
 * common kinds (valid objects, the usual case), plus what loading one kind's
 * modules costs. Needs the build: `npm run build && node scripts/bench-schema.mjs`.
 *
 * The bar (PERF-NOTES.md): over 500,000 objects/s in-process.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/src/schema/', import.meta.url);
if (!existsSync(new URL('runtime.js', dist))) {
  console.error('dist/src/schema/runtime.js not found: run `npm run build` first');
  process.exit(2);
}

const container = (name, port) => ({
  name,
  image: `todo-${name}:1.0.0`,
  imagePullPolicy: 'IfNotPresent',
  ports: [{ containerPort: port, name: 'http', protocol: 'TCP' }],
  env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'todo-secrets', key: 'DATABASE_URL' } } }, { name: 'PORT', value: String(port) }],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  livenessProbe: { httpGet: { path: '/health', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 10 },
  readinessProbe: { httpGet: { path: '/ready', port: port }, periodSeconds: 5 },
  securityContext: { runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false },
});
const labels = { app: 'todo', component: 'backend' };
const objects = [
  ['apps/v1', 'Deployment', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'todo-backend', namespace: 'todo', labels },
    spec: { replicas: 2, selector: { matchLabels: labels }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: { metadata: { labels }, spec: { containers: [container('backend', 8000)], volumes: [{ name: 'tmp', emptyDir: {} }] } } },
  }],
  ['v1', 'Service', {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'todo-backend', namespace: 'todo', labels },
    spec: { type: 'NodePort', selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP' }] },
  }],
  ['v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'todo-config', labels }, data: { API_URL: 'http://todo-backend:80', LOG_LEVEL: 'info' } }],
  ['v1', 'Secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'todo-secrets', labels }, type: 'Opaque', stringData: { DATABASE_URL: 'x' } }],
];

// CPU time too: on a busy machine wall time says more about the neighbours than about us.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = performance.now();
const c0 = cpu();
const { builtinValidator } = await import(new URL('runtime.js', dist).href);
const t1 = performance.now();
const c1 = cpu();
// Cold: the kind's module, then the shared ones its first object reaches, and V8 compiling them.
const deployment = builtinValidator('apps/v1', 'Deployment');
deployment.validate(objects[0][2]);
const t2 = performance.now();
const c2 = cpu();
builtinValidator('v1', 'Service').validate(objects[1][2]);
const t3 = performance.now();
const c3 = cpu();

const validators = objects.map(([av, kind, obj]) => [builtinValidator(av, kind), obj]);
for (const [v, obj] of validators) {
  const issues = v.validate(obj);
  if (issues.length) throw new Error(`bench object is invalid: ${issues.map((i) => i.message).join('; ')}`);
}

function run(n) {
  let count = 0;
  for (let i = 0; i < n; i++) for (const [v, obj] of validators) count += v.validate(obj).length + 1;
  return count;
}
run(20_000); // warm up
const rounds = [];
const cpuRounds = [];
for (let r = 0; r < 5; r++) {
  const n = 50_000;
  const s = performance.now();
  const cs = cpu();
  const count = run(n);
  rounds.push(count / ((performance.now() - s) / 1000));
  cpuRounds.push(count / ((cpu() - cs) / 1000));
}
rounds.sort((a, b) => a - b);
cpuRounds.sort((a, b) => a - b);

const [deploymentOnly, deploymentCpu] = (() => {
  const obj = objects[0][2];
  const s = performance.now();
  const cs = cpu();
  for (let i = 0; i < 100_000; i++) deployment.validate(obj);
  return [100_000 / ((performance.now() - s) / 1000), 100_000 / ((cpu() - cs) / 1000)];
})();

const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(`module import (runtime.js and its imports): ${(t1 - t0).toFixed(1)} ms wall, ${(c1 - c0).toFixed(1)} ms CPU`);
console.log(`first object, an apps/v1 Deployment (index, kind module, pod spec and volume modules; cold): ${(t2 - t1).toFixed(1)} ms wall, ${(c2 - c1).toFixed(1)} ms CPU`);
console.log(`then a v1 Service (its module; cold): ${(t3 - t2).toFixed(1)} ms wall, ${(c3 - c2).toFixed(1)} ms CPU`);
console.log(`mixed Deployment/Service/ConfigMap/Secret: ${fmt(rounds[2])} objects/s (median of 5; ${fmt(cpuRounds[2])} per CPU second)`);
console.log(`Deployment only (71 values): ${fmt(deploymentOnly)} objects/s (${fmt(deploymentCpu)} per CPU second)`);
