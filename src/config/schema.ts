/**
 * The JSON Schema of the config file, built from the rule registry so the
 * schema, --list-rules and the rules can never disagree. scripts/gen-config-schema.mjs
 * writes it to schemas/config.schema.json (published for editors); a test keeps that file fresh.
 */
import type { Rule } from '../engine/rule.js';

const severity = { enum: ['off', 'info', 'warning', 'error'] };

export function buildConfigSchema(rules: ReadonlyArray<Rule<any>>): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  const severityOnly: Record<string, unknown> = {};
  for (const r of rules) {
    ruleProps[r.meta.id] = {
      description: r.meta.description,
      anyOf: [
        severity,
        { type: 'array', items: [severity, r.meta.optionsSchema], minItems: 1, maxItems: 2, additionalItems: false },
      ],
    };
    severityOnly[r.meta.id] = { description: r.meta.description, anyOf: [severity, { type: 'array', items: [severity], minItems: 1, maxItems: 1 }] };
  }
  const glob = { type: 'string', minLength: 1 };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/k8s-todo-lint/k8s-todo-lint/schemas/config.schema.json',
    title: 'k8s-todo-lint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: { enum: ['recommended'], description: 'The default rule set and severities' },
      kubeVersion: { type: 'string', pattern: '^v?\\d+\\.\\d+(\\.\\d+)?$', description: 'Kubernetes version for schemas and deprecated-api (default 1.30)' },
      ignore: { type: 'array', items: glob, description: 'Globs (relative to the config file) of files never linted' },
      rules: { type: 'object', additionalProperties: false, properties: ruleProps },
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
            rules: { type: 'object', additionalProperties: false, properties: severityOnly },
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
