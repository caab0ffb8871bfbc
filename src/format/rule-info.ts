/** What formatters and API users are told of each rule: id, description, default severity, documentation link. */
import type { Rule } from '../engine/rule.js';
import type { RuleInfo } from './types.js';

const DOCS_BASE = 'https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/';

/** The rule's page (docs/rules/<id>.md in the repository): SARIF's helpUri, the editor's codeDescription. */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function ruleInfos(rules: ReadonlyArray<Rule<any>>): RuleInfo[] {
  return rules.map((r) => ({ id: r.meta.id, description: r.meta.description, defaultSeverity: r.meta.defaultSeverity, helpUri: ruleDocsUrl(r.meta.id) }));
}
