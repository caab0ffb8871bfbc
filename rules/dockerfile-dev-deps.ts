import { defineRule } from '../src/engine/rule.js';
import { finalStage, stageChain } from '../src/dockerfile/model.js';
import { dockerLocation, imageDockerfiles, dockerfileSubject } from './_lib/dockerfile.js';
import { commandsOf, devInstall } from './_lib/dev-deps.js';
import { DOCKERFILE_READS } from './_lib/reads.js';

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'dockerfile-dev-deps',
    description: 'The final stage of each workload image\'s Dockerfile installs no development dependencies (npm without --omit=dev, requirements-dev.txt...)',
    defaultSeverity: 'warning',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    reads: DOCKERFILE_READS,
  },
  check(ctx) {
    for (const entry of imageDockerfiles(ctx)) {
      const df = entry.dockerfile;
      const final = finalStage(df);
      if (!final) continue;
      const at = dockerfileSubject(entry);
      // The final image holds what its stage chain installed: `FROM deps AS runner` keeps deps' node_modules.
      let nodeEnvProduction = false;
      for (const stage of stageChain(final)) {
        for (const ins of stage.instructions) {
          if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
            const pairs = ins.words.length === 2 && ins.keyword === 'ENV' && !ins.words[0].raw.includes('=') ? [`${ins.words[0].raw}=${ins.words[1].value ?? ''}`] : ins.words.map((w) => w.value ?? w.raw);
            for (const p of pairs) {
              const [k, v] = p.split(/=(.*)/s);
              if (k === 'NODE_ENV' && v !== undefined) nodeEnvProduction = v.replace(/^['"]|['"]$/g, '') === 'production';
            }
          }
          if (ins.keyword !== 'RUN') continue;
          for (const command of commandsOf(ins.words)) {
            const found = devInstall(command, { nodeEnvProduction });
            if (!found || found.words.length === 0) continue;
            const first = found.words[0].span;
            const last = found.words[found.words.length - 1].span;
            const span = { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn };
            ctx.report({ ...at, location: dockerLocation(df, span), message: stage === final ? found.message : found.message.replace('in the final stage', `in stage ${stage.name ?? stage.index}, which the final stage is built on`) });
          }
        }
      }
    }
  },
});
