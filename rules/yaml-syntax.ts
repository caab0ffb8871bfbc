import { defineRule } from '../src/engine/rule.js';

/** Reported by the loader (src/load/documents.ts); the rule exists so it can be configured and listed. */
export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'yaml-syntax',
    description: 'Files parse as YAML the way Kubernetes reads them (YAML 1.1, no duplicate keys) and documents are Kubernetes objects',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
  },
  check() {},
});
