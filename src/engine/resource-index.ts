/**
 * An index over the whole resource set, built once per lint so that
 * cross-resource rules stay linear: the workloads, lookups by kind, by
 * (kind, namespace, name) and the pod templates of workloads by namespace.
 */
import { podSpecOf, podTemplateLabelsOf, WORKLOAD_KINDS } from '../k8s/workloads.js';
import type { Resource } from './resource.js';

export interface PodTemplateRef {
  workload: Resource;
  /** Labels of the pod template (or of the Pod itself). */
  labels: Record<string, string>;
  /** Path of the pod spec inside the workload object. */
  specPath: readonly (string | number)[];
  spec: Record<string, any>;
}

/** Work done by selector matching (matches made, pod templates checked): the structural tests of linearity count it. */
export const selectorStats = { selections: 0, candidates: 0 };

/**
 * One or several values: an index of 100,000 resources holds one resource under most keys,
 * and an array for each would be a tenth of a large lint's memory (as would joined keys:
 * the lookups below are nested maps of the names the resources already hold).
 */
type OneOrMore<T> = T | T[];

export class ResourceIndex {
  /** The resources of a workload kind (src/k8s/workloads.ts), in input order. */
  readonly workloads: readonly Resource[];
  private readonly byKind = new Map<string, Resource[]>();
  /** Kind -> namespace ('' for none) -> name -> resources. */
  private readonly byKey = new Map<string, Map<string, Map<string, OneOrMore<Resource>>>>();
  private readonly pods = new Map<string, PodTemplateRef[]>();
  /** Pod templates by namespace, label and value: selector matching looks up its rarest pair. */
  private readonly podsByLabel = new Map<string, Map<string, Map<string, OneOrMore<PodTemplateRef>>>>();
  /** Resources by kind and name, in any namespace: built on the first lookup (only findings need it). */
  private byKindName: Map<string, Resource[]> | undefined;

  constructor(readonly all: readonly Resource[]) {
    const workloads: Resource[] = [];
    for (const r of all) {
      push(this.byKind, r.kind, r);
      add(this.byKey, r.kind, r.namespace ?? '', r.name, r);
      if (WORKLOAD_KINDS.has(r.kind)) {
        workloads.push(r);
        const pod = podSpecOf(r);
        if (pod) {
          const ref: PodTemplateRef = { workload: r, labels: podTemplateLabelsOf(r), specPath: pod.path, spec: pod.spec };
          push(this.pods, r.namespace ?? '', ref);
          for (const [k, v] of Object.entries(ref.labels)) add(this.podsByLabel, r.namespace ?? '', k, v, ref);
        }
      }
    }
    this.workloads = workloads;
  }

  ofKind(kind: string): readonly Resource[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Resources of a kind and name in a namespace (several when the input defines it twice). */
  find(kind: string, namespace: string | undefined, name: string): readonly Resource[] {
    return list(this.byKey.get(kind)?.get(namespace ?? '')?.get(name));
  }

  /** Same kind and name in any namespace (to say "exists in namespace X"). */
  findAnyNamespace(kind: string, name: string): readonly Resource[] {
    if (!this.byKindName) {
      this.byKindName = new Map();
      for (const r of this.all) push(this.byKindName, key(r.kind, undefined, r.name), r);
    }
    return this.byKindName.get(key(kind, undefined, name)) ?? [];
  }

  /** Namespaces that hold pod templates ('' for cluster-scoped holders), in input order. */
  podNamespaces(): Iterable<string> {
    return this.pods.keys();
  }

  /** Pod templates in a namespace. */
  podTemplates(namespace: string | undefined): readonly PodTemplateRef[] {
    return this.pods.get(namespace ?? '') ?? [];
  }

  /** Pod templates in a namespace whose labels include every selector pair. */
  selectPods(namespace: string | undefined, selector: Record<string, unknown>): PodTemplateRef[] {
    const entries = Object.entries(selector);
    selectorStats.selections++;
    if (entries.length === 0) return [];
    // Start from the selector pair with the fewest pods, then check the other pairs.
    let candidates: readonly PodTemplateRef[] | undefined;
    const byLabel = this.podsByLabel.get(namespace ?? '');
    for (const [k, v] of entries) {
      const found = list(byLabel?.get(k)?.get(String(v)));
      if (!candidates || found.length < candidates.length) candidates = found;
      if (found.length === 0) return [];
    }
    selectorStats.candidates += candidates?.length ?? 0;
    return (candidates ?? []).filter((p) => entries.every(([k, v]) => p.labels[k] !== undefined && p.labels[k] === String(v)));
  }
}

function add<V>(m: Map<string, Map<string, Map<string, OneOrMore<V>>>>, a: string, b: string, c: string, v: V): void {
  let inA = m.get(a);
  if (!inA) m.set(a, (inA = new Map()));
  let inB = inA.get(b);
  if (!inB) inA.set(b, (inB = new Map()));
  const known = inB.get(c);
  if (known === undefined) inB.set(c, v);
  else if (Array.isArray(known)) known.push(v);
  else inB.set(c, [known, v]);
}

function list<V>(v: OneOrMore<V> | undefined): readonly V[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function key(kind: string, ns: string | undefined, name: string): string {
  return `${kind}\u0000${ns ?? ''}\u0000${name}`;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
