import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import { definedKeys, objectRefsOf } from './_lib/refs.js';
import { DEFINED_KEYS_READS, OBJECT_REF_READS } from './_lib/reads.js';

interface Options { secrets: Record<string, string[]>; requireDefined: boolean }

export const rule = defineRule<Options>({
  meta: {
    id: 'required-secret-keys',
    description: 'Required Secrets hold every required key (and exist in the input)',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: {
        secrets: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        requireDefined: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { secrets: { 'todo-secrets': ['DATABASE_URL', 'BETTER_AUTH_SECRET', 'OPENAI_API_KEY'] }, requireDefined: true },
    reads: [...DEFINED_KEYS_READS, ...OBJECT_REF_READS],
  },
  check(ctx) {
    for (const [name, keys] of Object.entries(ctx.options.secrets)) {
      const defined = ctx.index.ofKind('Secret').filter((s) => s.name === name);
      for (const secret of defined) {
        const have = definedKeys(secret);
        const at = secret.object.data !== undefined ? ['data'] : secret.object.stringData !== undefined ? ['stringData'] : [];
        for (const key of keys) {
          // Only key names are ever printed: values of Secrets never appear in findings.
          if (!have.has(key)) ctx.report({ resource: secret, path: at, message: `Secret ${name} lacks the required key ${key}` });
        }
      }
      if (defined.length === 0 && ctx.options.requireDefined) {
        const ref = firstReference(ctx.index.workloads, name);
        const message = `Secret ${name} is not defined in the input; create it before deploying, with keys ${keys.join(', ')}`;
        const resourceId = { apiVersion: 'v1', kind: 'Secret', name };
        if (ref) ctx.report({ resource: ref.resource, path: ref.path, resourceId, severity: 'warning', message });
        else if (ctx.resources.length > 0) ctx.report({ location: ctx.resources[0].doc.start(), resourceId, severity: 'warning', message });
      }
    }
  },
});

function firstReference(workloads: readonly Resource[], name: string) {
  for (const w of workloads) {
    const ref = objectRefsOf(w).find((x) => x.kind === 'Secret' && x.name === name);
    if (ref) return ref;
  }
  return undefined;
}
