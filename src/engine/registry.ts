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
import { rule as resourcesPresent } from '../../rules/resources-present.js';
import { rule as replicasRange } from '../../rules/replicas-range.js';
import { rule as imagePullPolicy } from '../../rules/image-pull-policy.js';
import { rule as runAsNonRoot } from '../../rules/run-as-non-root.js';
import { rule as serviceSelectorMatch } from '../../rules/service-selector-match.js';
import { rule as serviceTargetPort } from '../../rules/service-target-port.js';
import { rule as probePort } from '../../rules/probe-port.js';
import { rule as configmapNoSecrets } from '../../rules/configmap-no-secrets.js';
import { rule as secretEncoding } from '../../rules/secret-encoding.js';
import { rule as envRefs } from '../../rules/env-refs.js';
import { rule as serviceUrlRefs } from '../../rules/service-url-refs.js';
import { rule as namespaceConsistent } from '../../rules/namespace-consistent.js';
import { rule as rollingUpdateStrategy } from '../../rules/rolling-update-strategy.js';
import { rule as chartMetadata } from '../../rules/chart-metadata.js';
import { rule as k8sSchema } from '../../rules/k8s-schema.js';
import { rule as deprecatedApi } from '../../rules/deprecated-api.js';
import { rule as duplicateResource } from '../../rules/duplicate-resource.js';
import { rule as yamlSyntax } from '../../rules/yaml-syntax.js';
import { rule as helmRender } from '../../rules/helm-render.js';
import { rule as dockerfileMultiStage } from '../../rules/dockerfile-multi-stage.js';
import { rule as dockerfileExpose } from '../../rules/dockerfile-expose.js';
import { rule as dockerfileUser } from '../../rules/dockerfile-user.js';
import { rule as dockerfileBaseImage } from '../../rules/dockerfile-base-image.js';
import { rule as dockerfileDevDeps } from '../../rules/dockerfile-dev-deps.js';
import { rule as imageTagMatches } from '../../rules/image-tag-matches.js';
import { rule as unusedSuppression } from '../../rules/unused-suppression.js';

export const RULES: ReadonlyArray<Rule<any>> = [
  imageNaming,
  nodeportRange,
  requiredLabels,
  requiredSecretKeys,
  probesPresent,
  requestsBelowLimits,
  clusterCapacity,
  resourcesPresent,
  replicasRange,
  imagePullPolicy,
  runAsNonRoot,
  serviceSelectorMatch,
  serviceTargetPort,
  probePort,
  configmapNoSecrets,
  secretEncoding,
  envRefs,
  serviceUrlRefs,
  namespaceConsistent,
  rollingUpdateStrategy,
  chartMetadata,
  k8sSchema,
  deprecatedApi,
  duplicateResource,
  yamlSyntax,
  helmRender,
  dockerfileMultiStage,
  dockerfileExpose,
  dockerfileUser,
  dockerfileBaseImage,
  dockerfileDevDeps,
  imageTagMatches,
  unusedSuppression,
];

export function findRule(id: string): Rule<any> | undefined {
  return RULES.find((r) => r.meta.id === id);
}
