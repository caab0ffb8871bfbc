/**
 * Presets: named rule sets a config `extends` (or `--preset` picks), applied
 * over the rules' defaults and under the config's own `rules`, its
 * `overrides` and `--rule` flags, the layering ESLint users expect of `extends`.
 *
 * - `recommended`: every rule at its default (the todo-app deployment rules).
 * - `generic`: for charts and manifests the team did not write (an ingress
 *   controller, a database). It keeps the checks Kubernetes itself would make
 *   or that find a broken release on any cluster, and turns off the todo-app
 *   policy: naming, labels, required Secrets, probes, resources, replicas,
 *   pull policy, non-root, capacity, namespaces, rollout strategy, image
 *   versions and the Dockerfile rules (the chart's images are not built here),
 *   and no-committed-secrets (see below).
 *   A request equal to its limit is Guaranteed QoS, a normal choice for other
 *   people's workloads, so requests-below-limits only flags a request above
 *   its limit (which the API server rejects).
 *   service-type and probe-config stay at their defaults: without a design's
 *   map of types or probe paths they only warn about what holds for any chart
 *   on a local cluster (a LoadBalancer stays pending; a liveness probe that
 *   starts before readiness or repeats a dependency check); naming-prefix is
 *   off by default.
 */
import type { SeveritySetting } from '../types.js';

export type PresetEntry = SeveritySetting | [SeveritySetting, Record<string, unknown>];

export const PRESETS = {
  recommended: {},
  generic: {
    'image-naming': 'off',
    'required-labels': 'off',
    'required-secret-keys': 'off',
    'probes-present': 'off',
    'cluster-capacity': 'off',
    'resources-present': 'off',
    'replicas-range': 'off',
    'image-pull-policy': 'off',
    'run-as-non-root': 'off',
    'service-url-refs': 'off',
    'namespace-consistent': 'off',
    'rolling-update-strategy': 'off',
    'image-tag-matches': 'off',
    'dockerfile-multi-stage': 'off',
    'dockerfile-expose': 'off',
    'dockerfile-user': 'off',
    'dockerfile-base-image': 'off',
    'dockerfile-dev-deps': 'off',
    // A chart's shipped defaults (grafana's admin password `prom-operator`) are its author's
    // published values, not the user's secrets: committing them is not a leak.
    'no-committed-secrets': 'off',
    'requests-below-limits': ['error', { allowEqual: true }],
  },
} satisfies Record<string, Record<string, PresetEntry>>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** What a config's `extends` may say: `k8s-todo-lint:<name>` (ESLint's spelling), or the bare name. */
export const EXTENDS_VALUES = PRESET_NAMES.flatMap((n) => [`k8s-todo-lint:${n}`, n]);

/** The preset an `extends` value or `--preset` names (validated before: the schema and commander's choices). */
export function presetRules(name: string | undefined): Record<string, PresetEntry> {
  const key = (name ?? 'recommended').replace(/^k8s-todo-lint:/, '') as PresetName;
  return PRESETS[key] ?? {};
}
