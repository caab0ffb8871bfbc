/**
 * naming-prefix: the resources of one component share its name prefix (seed
 * 001: "Naming: Consistent prefix (`backend-`, `frontend-web-`,
 * `frontend-chatbot-`)": backend, backend-service, backend-config).
 *
 * A component is the value of one label (`label`, default `app`) on a
 * resource, on a workload's pod template when the workload itself lacks it,
 * and for a Service without it, the one value the workloads it selects share.
 * The prefix is the config's (`prefixes`), else inferred from the component's
 * workloads: the label value when every workload name starts with it, else
 * the dash-separated words all their names start with. A group without a
 * workload, or whose workload names share nothing, is not checked, nor are
 * cluster-scoped objects. A name
 * that lacks a configured prefix is an error; one that lacks an inferred
 * prefix only a warning, since the inference may have guessed wrong.
 */
import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import { isObject } from '../src/k8s/object.js';
import { podTemplateLabelsOf, WORKLOAD_KINDS } from '../src/k8s/workloads.js';
import { selectingServices, selectPods } from './_lib/services.js';
import { SELECTION_READS } from './_lib/reads.js';

interface Options {
  /** The label whose value names a resource's component. */
  label: string;
  /** Component (label value) -> the prefix its resource names start with. */
  prefixes: Record<string, string>;
}

/** `name` is `prefix` or starts with `prefix-` (a prefix written with its trailing dash works too). */
function hasPrefix(name: string, prefix: string): boolean {
  const p = prefix.replace(/-+$/, '');
  return name === p || name.startsWith(`${p}-`);
}

/** The dash-separated words that every name starts with, joined; '' when none. */
function commonWords(names: readonly string[]): string {
  const split = names.map((n) => n.split('-'));
  const out: string[] = [];
  for (let i = 0; split.every((w) => i < w.length && w[i] === split[0][i]); i++) out.push(split[0][i]);
  return out.join('-');
}

function ownLabel(r: Resource, label: string): string | undefined {
  const labels = r.object.metadata?.labels;
  const v = isObject(labels) ? labels[label] : undefined;
  return v === undefined || v === null ? undefined : String(v);
}

interface Group {
  component: string;
  members: Resource[];
  workloads: Resource[];
}

export const rule = defineRule<Options>({
  meta: {
    id: 'naming-prefix',
    description: 'The resources of one component share its name prefix (backend, backend-service, backend-config)',
    defaultSeverity: 'off',
    optionsSchema: {
      type: 'object',
      properties: {
        label: { type: 'string', minLength: 1 },
        prefixes: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
    },
    defaultOptions: { label: 'app', prefixes: {} },
    reads: [['metadata', 'labels'], ...SELECTION_READS],
  },
  check(ctx) {
    const { label, prefixes } = ctx.options;
    const componentOf = new Map<Resource, string>();
    for (const r of ctx.resources) {
      // Cluster-scoped objects (a Namespace) are no component's, and a name is needed to check.
      if (r.namespace === undefined || r.name === '') continue;
      const v = ownLabel(r, label) ?? (WORKLOAD_KINDS.has(r.kind) ? podTemplateLabelsOf(r)[label] : undefined);
      if (v !== undefined) componentOf.set(r, v);
    }
    // A Service without the label belongs to the component it selects, when that is one.
    for (const { svc, selector } of selectingServices(ctx.index.ofKind('Service'))) {
      if (componentOf.has(svc)) continue;
      const selected = new Set(selectPods(ctx.index, ctx.settings.kubeVersion, svc.namespace, selector).map((p) => componentOf.get(p.workload)));
      const [only] = selected;
      if (selected.size === 1 && only !== undefined) componentOf.set(svc, only);
    }
    const groups = new Map<string, Group>();
    for (const [r, component] of componentOf) {
      const key = `${r.namespace ?? ''}\0${component}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { component, members: [], workloads: [] }));
      g.members.push(r);
      if (WORKLOAD_KINDS.has(r.kind)) g.workloads.push(r);
    }
    for (const g of groups.values()) {
      const configured = Object.hasOwn(prefixes, g.component) ? prefixes[g.component] : undefined;
      let prefix: string;
      let why: string;
      if (configured !== undefined) {
        prefix = configured.replace(/-+$/, '');
        why = 'configured';
      } else {
        if (g.workloads.length === 0) continue;
        const names = g.workloads.map((w) => w.name);
        const list = g.workloads.map((w) => `${w.kind} ${w.name}`).join(', ');
        if (names.every((n) => hasPrefix(n, g.component))) {
          prefix = g.component;
          why = `inferred: the label value, which ${list} starts with`;
        } else {
          prefix = commonWords(names);
          if (prefix === '') continue;
          why = `inferred from ${list}`;
        }
      }
      for (const r of g.members) {
        if (hasPrefix(r.name, prefix)) continue;
        ctx.report({
          resource: r,
          path: ['metadata', 'name'],
          ...(configured === undefined ? { severity: 'warning' as const } : {}),
          message: `${r.kind} ${r.name} of component ${label}=${g.component} does not start with its prefix "${prefix}-" (${why})`,
        });
      }
    }
  },
});
