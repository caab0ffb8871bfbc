import { defineRule } from '../src/engine/rule.js';
import { deprecationOfKindOrList, parseKubeVersion, versionAtLeast, type ApiDeprecation } from '../src/schema/api-versions.js';

/**
 * apiVersion/kind pairs that `kubeVersion` no longer serves are errors;
 * deprecated ones it still serves are warnings that name the replacement and
 * the version that removes them.
 */
const DEFAULT_KUBE_VERSION = '1.30';

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
  },
  check(ctx) {
    const kube = parseKubeVersion(ctx.settings.kubeVersion) ?? parseKubeVersion(DEFAULT_KUBE_VERSION)!;
    const shown = `${kube.major}.${kube.minor}`;
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
