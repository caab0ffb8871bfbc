/**
 * The JSON Schema of the config file, built from the rule list so the
 * schema, --list-rules and the rules can never disagree. scripts/gen-config-schema.mjs
 * writes it to schemas/config.schema.json (published for editors); a test keeps that file fresh.
 */
import type { Rule } from '../engine/rule.js';
import { DEFAULT_KUBE_VERSION, KUBE_VERSION_PATTERN } from '../k8s/kube-version.js';
import { EXTENDS_VALUES } from './presets.js';

/** `warn` is ESLint's spelling of `warning`; both are accepted. */
const severity = { enum: ['off', 'info', 'warn', 'warning', 'error'] };

/**
 * With `optionsInline: false` each rule's options are only required to be an object: the
 * CLI validates them separately with per-rule validators, so start-up compiles only the
 * validators of the rules a config actually configures.
 */
export function buildConfigSchema(rules: ReadonlyArray<Rule<any>>, opts: { optionsInline?: boolean } = {}): Record<string, unknown> {
  const inline = opts.optionsInline ?? true;
  const ruleProps: Record<string, unknown> = {};
  const severityOnly: Record<string, unknown> = {};
  for (const r of rules) {
    ruleProps[r.meta.id] = {
      description: r.meta.description,
      anyOf: [
        severity,
        { type: 'array', items: [severity, inline ? r.meta.optionsSchema : { type: 'object' }], minItems: 1, maxItems: 2, additionalItems: false },
      ],
    };
    severityOnly[r.meta.id] = { description: r.meta.description, anyOf: [severity, { type: 'array', items: [severity], minItems: 1, maxItems: 1 }] };
  }
  const glob = { type: 'string', minLength: 1 };
  // Without inline options the rule entries share one subschema (small generated code).
  const ids = rules.map((r) => r.meta.id);
  const anyRuleEntry = { anyOf: [severity, { type: 'array', items: [severity, { type: 'object' }], minItems: 1, maxItems: 2, additionalItems: false }] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/k8s-todo-lint/k8s-todo-lint/schemas/config.schema.json',
    title: 'k8s-todo-lint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: { enum: EXTENDS_VALUES, description: 'Preset the rules start from: k8s-todo-lint:recommended (the default: the todo-app rules) or k8s-todo-lint:generic (Kubernetes-generic rules only, for third-party charts); `rules`, `overrides` and --rule apply over it' },
      kubeVersion: { type: 'string', pattern: KUBE_VERSION_PATTERN, description: `Kubernetes version for schemas and deprecated-api (default ${DEFAULT_KUBE_VERSION})` },
      ignore: { type: 'array', items: glob, description: 'Globs (relative to the config file) of files never linted' },
      rules: inline
        ? { type: 'object', additionalProperties: false, properties: ruleProps }
        : { type: 'object', propertyNames: { enum: ids }, additionalProperties: anyRuleEntry },
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rules'],
          properties: {
            files: { type: 'array', items: glob, minItems: 1 },
            resources: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                properties: { kind: glob, name: glob, namespace: glob, apiVersion: glob },
              },
            },
            rules: inline
              ? { type: 'object', additionalProperties: false, properties: severityOnly }
              : { type: 'object', propertyNames: { enum: ids }, additionalProperties: { anyOf: [severity, { type: 'array', items: [severity], minItems: 1, maxItems: 1 }] } },
          },
        },
      },
      helm: {
        type: 'object',
        additionalProperties: false,
        properties: {
          releaseName: { type: 'string', minLength: 1 },
          namespace: { type: 'string', minLength: 1 },
          values: { type: 'array', items: { type: 'string' } },
          set: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
          setString: { type: 'object', additionalProperties: { type: 'string' } },
          kubeVersion: { type: 'string' },
          apiVersions: { type: 'array', items: { type: 'string' } },
        },
      },
      units: {
        enum: ['separate', 'shared'],
        description: 'separate (default): each chart release and the raw manifests given together are linted as their own deployment; shared: they go to one cluster, so cross-resource rules and capacity see them together',
      },
      images: {
        type: 'object',
        description: 'Where the Dockerfile of each image is (image name without tag -> paths relative to the config file)',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: { dockerfile: { type: 'string' }, context: { type: 'string' } },
        },
      },
    },
  };
}

/** Export name of a rule's options validator in the generated module. */
export function optionsValidatorName(ruleId: string): string {
  return `options_${ruleId.replace(/[^a-zA-Z0-9]/g, '_')}`;
}
