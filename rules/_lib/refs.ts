/**
 * Every place a pod spec refers to a Secret or ConfigMap: env valueFrom,
 * envFrom, volumes (incl. projected sources), imagePullSecrets.
 */
import type { Resource } from '../../src/engine/resource.js';
import type { ResourcePath } from '../../src/types.js';
import { isObject } from '../../src/k8s/object.js';
import { containersOf, podSpecOf } from '../../src/k8s/workloads.js';

export interface ObjectRef {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  /** Specific key, or undefined for whole-object refs (envFrom, volumes without items). */
  keys?: Array<{ key: string; path: ResourcePath }>;
  optional: boolean;
  /** Path of the `name` node of the reference. */
  path: ResourcePath;
  resource: Resource;
  via: 'env' | 'envFrom' | 'volume' | 'imagePullSecrets';
}

export function objectRefsOf(r: Resource): ObjectRef[] {
  const pod = podSpecOf(r);
  if (!pod) return [];
  const out: ObjectRef[] = [];
  for (const c of containersOf(r, { init: true })) {
    const env = c.container.env;
    if (Array.isArray(env)) {
      env.forEach((e: any, i: number) => {
        const vf = e?.valueFrom;
        if (!isObject(vf)) return;
        for (const [field, kind] of [['secretKeyRef', 'Secret'], ['configMapKeyRef', 'ConfigMap']] as const) {
          const ref = vf[field];
          if (isObject(ref) && typeof ref.name === 'string') {
            const base = [...c.path, 'env', i, 'valueFrom', field];
            out.push({
              kind, name: ref.name, optional: ref.optional === true, path: [...base, 'name'], resource: r, via: 'env',
              keys: typeof ref.key === 'string' ? [{ key: ref.key, path: [...base, 'key'] }] : undefined,
            });
          }
        }
      });
    }
    const envFrom = c.container.envFrom;
    if (Array.isArray(envFrom)) {
      envFrom.forEach((e: any, i: number) => {
        for (const [field, kind] of [['secretRef', 'Secret'], ['configMapRef', 'ConfigMap']] as const) {
          const ref = e?.[field];
          if (isObject(ref) && typeof ref.name === 'string') {
            out.push({ kind, name: ref.name, optional: ref.optional === true, path: [...c.path, 'envFrom', i, field, 'name'], resource: r, via: 'envFrom' });
          }
        }
      });
    }
  }
  const volumes = pod.spec.volumes;
  if (Array.isArray(volumes)) {
    volumes.forEach((v: any, i: number) => {
      const base = [...pod.path, 'volumes', i];
      if (isObject(v?.secret) && typeof v.secret.secretName === 'string') {
        out.push(volumeRef('Secret', v.secret.secretName, v.secret, [...base, 'secret'], 'secretName', r));
      }
      if (isObject(v?.configMap) && typeof v.configMap.name === 'string') {
        out.push(volumeRef('ConfigMap', v.configMap.name, v.configMap, [...base, 'configMap'], 'name', r));
      }
      const sources = v?.projected?.sources;
      if (Array.isArray(sources)) {
        sources.forEach((s: any, j: number) => {
          const sb = [...base, 'projected', 'sources', j];
          if (isObject(s?.secret) && typeof s.secret.name === 'string') out.push(volumeRef('Secret', s.secret.name, s.secret, [...sb, 'secret'], 'name', r));
          if (isObject(s?.configMap) && typeof s.configMap.name === 'string') out.push(volumeRef('ConfigMap', s.configMap.name, s.configMap, [...sb, 'configMap'], 'name', r));
        });
      }
    });
  }
  const pull = pod.spec.imagePullSecrets;
  if (Array.isArray(pull)) {
    pull.forEach((p: any, i: number) => {
      if (typeof p?.name === 'string') out.push({ kind: 'Secret', name: p.name, optional: false, path: [...pod.path, 'imagePullSecrets', i, 'name'], resource: r, via: 'imagePullSecrets' });
    });
  }
  return out;
}

function volumeRef(kind: 'Secret' | 'ConfigMap', name: string, src: any, base: ResourcePath, nameField: string, r: Resource): ObjectRef {
  const items = Array.isArray(src.items) ? src.items : undefined;
  return {
    kind, name, optional: src.optional === true, path: [...base, nameField], resource: r, via: 'volume',
    keys: items?.filter((it: any) => typeof it?.key === 'string').map((it: any, k: number) => ({ key: it.key, path: [...base, 'items', k, 'key'] })),
  };
}

/** Keys a Secret or ConfigMap defines (data, stringData, binaryData). */
export function definedKeys(obj: Resource): Set<string> {
  const keys = new Set<string>();
  for (const field of ['data', 'stringData', 'binaryData']) {
    const m = obj.object[field];
    if (isObject(m)) for (const k of Object.keys(m)) keys.add(k);
  }
  return keys;
}
