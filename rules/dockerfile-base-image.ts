import { defineRule } from '../src/engine/rule.js';
import { dockerLocation, imageDockerfiles, note, dockerfileSubject } from './_lib/dockerfile.js';
import { parseImage } from '../src/k8s/image.js';
import { DOCKERFILE_READS } from './_lib/reads.js';

interface Options { allowed: string[] }

/** Docker Hub's implicit prefixes: `docker.io/library/node` is `node`. */
function repository(ref: string): string {
  const img = parseImage(ref);
  const full = img.prefix ? `${img.prefix}/${img.name}` : img.name;
  return full.replace(/^(?:index\.)?docker\.io\/(?:library\/)?/, '').toLowerCase();
}

/** `node:20-alpine` allows exactly that tag (any digest); `node` allows any tag of node. */
function isAllowed(ref: string, allowed: readonly string[]): boolean {
  const repo = repository(ref);
  const tag = parseImage(ref).tag;
  return allowed.some((a) => {
    const want = parseImage(a);
    return repository(a) === repo && (want.tag === undefined || want.tag === tag);
  });
}

export const rule = defineRule<Options>({
  meta: {
    id: 'dockerfile-base-image',
    description: 'Base images of the workload images\' Dockerfiles are pinned to a tag or digest, never latest, and (when a list is given) allowed',
    defaultSeverity: 'warning',
    optionsSchema: {
      type: 'object',
      properties: { allowed: { type: 'array', items: { type: 'string', minLength: 1 } } },
      additionalProperties: false,
    },
    defaultOptions: { allowed: [] },
    reads: DOCKERFILE_READS,
  },
  check(ctx) {
    const { allowed } = ctx.options;
    for (const entry of imageDockerfiles(ctx)) {
      const df = entry.dockerfile;
      const at = dockerfileSubject(entry);
      for (const stage of df.stages) {
        // A stage built on an earlier stage, or on nothing, has no base image of its own.
        if (stage.baseStage || stage.base.raw.toLowerCase() === 'scratch') continue;
        const ref = stage.base.value;
        if (ref === undefined) {
          note(ctx, `${df.file}:${stage.base.span.line}: FROM ${stage.base.raw} is not known (a build argument without a default?): base image not checked`);
          continue;
        }
        const img = parseImage(ref);
        const location = dockerLocation(df, stage.base.span);
        if (img.tag === undefined && img.digest === undefined) {
          ctx.report({ ...at, location, message: `base image ${ref} is not pinned: name a tag (e.g. ${img.name}:<version>) or a digest, or every build may pull a different image` });
        } else if (img.tag === 'latest' && img.digest === undefined) {
          ctx.report({ ...at, location, message: `base image ${ref} uses the latest tag: pin a version tag or a digest, or every build may pull a different image` });
        } else if (allowed.length && !isAllowed(ref, allowed)) {
          ctx.report({ ...at, location, message: `base image ${ref} is not one of the allowed base images (${allowed.join(', ')})` });
        }
      }
    }
  },
});
