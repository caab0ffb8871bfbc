/**
 * Every rule, in the order --list-rules prints them. The lint pipeline
 * (src/lint.ts) hands this list to the engine, which imports no rule.
 * Adding a rule: create rules/<id>.ts, add it here (test/rules/index.test.ts
 * checks this list against the directory), add docs/rules/<id>.md and
 * fixtures/rules/<id>/. Mark it `perResource: true` when it checks each resource on its
 * own, else declare the paths it `reads` (src/engine/rule.ts; docs/ARCHITECTURE.md,
 * "Streaming"): test/engine/per-resource.test.ts and projection.test.ts check either.
 */
import type { Rule } from '../src/engine/rule.js';
import { rule as imageNaming } from './image-naming.js';
import { rule as nodeportRange } from './nodeport-range.js';
import { rule as requiredLabels } from './required-labels.js';
import { rule as requiredSecretKeys } from './required-secret-keys.js';
import { rule as probesPresent } from './probes-present.js';
import { rule as requestsBelowLimits } from './requests-below-limits.js';
import { rule as clusterCapacity } from './cluster-capacity.js';
import { rule as resourcesPresent } from './resources-present.js';
import { rule as replicasRange } from './replicas-range.js';
import { rule as imagePullPolicy } from './image-pull-policy.js';
import { rule as runAsNonRoot } from './run-as-non-root.js';
import { rule as serviceSelectorMatch } from './service-selector-match.js';
import { rule as serviceTargetPort } from './service-target-port.js';
import { rule as serviceType } from './service-type.js';
import { rule as probePort } from './probe-port.js';
import { rule as probeConfig } from './probe-config.js';
import { rule as configmapNoSecrets } from './configmap-no-secrets.js';
import { rule as plaintextSecrets } from './plaintext-secrets.js';
import { rule as secretEncoding } from './secret-encoding.js';
import { rule as noCommittedSecrets } from './no-committed-secrets.js';
import { rule as envRefs } from './env-refs.js';
import { rule as serviceUrlRefs } from './service-url-refs.js';
import { rule as namespaceConsistent } from './namespace-consistent.js';
import { rule as namingPrefix } from './naming-prefix.js';
import { rule as rollingUpdateStrategy } from './rolling-update-strategy.js';
import { rule as chartMetadata } from './chart-metadata.js';
import { rule as k8sSchema } from './k8s-schema.js';
import { rule as deprecatedApi } from './deprecated-api.js';
import { rule as duplicateResource } from './duplicate-resource.js';
import { rule as yamlSyntax } from './yaml-syntax.js';
import { rule as helmRender } from './helm-render.js';
import { rule as dockerfileMultiStage } from './dockerfile-multi-stage.js';
import { rule as dockerfileExpose } from './dockerfile-expose.js';
import { rule as dockerfileUser } from './dockerfile-user.js';
import { rule as dockerfileBaseImage } from './dockerfile-base-image.js';
import { rule as dockerfileDevDeps } from './dockerfile-dev-deps.js';
import { rule as imageTagMatches } from './image-tag-matches.js';
import { rule as unusedSuppression } from './unused-suppression.js';

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
  serviceType,
  probePort,
  probeConfig,
  configmapNoSecrets,
  plaintextSecrets,
  secretEncoding,
  noCommittedSecrets,
  envRefs,
  serviceUrlRefs,
  namespaceConsistent,
  namingPrefix,
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
