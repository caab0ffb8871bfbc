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
  const out: DeclaredPort[] = [];
  someDeclaredPort(container, (containerPort, name, protocol) => {
    out.push({ name, containerPort, protocol });
    return false;
  });
  return out;
}

/** Whether some port the container declares (as declaredPorts reads them) passes `test`: the same reading, with no list built. */
export function someDeclaredPort(container: Record<string, any>, test: (containerPort: number, name: string | undefined, protocol: string) => boolean): boolean {
  const ports = container.ports;
  if (!Array.isArray(ports)) return false;
  for (const p of ports) {
    if (!isObject(p)) continue;
    const containerPort = portNumber(p.containerPort);
    if (containerPort === undefined) continue;
    if (test(containerPort, typeof p.name === 'string' ? p.name : undefined, typeof p.protocol === 'string' ? p.protocol : 'TCP')) return true;
  }
  return false;
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
  someReachableContainer(spec, (c) => {
    out.push(c);
    return false;
  });
  return out;
}

/** Whether some container podContainers gives passes `test`: the same walk, with no list built. */
export function someReachableContainer(spec: Record<string, any>, test: (container: Record<string, any>) => boolean): boolean {
  if (Array.isArray(spec.containers)) for (const c of spec.containers) if (isObject(c) && test(c)) return true;
  if (Array.isArray(spec.initContainers)) {
    for (const c of spec.initContainers) if (isObject(c) && c.restartPolicy === 'Always' && test(c)) return true;
  }
  return false;
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
