import { defineReportedRule } from '../src/engine/rule.js';

/**
 * Made by the engine (src/engine/directives.ts) after every rule ran
 * on every render: a `# k8s-todo-lint-disable...` comment that suppressed
 * nothing, like ESLint's reportUnusedDisableDirectives. Listed here so it can
 * be configured.
 */
export const rule = defineReportedRule({
  meta: {
    id: 'unused-suppression',
    description: 'Suppression comments that suppress no finding (stale or misspelled rule ids)',
    defaultSeverity: 'warning',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    source: 'engine',
  },
});
