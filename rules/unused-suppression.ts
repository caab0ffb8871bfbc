import { defineRule } from '../src/engine/rule.js';

/**
 * Reported by the lint pipeline (src/lint.ts) after every rule ran: a
 * `# k8s-todo-lint-disable...` comment that suppressed nothing, like ESLint's
 * reportUnusedDisableDirectives. The rule exists so it can be configured and listed.
 */
export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'unused-suppression',
    description: 'Suppression comments that suppress no finding (stale or misspelled rule ids)',
    defaultSeverity: 'warning',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
  },
  check() {},
});
