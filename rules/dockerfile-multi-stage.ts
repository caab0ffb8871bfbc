import { defineRule } from '../src/engine/rule.js';
import { finalStage, type Stage } from '../src/dockerfile/model.js';
import { dockerLocation, imageDockerfiles, dockerfileSubject } from './_lib/dockerfile.js';
import { DOCKERFILE_READS } from './_lib/reads.js';

/** Does `COPY --from=X` name an earlier stage of the file (by name or index), rather than an outside image? */
function copiesFromStage(final: Stage, stages: readonly Stage[]): boolean {
  const earlier = stages.slice(0, final.index);
  return final.instructions.some((i) => {
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') return false;
    const from = i.flags.find((f) => f.name === 'from')?.value?.toLowerCase();
    if (from === undefined) return false;
    return earlier.some((s) => s.name === from || String(s.index) === from);
  });
}

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'dockerfile-multi-stage',
    description: 'The Dockerfile of each workload image is multi-stage: at least two stages, and the final stage copies from a build stage',
    defaultSeverity: 'warning',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    reads: DOCKERFILE_READS,
  },
  check(ctx) {
    for (const entry of imageDockerfiles(ctx)) {
      const df = entry.dockerfile;
      const final = finalStage(df);
      const at = dockerfileSubject(entry);
      if (!final) {
        ctx.report({ ...at, location: dockerLocation(df, { line: 1, column: 1, endLine: 1, endColumn: 1 }), message: 'the Dockerfile has no FROM instruction' });
        continue;
      }
      if (df.stages.length < 2) {
        ctx.report({ ...at, location: dockerLocation(df, final.from.span), message: `single-stage Dockerfile (FROM ${final.base.raw}): build in a first stage and COPY --from it into a slim final stage, so build tools and sources stay out of the image` });
      } else if (!copiesFromStage(final, df.stages)) {
        const names = df.stages.slice(0, -1).map((s) => s.name ?? String(s.index)).join(', ');
        ctx.report({ ...at, location: dockerLocation(df, final.from.span), message: `the final stage (FROM ${final.base.raw}) copies nothing from the build stages (${names}): COPY --from=<stage> the built output into it` });
      }
    }
  },
});
