import { defineReportedRule } from '../src/engine/rule.js';

/** Made by the loader while it reads and parses each file (src/load/documents.ts); listed here so it can be configured. */
export const rule = defineReportedRule({
  meta: {
    id: 'yaml-syntax',
    description: 'Files parse as YAML the way Kubernetes reads them (YAML 1.1, no duplicate keys) and documents are Kubernetes objects',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    source: 'loader',
  },
});
