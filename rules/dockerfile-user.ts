import { defineRule } from '../src/engine/rule.js';
import { finalStage, stageChain } from '../src/dockerfile/model.js';
import { dockerLocation, dockerRelated, imageDockerfiles, manifestRelated, note, whoRuns, type ImageUse } from './_lib/dockerfile.js';
import { isObject } from '../src/k8s/object.js';
import { podSpecOf } from '../src/k8s/workloads.js';
import type { ResourcePath } from '../src/types.js';
import { containerReads, DOCKERFILE_READS } from './_lib/reads.js';
import { podSpecReads } from '../src/k8s/workloads.js';

/** The effective securityContext field of a container (its own, else the pod's) and where it is set. */
function effective(use: ImageUse, field: 'runAsUser' | 'runAsNonRoot'): { value: unknown; path: ResourcePath } | undefined {
  const own = use.container.container.securityContext;
  if (isObject(own) && own[field] !== undefined && own[field] !== null) return { value: own[field], path: [...use.container.path, 'securityContext', field] };
  const pod = podSpecOf(use.resource);
  const podSc = pod?.spec.securityContext;
  if (pod && isObject(podSc) && podSc[field] !== undefined && podSc[field] !== null) return { value: podSc[field], path: [...pod.path, 'securityContext', field] };
  return undefined;
}

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'dockerfile-user',
    description: 'The final stage of each workload image\'s Dockerfile sets a non-root USER that agrees with the pod\'s runAsUser/runAsNonRoot',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    reads: [...DOCKERFILE_READS, ...containerReads('securityContext'), ...podSpecReads(['securityContext'])],
  },
  check(ctx) {
    for (const entry of imageDockerfiles(ctx)) {
      const df = entry.dockerfile;
      const final = finalStage(df);
      if (!final) continue;
      const first = entry.uses[0];
      const users = stageChain(final).flatMap((s) => s.instructions).filter((i) => i.keyword === 'USER' && i.words.length > 0);
      const last = users[users.length - 1];
      if (!last) {
        ctx.report({
          resource: first.resource,
          path: [...first.container.path, 'image'],
          location: dockerLocation(df, final.from.span),
          message: `the final stage (FROM ${final.base.raw}) sets no USER, so the image runs as its base image's user, root for the usual bases: add USER <uid> after installing`,
          related: manifestRelated(first.resource, [...first.container.path, 'image'], `image ${first.imageText} of ${whoRuns(first)}`),
        });
        continue;
      }
      const word = last.words[0];
      // An unknown build argument: nothing certain to compare.
      if (word.value === undefined) {
        note(ctx, `${df.file}:${word.span.line}: USER ${word.raw} is not known (a build argument without a default?): user not compared`);
        continue;
      }
      const user = word.value.split(':')[0];
      if (user === 'root' || user === '0') {
        ctx.report({
          resource: first.resource,
          path: [...first.container.path, 'image'],
          location: dockerLocation(df, word.span),
          message: `USER ${word.value}: the image runs as root; create an unprivileged user and switch to it (USER <uid>)`,
          related: manifestRelated(first.resource, [...first.container.path, 'image'], `image ${first.imageText} of ${whoRuns(first)}`),
        });
        continue;
      }
      const numeric = /^\d+$/.test(user) ? Number(user) : undefined;
      for (const use of entry.uses) {
        const runAsUser = effective(use, 'runAsUser');
        const nonRoot = effective(use, 'runAsNonRoot');
        if (numeric !== undefined && runAsUser && typeof runAsUser.value === 'number' && runAsUser.value !== numeric) {
          ctx.report({
            resource: use.resource,
            path: runAsUser.path,
            location: dockerLocation(df, word.span),
            message: `USER ${word.value} differs from runAsUser ${runAsUser.value} of ${whoRuns(use)}: the pod overrides the image's user, and files the Dockerfile gave to ${numeric} may not be readable`,
            related: manifestRelated(use.resource, runAsUser.path, `runAsUser ${runAsUser.value} set here`),
          });
        }
        if (numeric === undefined && nonRoot?.value === true && !(runAsUser && typeof runAsUser.value === 'number')) {
          // The kubelet refuses to start it: "image has non-numeric user, cannot verify user is non-root".
          ctx.report({
            resource: use.resource,
            path: nonRoot.path,
            message: `runAsNonRoot: true with image user "${user}" (a name, USER in ${df.file}) and no numeric runAsUser: Kubernetes cannot verify a named user is non-root and will not start ${whoRuns(use)}; set runAsUser to its uid`,
            related: [dockerRelated(df, word.span, `USER ${word.value} set here`)],
          });
        }
      }
    }
  },
});
