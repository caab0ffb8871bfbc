import { defineRule } from '../src/engine/rule.js';

/** Reported by the chart loader (src/load/charts.ts); the rule exists so it can be configured and listed. */
export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'helm-render',
    description: 'Helm charts render: template errors, required/fail messages and values.schema.json violations',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
  },
  check() {},
});
