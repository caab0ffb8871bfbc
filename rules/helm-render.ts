import { defineReportedRule } from '../src/engine/rule.js';

/** Made by the chart loader (src/load/charts.ts) while it renders each chart; listed here so it can be configured. */
export const rule = defineReportedRule({
  meta: {
    id: 'helm-render',
    description: 'Helm charts render: template errors, required/fail messages and values.schema.json violations',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    source: 'loader',
  },
});
