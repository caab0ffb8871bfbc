import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import { definedKeys, objectRefsOf, type ObjectRef } from './_lib/refs.js';
import { DEFINED_KEYS_READS, OBJECT_REF_READS } from './_lib/reads.js';

interface Options {
  /** Objects created outside the input (kubectl, sealed-secrets...): name -> keys ([] = any key). */
  external: { secrets?: Record<string, string[]>; configMaps?: Record<string, string[]> };
}

const externalMap = { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } };

export const rule = defineRule<Options>({
  meta: {
    id: 'env-refs',
    description: 'Secret and ConfigMap references (env, envFrom, volumes) name objects and keys that exist',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: { external: { type: 'object', properties: { secrets: externalMap, configMaps: externalMap }, additionalProperties: false } },
      additionalProperties: false,
    },
    defaultOptions: { external: { secrets: {}, configMaps: {} } },
    reads: [...OBJECT_REF_READS, ...DEFINED_KEYS_READS],
  },
  check(ctx) {
    const external = { Secret: ctx.options.external?.secrets ?? {}, ConfigMap: ctx.options.external?.configMaps ?? {} };
    for (const w of ctx.index.workloads) {
      for (const ref of objectRefsOf(w)) {
        // imagePullSecrets are the registry's business, not the app's configuration.
        if (ref.via === 'imagePullSecrets' || ref.optional) continue;
        const used = `${ref.kind} ${ref.name}`;
        const defined = ctx.index.find(ref.kind, w.namespace, ref.name);
        if (defined.length > 0) {
          const have = new Set<string>();
          for (const d of defined) for (const k of definedKeys(d)) have.add(k);
          reportMissingKeys(ref, have, (key, path) =>
            ctx.report({ resource: w, path, message: `${used} has no key ${key} (it defines ${list(have)})` }));
          continue;
        }
        const ext = Object.hasOwn(external[ref.kind], ref.name) ? external[ref.kind][ref.name] : undefined;
        if (ext) {
          // An external object declared with its keys is checked like a defined one.
          if (ext.length > 0) {
            reportMissingKeys(ref, new Set(ext), (key, path) =>
              ctx.report({ resource: w, path, message: `${used} is declared external with keys ${ext.join(', ')}; it has no key ${key}` }));
          }
          continue;
        }
        const elsewhere = namespacesOf(ctx.index.findAnyNamespace(ref.kind, ref.name));
        if (elsewhere.length > 0) {
          ctx.report({ resource: w, path: ref.path, severity: 'warning', message: `${used} is not defined in namespace ${w.namespace}; it exists in namespace ${elsewhere.join(', ')}, and references resolve in the pod's own namespace only` });
        } else {
          ctx.report({ resource: w, path: ref.path, severity: 'warning', message: `${used} is not defined in the input; create it before deploying, or declare it under env-refs external in the config` });
        }
      }
    }
  },
});

function reportMissingKeys(ref: ObjectRef, have: ReadonlySet<string>, report: (key: string, path: ObjectRef['path']) => void): void {
  for (const k of ref.keys ?? []) if (!have.has(k.key)) report(k.key, k.path);
}

function list(keys: ReadonlySet<string>): string {
  return keys.size ? [...keys].sort().join(', ') : 'no keys';
}

function namespacesOf(rs: readonly Resource[]): string[] {
  return [...new Set(rs.map((r) => r.namespace ?? ''))].sort();
}
