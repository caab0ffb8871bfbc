import { defineRule } from '../src/engine/rule.js';
import type { PodTemplateRef } from '../src/engine/resource-index.js';
import { declaredPorts, describePorts, podContainers, portNumber, portRef, someDeclaredPort, someReachableContainer, type DeclaredPort, type PortRef } from './_lib/ports.js';
import { isObject } from '../src/k8s/object.js';
import { selectingServices, selectPods } from './_lib/services.js';
import { PORT_READS, SELECTION_READS } from './_lib/reads.js';

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'service-target-port',
    description: "A Service's targetPort resolves on the pods it selects: named ports by name and protocol, numbers among the declared containerPorts",
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    reads: [...SELECTION_READS, ['spec', 'ports'], ...PORT_READS],
  },
  check(ctx) {
    // Services sharing a selector share its pods (selectPods memoises them): the ports of a large
    // selection are gathered once. A few pods are scanned again for each Service, which costs as
    // little, and keeps a large input from holding one summary per Service.
    const summaries = new Map<readonly PodTemplateRef[], PodPorts>();
    for (const { svc, selector } of selectingServices(ctx.index.ofKind('Service'))) {
      const pods = selectPods(ctx.index, ctx.settings.kubeVersion, svc.namespace, selector);
      // A Service that selects nothing is service-selector-match's finding, not ours.
      if (pods.length === 0) continue;
      // A few pods are scanned port by port (no summary to build); the summary is made when
      // a port does not resolve, for the message.
      let summary = pods.length > SHARED_SELECTION ? summaries.get(pods) : undefined;
      if (!summary && pods.length > SHARED_SELECTION) summaries.set(pods, (summary = podPorts(pods)));
      const ports = svc.object.spec.ports;
      if (!Array.isArray(ports)) continue;
      for (let i = 0; i < ports.length; i++) {
        const p: unknown = ports[i];
        if (!isObject(p)) continue;
        const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
        const defaulted = p.targetPort === undefined || p.targetPort === null;
        // A quoted `port: "80"` is k8s-schema's finding; the default targetPort is still the number meant.
        const port = defaulted ? portNumber(p.port) : undefined;
        const ref: PortRef | undefined = defaulted ? (port === undefined ? undefined : { kind: 'number', port }) : portRef(p.targetPort);
        if (!ref) continue; // malformed: k8s-schema's finding
        if (summary ? summary.resolves(ref, protocol) : declares(pods, ref, protocol)) continue;
        const { declared, firstByName } = (summary ??= podPorts(pods));
        const selected = summary.selected();
        const path = ['spec', 'ports', i, defaulted ? 'port' : 'targetPort'];
        if (ref.kind === 'name') {
          const sameName = firstByName.get(ref.name);
          const why = sameName ? `; "${ref.name}" is ${sameName.protocol}` : '';
          const numeric = ref.numeric ? '; a quoted number is read as a port name, write it unquoted' : '';
          ctx.report({
            resource: svc,
            path,
            message: `targetPort "${ref.name}" of Service ${svc.name} names no ${protocol} container port of the pods it selects (${selected}: ${describePorts(declared)})${why}${numeric}`,
          });
        } else {
          const what = defaulted ? `port ${ref.port} (the targetPort when none is given)` : `targetPort ${ref.port}`;
          // Containers that declare their ports listen on those: traffic to another port finds nothing.
          // Containers that declare none may listen anywhere (declaring is optional): only a warning then.
          if (declared.length > 0) {
            ctx.report({
              resource: svc,
              path,
              message: `${what} of Service ${svc.name} is not a containerPort of the pods it selects (${selected}: ${describePorts(declared)}): the Service sends traffic where nothing listens`,
            });
          } else {
            ctx.report({
              resource: svc,
              path,
              severity: 'warning',
              message: `${what} of Service ${svc.name} cannot be checked: the pods it selects (${selected}) declare no container ports`,
            });
          }
        }
      }
    }
  },
});

/** Above this many selected pods, a selection's port summary is kept for the other Services sharing it. */
const SHARED_SELECTION = 4;

/** The container ports of a set of selected pods, indexed for the per-port checks. */
interface PodPorts {
  declared: DeclaredPort[];
  byNameAndProtocol: Set<string>;
  firstByName: Map<string, DeclaredPort>;
  numbers: Set<number>;
  /** "Deployment a, Deployment b" for messages (built on first use). */
  selected: () => string;
  /** The port resolves on these pods (as declares() says). */
  resolves: (ref: PortRef, protocol: string) => boolean;
}

/**
 * A targetPort resolves on the selected pods: a name by name and protocol (as the endpoints
 * controller looks it up in each pod), a number among the containerPorts. Most Services
 * select a pod or two: their ports are looked through, with no summary built.
 */
function declares(pods: readonly PodTemplateRef[], ref: PortRef, protocol: string): boolean {
  const matches =
    ref.kind === 'number'
      ? (containerPort: number) => containerPort === ref.port
      : (_containerPort: number, name: string | undefined, portProtocol: string) => name === ref.name && portProtocol === protocol;
  return pods.some((pod) => someReachableContainer(pod.spec, (c) => someDeclaredPort(c, matches)));
}

function podPorts(pods: readonly PodTemplateRef[]): PodPorts {
  const declared: DeclaredPort[] = pods.flatMap((p) => podContainers(p.spec).flatMap(declaredPorts));
  const byNameAndProtocol = new Set<string>();
  const firstByName = new Map<string, DeclaredPort>();
  const numbers = new Set<number>();
  for (const d of declared) {
    numbers.add(d.containerPort);
    if (d.name === undefined) continue;
    byNameAndProtocol.add(`${d.name}\u0000${d.protocol}`);
    if (!firstByName.has(d.name)) firstByName.set(d.name, d);
  }
  let selected: string | undefined;
  const resolves = (ref: PortRef, protocol: string) => (ref.kind === 'name' ? byNameAndProtocol.has(`${ref.name}\u0000${protocol}`) : numbers.has(ref.port));
  return { declared, byNameAndProtocol, firstByName, numbers, resolves, selected: () => (selected ??= pods.map((p) => `${p.workload.kind} ${p.workload.name}`).join(', ')) };
}
