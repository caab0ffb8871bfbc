/**
 * Read paths (RuleMeta.reads) the cross-resource rules share: what the helpers they
 * call read of each object. A rule's declaration is checked against the rule
 * fixtures by test/engine/projection.test.ts.
 */
import type { ReadPath } from '../../src/engine/rule.js';
import { POD_LABEL_READS, podSpecReads } from '../../src/k8s/workloads.js';

/** Fields of every container and init container of a workload. */
export function containerReads(...fields: string[]): ReadPath[] {
  return podSpecReads(...fields.flatMap((f) => [['containers', '*', f], ['initContainers', '*', f]]));
}

/**
 * Selecting a Service's pods (rules/_lib/services.ts, the ResourceIndex's pod templates):
 * the Service's type and selector, each workload's pod labels and that it has a pod spec,
 * a StatefulSet's ordinals and replicas, a HorizontalPodAutoscaler's target and maximum.
 */
export const SELECTION_READS: readonly ReadPath[] = [
  ['spec', 'type'],
  ['spec', 'selector'],
  ...POD_LABEL_READS,
  ...podSpecReads(['{}']),
  ['spec', 'ordinals'],
  ['spec', 'replicas'],
  ['spec', 'scaleTargetRef'],
  ['spec', 'maxReplicas'],
];

/** The keys of a Secret or ConfigMap (rules/_lib/refs.ts definedKeys). */
export const DEFINED_KEYS_READS: readonly ReadPath[] = [['data'], ['stringData'], ['binaryData']];

/** Every reference to a Secret or ConfigMap in a pod spec (rules/_lib/refs.ts objectRefsOf). */
export const OBJECT_REF_READS: readonly ReadPath[] = [...containerReads('env', 'envFrom'), ...podSpecReads(['volumes'], ['imagePullSecrets'])];

/** The containers' images the dockerfile-* rules group by Dockerfile (rules/_lib/dockerfile.ts), and their names. */
export const DOCKERFILE_READS: readonly ReadPath[] = containerReads('image', 'name');

/** The container ports a Service reaches (rules/_lib/ports.ts podContainers, declaredPorts). */
export const PORT_READS: readonly ReadPath[] = [...containerReads('ports', 'name'), ...podSpecReads(['initContainers', '*', 'restartPolicy'])];
