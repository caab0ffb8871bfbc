/**
 * One LintResult, modelled on the todo-app deployment designs (a NodePort
 * Service out of range whose value comes from values.yaml, a Secret missing a
 * key, a capacity overrun...), shared by every formatter test. Some texts carry
 * the characters each format must escape.
 */
import type { Finding, LintResult } from '../../src/types.js';
import type { FormatContext, RuleInfo } from '../../src/format/types.js';

const DOCS = 'https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/';

export const rules: RuleInfo[] = [
  { id: 'nodeport-range', description: 'Service nodePorts lie in the NodePort range', defaultSeverity: 'error', helpUri: `${DOCS}nodeport-range.md` },
  { id: 'required-secret-keys', description: 'Required Secrets hold every required key', defaultSeverity: 'error', helpUri: `${DOCS}required-secret-keys.md` },
  { id: 'probes-present', description: 'Long-running containers have liveness and readiness probes', defaultSeverity: 'error', helpUri: `${DOCS}probes-present.md` },
  { id: 'cluster-capacity', description: 'Workloads fit the cluster at 70% utilisation', defaultSeverity: 'error', helpUri: `${DOCS}cluster-capacity.md` },
  { id: 'replicas-range', description: 'Workload replicas lie within the range', defaultSeverity: 'warning', helpUri: `${DOCS}replicas-range.md` },
  { id: 'k8s-schema', description: 'Resources validate against the Kubernetes schema', defaultSeverity: 'error', helpUri: `${DOCS}k8s-schema.md` },
  { id: 'rolling-update-strategy', description: 'Deployments roll out with zero downtime', defaultSeverity: 'off', helpUri: `${DOCS}rolling-update-strategy.md` },
  { id: 'yaml-syntax', description: 'Files parse as Kubernetes YAML', defaultSeverity: 'error', helpUri: `${DOCS}yaml-syntax.md` },
];

const frontendService = { apiVersion: 'v1', kind: 'Service', namespace: 'todo-local', name: 'todo-frontend' };
const backend = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'todo-local', name: 'todo-backend' };

export const nodePortFinding: Finding = {
  ruleId: 'nodeport-range',
  severity: 'error',
  message: 'nodePort 29999 is outside 30000-32767',
  location: { file: 'charts/todo/templates/service.yaml', line: 14, column: 17, endLine: 14, endColumn: 22 },
  resource: frontendService,
  path: 'spec.ports[0].nodePort',
  related: [{ file: 'charts/todo/values.yaml', line: 22, column: 13, endLine: 22, endColumn: 18, message: 'value set here' }],
};

const findings: Finding[] = [
  nodePortFinding,
  {
    ruleId: 'replicas-range',
    severity: 'warning',
    message: 'replicas 12 is above the maximum 10',
    location: { file: 'k8s/backend.yaml', line: 8, column: 13, endLine: 8, endColumn: 15 },
    resource: backend,
    path: 'spec.replicas',
  },
  {
    ruleId: 'cluster-capacity',
    severity: 'error',
    message: 'memory limits total 4.5Gi, 75% of allocatable 6Gi (bar: 70%)',
    location: { file: 'k8s/backend.yaml', line: 31, column: 19, endLine: 31, endColumn: 24 },
    resource: backend,
    path: 'spec.template.spec.containers[0].resources.limits.memory',
  },
  {
    ruleId: 'k8s-schema',
    severity: 'info',
    message: 'no schema for cert-manager.io/v1 Certificate; skipped',
    location: { file: 'k8s/certificate.yaml', line: 1, column: 1, endLine: 1, endColumn: 27 },
    resource: { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', name: 'todo-tls' },
  },
  {
    ruleId: 'yaml-syntax',
    severity: 'error',
    message: 'duplicate key "image" <100% sure> | a, b: c\nsecond line & more',
    location: { file: 'k8s/odd,name:1.yaml', line: 3, column: 5, endLine: 3, endColumn: 10 },
  },
  {
    ruleId: 'required-secret-keys',
    severity: 'error',
    message: 'Secret todo-secrets has no key OPENAI_API_KEY',
    location: { file: 'k8s/secret.yaml', line: 7, column: 1, endLine: 9, endColumn: 1 },
    resource: { apiVersion: 'v1', kind: 'Secret', namespace: 'todo-local', name: 'todo-secrets' },
    path: 'data',
  },
];

const suppressed: Finding[] = [
  {
    ruleId: 'probes-present',
    severity: 'error',
    message: 'container backend has no livenessProbe',
    location: { file: 'k8s/backend.yaml', line: 20, column: 11, endLine: 20, endColumn: 18 },
    resource: backend,
    path: 'spec.template.spec.containers[0]',
    suppressed: { kind: 'annotation', justification: 'the sidecar answers health checks' },
  },
];

export const result: LintResult = {
  findings,
  suppressed,
  summary: { files: 6, resources: 9, errors: 4, warnings: 1, infos: 1, suppressed: 1 },
};

export const emptyResult: LintResult = {
  findings: [],
  suppressed: [],
  summary: { files: 2, resources: 3, errors: 0, warnings: 0, infos: 0, suppressed: 0 },
};

export function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: '/repo', color: false, rules, toolVersion: '0.1.0', reportSuppressed: false, ...overrides };
}
