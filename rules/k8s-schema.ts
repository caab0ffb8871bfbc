import { defineRule } from '../src/engine/rule.js';
import { SchemaChecker, type SchemaFinding } from '../src/schema/check.js';
import { mayHoldSecret } from './_lib/secret-patterns.js';

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
    perResource: true,
  },
  check(ctx) {
    // The loader read the files of the crds option and put them with the input's CRDs.
    const crds = ctx.crds.catalog;
    // Said once per run, not once per batch of resources (this rule is per-resource).
    for (const p of ctx.crds.problems) ctx.report({ location: p.location, message: p.message, once: `${p.location.file}:${p.location.line}:${p.location.column} ${p.message}` });
    const checker = new SchemaChecker({ kubeVersion: ctx.settings.kubeVersion, strict: ctx.options.strict ?? true, skipKinds: ctx.options.skipKinds ?? [], crds });
    const noSchemaSaid = new Set<string>();
    for (const r of ctx.resources) {
      for (const f of checker.check(r.object)) {
        if (f.noSchema) {
          const key = `${r.apiVersion}\0${r.kind}`;
          if (noSchemaSaid.has(key)) continue;
          noSchemaSaid.add(key);
        }
        ctx.report({ resource: r, path: f.path, message: redactSecretValue(r.kind, f, r.object), severity: f.severity, ...(f.target ? { target: f.target } : {}), ...(f.noSchema ? { once: `${r.apiVersion}\0${r.kind}` } : {}) });
      }
    }
  },
});

/**
 * Secret values are never printed (RULES.md): a schema message about a value that may be a
 * secret (under a Secret's data/stringData, a secret-looking key or env name, a secret-looking
 * text) names its type only.
 */
function redactSecretValue(kind: string, finding: SchemaFinding, object: Record<string, unknown>): string {
  if (finding.valueFree === undefined || !mayHoldSecret(kind, object, finding.path)) return finding.message;
  return finding.valueFree;
}
