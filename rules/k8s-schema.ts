import { defineRule } from '../src/engine/rule.js';
import { SchemaChecker } from '../src/schema/check.js';

/**
 * Every resource against its Kubernetes schema for `kubeVersion`: types,
 * required fields, enums, quantities, and (strict) unknown fields. Custom
 * resources use their CRD's openAPIV3Schema when the input or the `crds`
 * option holds it (the loader reads those files before rules run);
 * otherwise one info finding per kind says there is no schema.
 *
 * `skipKinds` and `crds` live in this rule's options for now; they are meant
 * to move to a `schemas:` section of the config.
 */
interface Options {
  strict?: boolean;
  skipKinds?: string[];
  crds?: string[];
}

export const rule = defineRule<Options>({
  meta: {
    id: 'k8s-schema',
    description: 'Resources validate against the Kubernetes schema of kubeVersion (strict), or their CRD',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: {
        strict: { type: 'boolean', description: 'Report unknown fields' },
        skipKinds: { type: 'array', items: { type: 'string' }, description: 'Kinds not to validate: `Kind` or `apiVersion/Kind`' },
        crds: { type: 'array', items: { type: 'string' }, description: 'CustomResourceDefinition files or directories (relative to the config file)' },
      },
      additionalProperties: false,
    },
    defaultOptions: { strict: true, skipKinds: [], crds: [] },
  },
  check(ctx) {
    // The loader read the files of the crds option and put them with the input's CRDs.
    const crds = ctx.crds.catalog;
    for (const p of ctx.crds.problems) ctx.report({ location: p.location, message: p.message });
    const checker = new SchemaChecker({ kubeVersion: ctx.settings.kubeVersion, strict: ctx.options.strict ?? true, skipKinds: ctx.options.skipKinds ?? [], crds });
    const noSchemaSaid = new Set<string>();
    for (const r of ctx.resources) {
      for (const f of checker.check(r.object)) {
        if (f.noSchema) {
          const key = `${r.apiVersion}\0${r.kind}`;
          if (noSchemaSaid.has(key)) continue;
          noSchemaSaid.add(key);
        }
        ctx.report({ resource: r, path: f.path, message: redactSecretValue(r.kind, f.path, f.message, r.object), severity: f.severity, ...(f.target ? { target: f.target } : {}) });
      }
    }
  },
});

/**
 * Secret values are never printed (RULES.md): a schema message about a value
 * under a Secret's data/stringData names its type only.
 */
function redactSecretValue(kind: string, path: readonly (string | number)[], message: string, object: Record<string, any>): string {
  if (kind !== 'Secret' || (path[0] !== 'data' && path[0] !== 'stringData') || path.length < 2) return message;
  const value = object?.[path[0]]?.[path[1]];
  if (value === undefined || value === null || typeof value === 'object') return message;
  const text = String(value);
  if (text === '') return message;
  let out = message;
  for (const shown of [JSON.stringify(value), JSON.stringify(text), text]) out = out.split(shown).join('<redacted>');
  return out;
}
