import { defineRule } from '../src/engine/rule.js';
import { finalStage, stageChain, type Word } from '../src/dockerfile/model.js';
import { dockerLocation, imageDockerfiles, manifestRelated, note, whoRuns } from './_lib/dockerfile.js';
import { isObject } from '../src/k8s/object.js';
import { containerReads, DOCKERFILE_READS } from './_lib/reads.js';

/** One EXPOSE word: `3000`, `3000/tcp`, `8000-8010/udp`. */
interface Exposed { word: Word; from: number; to: number; protocol: string }

function parseExpose(word: Word): Exposed | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i.exec(word.value ?? '');
  if (!m) return undefined;
  const from = Number(m[1]);
  return { word, from, to: m[2] ? Number(m[2]) : from, protocol: (m[3] ?? 'tcp').toLowerCase() };
}

const covers = (e: Exposed, port: number, protocol: string) => e.protocol === protocol && port >= e.from && port <= e.to;

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'dockerfile-expose',
    description: 'Every containerPort of a workload is EXPOSEd by the final stage of its image\'s Dockerfile; an EXPOSEd port no workload uses is info',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    reads: [...DOCKERFILE_READS, ...containerReads('ports')],
  },
  check(ctx) {
    for (const entry of imageDockerfiles(ctx)) {
      const df = entry.dockerfile;
      const final = finalStage(df);
      if (!final) continue;
      // EXPOSE is inherited from the stages the final one is built on.
      const exposeIns = stageChain(final).flatMap((s) => s.instructions).filter((i) => i.keyword === 'EXPOSE');
      const words = exposeIns.flatMap((i) => i.words);
      const exposed = words.map(parseExpose);
      // A port set by a build argument without a default cannot be known here: say nothing rather than guess.
      const unknown = words.find((_, k) => exposed[k] === undefined);
      if (unknown) {
        note(ctx, `${df.file}:${unknown.span.line}: EXPOSE ${unknown.raw} is not a known port (a build argument without a default?): ports not compared`);
        continue;
      }
      const ports = exposed as Exposed[];
      const fixAt = exposeIns.length ? exposeIns[exposeIns.length - 1].span : final.from.span;
      const list = ports.length ? `it exposes ${ports.map((p) => p.word.value).join(', ')}` : 'it exposes none';
      const used = new Set<Exposed>();
      for (const use of entry.uses) {
        const declared = use.container.container.ports;
        if (!Array.isArray(declared)) continue;
        declared.forEach((p, k) => {
          if (!isObject(p) || typeof p.containerPort !== 'number') return;
          const protocol = typeof p.protocol === 'string' ? p.protocol.toLowerCase() : 'tcp';
          const match = ports.filter((e) => covers(e, p.containerPort, protocol));
          match.forEach((e) => used.add(e));
          if (match.length) return;
          const portPath = [...use.container.path, 'ports', k, 'containerPort'];
          const proto = protocol === 'tcp' ? '' : `/${protocol}`;
          ctx.report({
            resource: use.resource,
            path: portPath,
            location: dockerLocation(df, fixAt),
            message: `containerPort ${p.containerPort}${proto} of ${whoRuns(use)} is not EXPOSEd by the final stage of the Dockerfile (${list})`,
            related: manifestRelated(use.resource, portPath, `containerPort ${p.containerPort}${proto} declared here`),
          });
        });
      }
      for (const e of ports) {
        if (used.has(e)) continue;
        const use = entry.uses[0];
        ctx.report({
          resource: use.resource,
          path: [...use.container.path, 'image'],
          location: dockerLocation(df, e.word.span),
          severity: 'info',
          message: `EXPOSE ${e.word.value}: no workload running this image declares that containerPort`,
          related: entry.uses.flatMap((u) => manifestRelated(u.resource, [...u.container.path, 'ports'], `ports of ${whoRuns(u)}`)),
        });
      }
    }
  },
});
