/**
 * Container ports as Kubernetes resolves them: a Service's targetPort and a
 * probe's port are either a number (used as is) or the name of a container
 * port (looked up by name, and for Services also by protocol).
 */
import { isObject } from '../../src/k8s/object.js';

export interface DeclaredPort {
  name?: string;
  containerPort: number;
  protocol: string;
}

/**
 * The ports a container declares. A quoted number (`containerPort: "8000"`) is
 * read as the number its author meant: the API server rejects the object and
 * k8s-schema reports that one problem, so the port rules must not add a second
 * claim ("declares no port 8000") on top. Entries with no readable number are skipped.
 */
export function declaredPorts(container: Record<string, any>): DeclaredPort[] {
  const ports = container.ports;
  if (!Array.isArray(ports)) return [];
  const out: DeclaredPort[] = [];
  for (const p of ports) {
    if (!isObject(p)) continue;
    const containerPort = portNumber(p.containerPort);
    if (containerPort === undefined) continue;
    out.push({
      name: typeof p.name === 'string' ? p.name : undefined,
      containerPort,
      protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
    });
  }
  return out;
}

/** A port field that must be an integer (containerPort, a Service's port): its number, also when quoted; else undefined. */
export function portNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  return typeof v === 'string' && /^\d{1,5}$/.test(v.trim()) ? Number(v.trim()) : undefined;
}

/**
 * The containers whose ports a Service can reach: every regular container,
 * and init containers only as sidecars (restartPolicy Always), the others
 * having exited before the pod is ready.
 */
export function podContainers(spec: Record<string, any>): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  if (Array.isArray(spec.containers)) for (const c of spec.containers) if (isObject(c)) out.push(c);
  if (Array.isArray(spec.initContainers)) {
    for (const c of spec.initContainers) if (isObject(c) && c.restartPolicy === 'Always') out.push(c);
  }
  return out;
}

/**
 * How Kubernetes reads an IntOrString port: a YAML number is a port number;
 * any string is a port name, even "8000" (the API server then rejects it as
 * a name without letters, so we say so).
 */
export type PortRef = { kind: 'number'; port: number } | { kind: 'name'; name: string; numeric: boolean };

export function portRef(v: unknown): PortRef | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return { kind: 'number', port: v };
  if (typeof v === 'string' && v !== '') return { kind: 'name', name: v, numeric: /^\d+$/.test(v) };
  return undefined;
}

/** "8000, http=8080" style list of what a set of ports declares, for messages. */
export function describePorts(ports: readonly DeclaredPort[]): string {
  if (ports.length === 0) return 'no ports';
  return ports.map((p) => `${p.name ? `${p.name}=` : ''}${p.containerPort}${p.protocol === 'TCP' ? '' : `/${p.protocol}`}`).join(', ');
}
