import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import type { Severity } from '../src/types.js';
import { customResourcesByNamespace } from './_lib/custom-resources.js';
import { ordinalMiss, selectingServices, selectPods } from './_lib/services.js';
import { SELECTION_READS } from './_lib/reads.js';

/** The cluster's own namespace: control-plane static pods and add-ons run there without being in any input. */
const CLUSTER_NAMESPACE = 'kube-system';

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'service-selector-match',
    description: "A Service's selector selects at least one workload's pod template in the same namespace",
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    reads: SELECTION_READS,
  },
  check(ctx) {
    const kube = ctx.settings.kubeVersion;
    let customs: Map<string, Resource[]> | undefined;
    // The namespaces a Service's pods could be in instead, sorted: the same for every Service.
    let podNamespaces: string[] | undefined;
    for (const { svc, selector } of selectingServices(ctx.index.ofKind('Service'))) {
      if (selectPods(ctx.index, kube, svc.namespace, selector).length > 0) continue;
      const labels = Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`).join(', ');
      // Kubernetes only selects pods in the Service's own namespace; say so when the pods live elsewhere.
      // Only namespaces that hold pods can match (not every known namespace per Service: that is quadratic).
      const elsewhere: string[] = [];
      for (const ns of (podNamespaces ??= [...ctx.index.podNamespaces()].filter((ns) => ctx.settings.knownNamespaces.has(ns)).sort())) {
        if (ns === svc.namespace) continue;
        for (const p of selectPods(ctx.index, kube, ns, selector)) elsewhere.push(`${p.workload.kind} ${p.workload.name} in namespace ${ns}`);
      }
      const miss = ordinalMiss(ctx.index, kube, svc.namespace, selector);
      const hint = elsewhere.length ? `; ${elsewhere.join(', ')} matches, but a Service only selects pods in its own namespace` : miss ? `; ${miss}` : '';
      const base = `Service ${svc.name} selects no pod`;
      const noMatch = `no workload in namespace ${svc.namespace} has pod labels ${labels}`;
      // Pods the input does not hold may still exist: then the input cannot prove the Service selects nothing.
      const unsure = elsewhere.length || miss ? undefined : whyUnsure(svc, selector, (customs ??= customResourcesByNamespace(ctx.resources, ctx.crds.catalog)), ctx.index.podTemplates(svc.namespace).length > 0);
      ctx.report({
        resource: svc,
        path: ['spec', 'selector'],
        message: unsure ? `${base} of the input: ${noMatch}; ${unsure.why}` : `${base}: ${noMatch}${hint}`,
        ...(unsure ? { severity: unsure.severity } : {}),
      });
    }
  },
});

/**
 * Why pods outside the input may match, and how sure the rule still is: an
 * operator's custom resource the selector names (info), other custom resources
 * in the namespace (warning), or the cluster's own namespace (info, a warning
 * when the input runs workloads there too).
 */
function whyUnsure(svc: Resource, selector: Record<string, unknown>, customs: Map<string, Resource[]>, inputRunsPodsThere: boolean): { severity: Severity; why: string } | undefined {
  const crs = customs.get(svc.namespace ?? '') ?? [];
  const values = crs.length > 0 ? Object.values(selector).map(String) : [];
  // Operators label the pods they make with the custom resource's name (alertmanager=<name>, <set>-<ordinal>).
  const named = crs.filter((cr) => cr.name !== '' && values.some((v) => namesPart(v, cr.name)));
  // Several may share the name (a Prometheus and its HTTPRoute): the one whose kind the selector also says is likelier.
  const mentions = (cr: Resource) => Object.entries(selector).some(([k, v]) => `${k}=${String(v)}`.toLowerCase().includes(cr.kind.toLowerCase()));
  const maker = named.find(mentions) ?? named[0];
  if (maker) {
    return { severity: 'info', why: `its pods are likely made by the operator of ${maker.kind} ${maker.name} (a custom resource of ${maker.group}), which the input does not show` };
  }
  if (crs.length > 0) {
    const kinds = [...new Set(crs.map((cr) => cr.kind))].sort();
    const shown = kinds.length > 3 ? `${kinds.slice(0, 3).join(', ')} and ${kinds.length - 3} more` : kinds.join(', ');
    return { severity: 'warning', why: `namespace ${svc.namespace} holds custom resources (${shown}) whose operators may create the pods, so this is not certain` };
  }
  if (svc.namespace === CLUSTER_NAMESPACE) {
    return { severity: inputRunsPodsThere ? 'warning' : 'info', why: `${CLUSTER_NAMESPACE} runs the cluster's own pods (control-plane static pods, add-ons), which the input does not show` };
  }
  return undefined;
}

/** `value` is `name`, or has it as a dash-separated part (`prometheus-main-0` names `main`). */
function namesPart(value: string, name: string): boolean {
  for (let at = value.indexOf(name); at !== -1; at = value.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || value[at - 1] === '-') && (end === value.length || value[end] === '-')) return true;
  }
  return false;
}
