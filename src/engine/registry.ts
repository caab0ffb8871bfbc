/**
 * Every rule, in the order --list-rules prints them. Adding a rule: create
 * rules/<id>.ts, add it here, add docs/rules/<id>.md and fixtures/rules/<id>/.
 */
import type { Rule } from './rule.js';
import { rule as imageNaming } from '../../rules/image-naming.js';
import { rule as nodeportRange } from '../../rules/nodeport-range.js';
import { rule as requiredLabels } from '../../rules/required-labels.js';
import { rule as requiredSecretKeys } from '../../rules/required-secret-keys.js';
import { rule as probesPresent } from '../../rules/probes-present.js';
import { rule as requestsBelowLimits } from '../../rules/requests-below-limits.js';
import { rule as clusterCapacity } from '../../rules/cluster-capacity.js';
import { rule as yamlSyntax } from '../../rules/yaml-syntax.js';
import { rule as helmRender } from '../../rules/helm-render.js';

export const RULES: ReadonlyArray<Rule<any>> = [
  imageNaming,
  nodeportRange,
  requiredLabels,
  requiredSecretKeys,
  probesPresent,
  requestsBelowLimits,
  clusterCapacity,
  yamlSyntax,
  helmRender,
];

export function findRule(id: string): Rule<any> | undefined {
  return RULES.find((r) => r.meta.id === id);
}
