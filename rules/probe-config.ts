/**
 * probe-config: what the probes of a long-running container ask and when.
 * probes-present says a probe exists; this rule says whether it is the one the
 * design wants (seed 000's probe schema and seed 001: liveness `GET /health`,
 * readiness `GET /ready`) and whether the pair is sane:
 * - a liveness probe that starts before the readiness one restarts a slow
 *   starter that was never expected to be up yet (unless a startupProbe holds
 *   liveness back);
 * - a liveness probe that is the readiness probe, on a path that checks the
 *   app's dependencies (`/ready`), restarts every pod when the database is down.
 * The sanity checks are warnings (a design may have reasons); the paths are
 * checked only where the config gives them, and a mismatch is the rule's severity.
 */
import { defineRule, type Report } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import type { ContainerRef } from '../src/k8s/workloads.js';
import { containersOf, LONG_RUNNING_KINDS, podTemplateLabelsOf } from '../src/k8s/workloads.js';
import { isObject } from '../src/k8s/object.js';
import type { ResourcePath } from '../src/types.js';
import { keyedEntry, keyedMapSchema } from './_lib/keyed-options.js';
import { manifestRelated } from './_lib/dockerfile.js';

const KINDS = ['liveness', 'readiness', 'startup'] as const;
type ProbeKind = (typeof KINDS)[number];

interface Options {
  /** Workload name (glob) or `label=value` of its pod labels -> the httpGet path of each probe kind. */
  paths: Record<string, Partial<Record<ProbeKind, string>>>;
  /** Paths that check the app's dependencies: a liveness probe must not be the readiness probe on one. */
  dependencyPaths: string[];
  /** The two sanity warnings (delays, a shared dependency probe). */
  sanity: boolean;
}

/** The request an httpGet probe makes, for comparing two probes (the path defaults to `/`). */
function httpRequest(probe: Record<string, any>): string | undefined {
  // Only called for two httpGet probes on the same path (sameRequest): most pairs differ in path.
  const get = probe.httpGet;
  if (!isObject(get)) return undefined;
  return JSON.stringify([get.path ?? '/', get.port, get.host ?? '', get.scheme ?? 'HTTP', get.httpHeaders ?? []]);
}

/** The handler a probe uses, for messages. */
function handlerOf(probe: Record<string, any>): string {
  for (const h of ['httpGet', 'tcpSocket', 'grpc', 'exec']) if (probe[h] !== undefined && probe[h] !== null) return h;
  return 'no handler';
}

/** A path equals a dependency path, or ends with it after a `/` (`/api/ready` for `/ready`); the query is ignored. */
function isDependencyPath(path: string, dependencyPaths: readonly string[]): boolean {
  const p = path.split('?')[0].replace(/(.)\/+$/, '$1');
  return dependencyPaths.some((d) => p === d || (d.startsWith('/') && p.endsWith(d)));
}

const delayOf = (probe: Record<string, any>): number | undefined => {
  const d = probe.initialDelaySeconds ?? 0;
  return typeof d === 'number' ? d : undefined;
};

export const rule = defineRule<Options>({
  meta: {
    id: 'probe-config',
    description: 'Probe paths are the design\'s, a liveness probe starts no earlier than readiness and is not the readiness check of dependencies',
    defaultSeverity: 'warning',
    optionsSchema: {
      type: 'object',
      properties: {
        paths: keyedMapSchema({
          type: 'object',
          properties: Object.fromEntries(KINDS.map((k) => [k, { type: 'string', minLength: 1 }])),
          additionalProperties: false,
        }),
        dependencyPaths: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        sanity: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { paths: {}, dependencyPaths: ['/ready', '/readyz', '/readiness'], sanity: true },
    perResource: true,
  },
  check(ctx) {
    const { paths, dependencyPaths, sanity } = ctx.options;
    for (const r of ctx.resources) {
      if (!LONG_RUNNING_KINDS.has(r.kind)) continue;
      const entry = keyedEntry(paths, r.name, podTemplateLabelsOf(r));
      for (const c of containersOf(r, { init: false })) {
        if (entry) {
          for (const kind of KINDS) {
            const want = entry.value[kind];
            const probe = c.container[`${kind}Probe`];
            // A missing probe is probes-present's finding.
            if (want === undefined || !isObject(probe)) continue;
            const at: ResourcePath = [...c.path, `${kind}Probe`];
            if (!isObject(probe.httpGet)) {
              ctx.report({ resource: r, path: at, message: `${kind}Probe of ${who(r, c)} uses ${handlerOf(probe)}; the design wants httpGet ${want} (key "${entry.key}")` });
              continue;
            }
            const got = probe.httpGet.path ?? '/';
            if (got !== want) {
              const shown = probe.httpGet.path === undefined ? 'no path (so /)' : `path ${String(got)}`;
              ctx.report({ resource: r, path: [...at, 'httpGet', 'path'], message: `${kind}Probe of ${who(r, c)} has ${shown}; the design wants ${want} (key "${entry.key}")` });
            }
          }
        }
        if (sanity) checkPair(r, c, dependencyPaths, ctx.report);
      }
    }
  },
});

/** Who a message is about (built only when reporting). */
const who = (r: Resource, c: ContainerRef): string => `container "${c.container.name ?? '?'}" of ${r.kind} ${r.name}`;

/** Two httpGet probes make the same request: most pairs differ in their paths already, and then nothing is serialised. */
function sameRequest(live: Record<string, any>, ready: Record<string, any>): boolean {
  if (!isObject(live.httpGet) || !isObject(ready.httpGet)) return false;
  const a = live.httpGet.path ?? '/';
  const b = ready.httpGet.path ?? '/';
  if (typeof a === 'string' && typeof b === 'string' && a !== b) return false;
  return httpRequest(live) === httpRequest(ready);
}

function checkPair(r: Resource, c: ContainerRef, dependencyPaths: readonly string[], report: (finding: Report) => void): void {
  const live = c.container.livenessProbe;
  const ready = c.container.readinessProbe;
  if (!isObject(live) || !isObject(ready)) return;
  // Paths and wording are made only for a report: most containers have none.
  // A startupProbe holds liveness back until the app has started: the delays do not matter then.
  const liveDelay = delayOf(live);
  const readyDelay = delayOf(ready);
  if (!isObject(c.container.startupProbe) && liveDelay !== undefined && readyDelay !== undefined && liveDelay < readyDelay) {
    report({
      resource: r,
      path: live.initialDelaySeconds === undefined ? [...c.path, 'livenessProbe'] : [...c.path, 'livenessProbe', 'initialDelaySeconds'],
      severity: 'warning',
      message: `livenessProbe of ${who(r, c)} starts ${live.initialDelaySeconds === undefined ? 'at once (no initialDelaySeconds)' : `after ${liveDelay}s`}, before its readinessProbe (${readyDelay}s): a slow start is restarted before it was expected to be ready; give liveness the longer initialDelaySeconds or add a startupProbe`,
      related: manifestRelated(r, ready.initialDelaySeconds === undefined ? [...c.path, 'readinessProbe'] : [...c.path, 'readinessProbe', 'initialDelaySeconds'], 'the readinessProbe delay'),
    });
  }
  if (sameRequest(live, ready)) {
    const path = String(live.httpGet.path ?? '/');
    if (isDependencyPath(path, dependencyPaths)) {
      report({
        resource: r,
        path: [...c.path, 'livenessProbe', 'httpGet', 'path'],
        severity: 'warning',
        message: `livenessProbe of ${who(r, c)} is its readinessProbe (httpGet ${path}), a path that checks dependencies: when one is down (the database), every pod is restarted instead of only taken out of the Service; point liveness at a process-only path (/health)`,
        related: manifestRelated(r, [...c.path, 'readinessProbe', 'httpGet', 'path'], 'the readinessProbe on the same path'),
      });
    }
  }
}
