import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capacityReport, type CapacityData } from '../../src/capacity.js';
import { capacityBar, capacityVerdict, renderCapacityJson, renderCapacityText } from '../../src/capacity-report.js';
import { todoCapacity } from './fixture.js';

const expectedText = `Cluster capacity  allocatable: cpu 3, memory 6Gi; limits bar 70% (│)

WORKLOAD                          REPLICAS             CPU REQ  CPU LIM  MEM REQ  MEM LIM
Deployment todo/backend           2                    500m     1        512Mi    1Gi
Deployment todo/frontend-web      2                    200m     400m     256Mi    512Mi
Deployment todo/frontend-chatbot  2                    200m     400m     256Mi    512Mi
Deployment todo/ai-agent          3 (HPA maxReplicas)  300m     600m     768Mi    2.25Gi
TOTAL                                                  1200m    2400m    1.75Gi   4.25Gi

cpu requests     ████████████████░░░░░░░░░░░░│░░░░░░░░░░░     40%  1200m of 3  ok
cpu limits       ████████████████████████████│███░░░░░░░░     80%  2400m of 3  over the 70% bar
memory requests  ████████████░░░░░░░░░░░░░░░░│░░░░░░░░░░░   29.2%  1.75Gi of 6Gi  ok
memory limits    ████████████████████████████│░░░░░░░░░░░   70.8%  4.25Gi of 6Gi  over the 70% bar

cpu limits by workload (share of allocatable 3)
  Deployment todo/backend           █████████████░░░░░░░░░░░░░░░│░░░░░░░░░░░   33.3%  1
  Deployment todo/frontend-web      █████░░░░░░░░░░░░░░░░░░░░░░░│░░░░░░░░░░░   13.3%  400m
  Deployment todo/frontend-chatbot  █████░░░░░░░░░░░░░░░░░░░░░░░│░░░░░░░░░░░   13.3%  400m
  Deployment todo/ai-agent          ████████░░░░░░░░░░░░░░░░░░░░│░░░░░░░░░░░     20%  600m

memory limits by workload (share of allocatable 6Gi)
  Deployment todo/backend           ███████░░░░░░░░░░░░░░░░░░░░░│░░░░░░░░░░░   16.7%  1Gi
  Deployment todo/frontend-web      ███░░░░░░░░░░░░░░░░░░░░░░░░░│░░░░░░░░░░░    8.3%  512Mi
  Deployment todo/frontend-chatbot  ███░░░░░░░░░░░░░░░░░░░░░░░░░│░░░░░░░░░░░    8.3%  512Mi
  Deployment todo/ai-agent          ███████████████░░░░░░░░░░░░░│░░░░░░░░░░░   37.5%  2.25Gi
`;

describe('capacity report: text', () => {
  it('renders the table, the total bars and each workload share', () => {
    expect(renderCapacityText({ units: [todoCapacity] }, { color: false })).toBe(expectedText);
  });

  it('colours bars and verdicts by how they stand, and nothing else changes', () => {
    const colored = renderCapacityText({ units: [todoCapacity] }, { color: true });
    expect(colored.replace(/\x1b\[[0-9;]*m/g, '')).toBe(expectedText);
    const line = (label: string) => colored.split('\n').find((l) => l.startsWith(label))!;
    expect(line('cpu requests')).toContain('\x1b[32mok\x1b[39m');
    expect(line('cpu limits ')).toContain('\x1b[33mover the 70% bar\x1b[39m');
    expect(line('cpu limits ')).toContain('\x1b[33m████████████████████████████│███░░░░░░░░\x1b[39m');
  });

  it('says when the cluster is over capacity', () => {
    const over: CapacityData = {
      ...todoCapacity,
      workloads: [todoCapacity.workloads[0]],
      total: { requests: { cpu: '3500m', memory: '512Mi' }, limits: { cpu: '4', memory: '1Gi' } },
      percent: { requests: { cpu: 116.7, memory: 8.3 }, limits: { cpu: 133.3, memory: 16.7 } },
    };
    const lines = renderCapacityText({ units: [over] }, { color: false, barWidth: 10 }).split('\n');
    expect(lines.filter((l) => /^(cpu|memory) (requests|limits) +[█░│]/.test(l))).toEqual([
      'cpu requests     ███████│██  116.7%  3500m of 3  over capacity',
      'cpu limits       ███████│██  133.3%  4 of 3  over capacity',
      'memory requests  █░░░░░░│░░    8.3%  512Mi of 6Gi  ok',
      'memory limits    ██░░░░░│░░   16.7%  1Gi of 6Gi  ok',
    ]);
  });

  it('says so when there is no workload', () => {
    const none: CapacityData = { ...todoCapacity, workloads: [], total: { requests: { cpu: '0', memory: '0' }, limits: { cpu: '0', memory: '0' } }, percent: { requests: { cpu: 0, memory: 0 }, limits: { cpu: 0, memory: 0 } } };
    expect(renderCapacityText({ units: [none] }, { color: false })).toBe(
      'Cluster capacity  allocatable: cpu 3, memory 6Gi; limits bar 70% (│)\n\nNo workloads found.\n',
    );
  });

  it('draws bars with the utilisation mark', () => {
    expect(capacityBar(0, 0.7, 10)).toBe('░░░░░░░│░░');
    expect(capacityBar(50, 0.7, 10)).toBe('█████░░│░░');
    expect(capacityBar(100, 0.7, 10)).toBe('███████│██');
    expect(capacityBar(250, 0.5, 4)).toBe('██│█');
    expect(capacityBar(40, 1, 5)).toBe('██░░│');
  });

  it('judges requests against capacity and limits against the bar', () => {
    expect(capacityVerdict(80, 'requests', 0.7)).toBe('ok');
    expect(capacityVerdict(100, 'requests', 0.7)).toBe('ok');
    expect(capacityVerdict(100.1, 'requests', 0.7)).toBe('over-capacity');
    expect(capacityVerdict(70, 'limits', 0.7)).toBe('ok');
    expect(capacityVerdict(70.1, 'limits', 0.7)).toBe('over-bar');
    expect(capacityVerdict(101, 'limits', 0.7)).toBe('over-capacity');
  });
});

describe('capacity report: JSON', () => {
  it('is the data plus a verdict per total', () => {
    expect(JSON.parse(renderCapacityJson({ units: [todoCapacity] }))).toEqual({
      units: [{ ...todoCapacity, verdict: { requests: { cpu: 'ok', memory: 'ok' }, limits: { cpu: 'over-bar', memory: 'over-bar' } } }],
    });
    expect(renderCapacityJson({ units: [todoCapacity] }).endsWith('}\n')).toBe(true);
  });
});

describe('capacity report from manifests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-todo-lint-capacity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders what capacityData computes from a Deployment and an HPA', async () => {
    writeFileSync(
      join(dir, 'app.yaml'),
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: backend, namespace: todo, labels: {app: todo}}
spec:
  replicas: 2
  selector: {matchLabels: {app: todo}}
  template:
    metadata: {labels: {app: todo}}
    spec:
      containers:
        - name: backend
          image: todo-backend:1.0.0
          resources:
            requests: {cpu: 250m, memory: 256Mi}
            limits: {cpu: 500m, memory: 512Mi}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: agent, namespace: todo, labels: {app: todo}}
spec:
  selector: {matchLabels: {app: todo}}
  template:
    metadata: {labels: {app: todo}}
    spec:
      containers:
        - name: agent
          image: todo-agent:1.0.0
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 1, memory: 1Gi}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: agent, namespace: todo, labels: {app: todo}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: agent}
  minReplicas: 1
  maxReplicas: 3
`,
    );
    const data = await capacityReport({ paths: ['app.yaml'], cwd: dir });
    const text = renderCapacityText(data, { color: false });
    expect(text.split('\n').slice(2, 6)).toEqual([
      'WORKLOAD                 REPLICAS             CPU REQ  CPU LIM  MEM REQ  MEM LIM',
      'Deployment todo/backend  2                    500m     1        512Mi    1Gi',
      'Deployment todo/agent    3 (HPA maxReplicas)  300m     3        384Mi    3Gi',
      'TOTAL                                         800m     4        896Mi    4Gi',
    ]);
    expect(text).toContain('cpu limits       ████████████████████████████│███████████  133.3%  4 of 3  over capacity');
    expect(text).toContain('memory limits    ███████████████████████████░│░░░░░░░░░░░   66.7%  4Gi of 6Gi  ok');
  });
});
