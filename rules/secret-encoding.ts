import { defineRule } from '../src/engine/rule.js';
import { base64Problem } from './_lib/base64.js';
import { isObject } from '../src/k8s/object.js';

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'secret-encoding',
    description: 'Every Secret data value is valid standard base64, as the API server decodes it',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    perResource: true,
  },
  check(ctx) {
    for (const s of ctx.index.ofKind('Secret')) {
      if (s.apiVersion !== 'v1') continue;
      const data = s.object.data;
      if (!isObject(data)) continue;
      for (const [key, value] of Object.entries(data)) {
        if (value === null) continue; // null decodes to an empty value
        const path = ['data', key];
        // Never quote the value: it is (or was meant to be) secret.
        if (typeof value !== 'string') {
          ctx.report({ resource: s, path, message: `Secret ${s.name} data.${key} is a ${typeof value}, not a base64 string; quote it, or put plain text under stringData` });
          continue;
        }
        const problem = base64Problem(value);
        if (problem) ctx.report({ resource: s, path, message: `Secret ${s.name} data.${key} is not valid base64: ${problem}; encode it, or put plain text under stringData` });
      }
    }
  },
});
