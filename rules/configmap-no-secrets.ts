import { defineRule } from '../src/engine/rule.js';
import { isObject } from '../src/k8s/object.js';
import { ALLOW_KEYS_SCHEMA, secretKeyPattern, secretValueKind, type AllowKeysOptions } from './_lib/secret-patterns.js';

export const rule = defineRule<AllowKeysOptions>({
  meta: {
    id: 'configmap-no-secrets',
    description: 'No ConfigMap key or value looks like a secret (keys like *_SECRET, *_API_KEY; values like sk- keys, JWTs, PEM keys, URLs with passwords)',
    defaultSeverity: 'error',
    optionsSchema: ALLOW_KEYS_SCHEMA,
    defaultOptions: { allowKeys: [] },
    perResource: true,
  },
  check(ctx) {
    const allow = new Set(ctx.options.allowKeys);
    for (const cm of ctx.index.ofKind('ConfigMap')) {
      if (cm.apiVersion !== 'v1') continue;
      const data = cm.object.data;
      if (!isObject(data)) continue;
      for (const [key, value] of Object.entries(data)) {
        if (allow.has(key)) continue;
        // Messages name the key only: a value that looks secret must not be printed anywhere.
        const pattern = secretKeyPattern(key, value);
        if (pattern) {
          ctx.report({ resource: cm, path: ['data', key], target: 'key', message: `ConfigMap ${cm.name} key ${key} looks like a secret (${pattern}); move it to a Secret` });
          continue;
        }
        if (value === null || value === undefined || typeof value === 'object') continue;
        const kind = secretValueKind(String(value));
        if (kind) ctx.report({ resource: cm, path: ['data', key], message: `ConfigMap ${cm.name} key ${key} holds what looks like ${kind}; move it to a Secret` });
      }
    }
  },
});
