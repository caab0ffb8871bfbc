import { defineRule } from '../src/engine/rule.js';
import { deprecationOfKindOrList, type ApiDeprecation } from '../src/k8s/api-versions.js';
import { kubeVersionText, versionAtLeast } from '../src/k8s/kube-version.js';

/**
 * apiVersion/kind pairs that `kubeVersion` no longer serves are errors;
 * deprecated ones it still serves are warnings that name the replacement and
 * the version that removes them.
 */
function instead(d: ApiDeprecation): string {
  if (d.replacement) return `; use ${d.replacement}`;
  return d.note ? `; ${d.note}` : '';
}

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'deprecated-api',
    description: 'No apiVersion/kind that kubeVersion has removed; deprecated ones are warnings',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    perResource: true,
  },
  check(ctx) {
    const kube = ctx.settings.kubeVersion;
    const shown = kubeVersionText(kube);
    for (const r of ctx.resources) {
      const d = deprecationOfKindOrList(r.apiVersion, r.kind);
      if (!d || !versionAtLeast(kube, d.deprecatedIn)) continue;
      const what = `${r.apiVersion} ${r.kind}`;
      if (d.removedIn !== undefined && versionAtLeast(kube, d.removedIn)) {
        ctx.report({ resource: r, path: ['apiVersion'], message: `${what} was removed in Kubernetes ${d.removedIn} (deprecated since ${d.deprecatedIn}), so ${shown} rejects it${instead(d)}` });
      } else {
        const removal = d.removedIn !== undefined ? ` and is removed in ${d.removedIn}` : '';
        ctx.report({ resource: r, path: ['apiVersion'], severity: 'warning', message: `${what} is deprecated since Kubernetes ${d.deprecatedIn}${removal}${instead(d)}` });
      }
    }
  },
});
