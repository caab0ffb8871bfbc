/**
 * Capacity data modelled on the todo-app designs: backend and two frontends
 * at 2 replicas each, an AI agent scaled by an HPA to 3, on the default
 * cluster (4 cpu / 8Gi minus 1 cpu / 2Gi reserved).
 */
import type { CapacityData } from '../../src/capacity.js';

export const todoCapacity: CapacityData = {
  unit: 'manifests',
  allocatable: { cpu: '3', memory: '6Gi' },
  maxUtilization: 0.7,
  workloads: [
    { kind: 'Deployment', namespace: 'todo', name: 'backend', replicas: 2, replicasFrom: 'replicas', requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    { kind: 'Deployment', namespace: 'todo', name: 'frontend-web', replicas: 2, replicasFrom: 'replicas', requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '400m', memory: '512Mi' } },
    { kind: 'Deployment', namespace: 'todo', name: 'frontend-chatbot', replicas: 2, replicasFrom: 'replicas', requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '400m', memory: '512Mi' } },
    { kind: 'Deployment', namespace: 'todo', name: 'ai-agent', replicas: 3, replicasFrom: 'HPA maxReplicas', requests: { cpu: '300m', memory: '768Mi' }, limits: { cpu: '600m', memory: '2.25Gi' } },
  ],
  total: { requests: { cpu: '1200m', memory: '1.75Gi' }, limits: { cpu: '2400m', memory: '4.25Gi' } },
  percent: { requests: { cpu: 40, memory: 29.2 }, limits: { cpu: 80, memory: 70.8 } },
};
