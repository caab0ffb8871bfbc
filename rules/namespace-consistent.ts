import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';

interface Options { namespace?: string }

export const rule = defineRule<Options>({
  meta: {
    id: 'namespace-consistent',
    description: 'All namespaced resources that set a namespace set the same one',
    defaultSeverity: 'warning',
    optionsSchema: { type: 'object', properties: { namespace: { type: 'string', minLength: 1 } }, additionalProperties: false },
    defaultOptions: {},
    reads: [],
  },
  check(ctx) {
    const explicit = ctx.resources.filter((r) => r.namespace !== undefined && r.namespaceExplicit).sort(inOutputOrder);
    if (explicit.length === 0) return;
    const expected = ctx.options.namespace ?? mostCommon(explicit);
    const why = ctx.options.namespace ? 'the configured namespace' : 'the most common namespace';
    for (const r of explicit) {
      if (r.namespace === expected) continue;
      ctx.report({ resource: r, path: ['metadata', 'namespace'], message: `${r.kind} ${r.name} is in namespace ${r.namespace}, not ${expected} (${why})` });
    }
  },
});

/** The most common namespace; ties go to the one that appears first in output order. */
function mostCommon(rs: readonly Resource[]): string {
  const counts = new Map<string, number>();
  for (const r of rs) counts.set(r.namespace!, (counts.get(r.namespace!) ?? 0) + 1);
  let best = rs[0].namespace!;
  for (const [ns, n] of counts) if (n > counts.get(best)!) best = ns;
  return best;
}

/** Findings are sorted by file, then position: documents in a file come in order. */
function inOutputOrder(a: Resource, b: Resource): number {
  if (a.doc.file !== b.doc.file) return a.doc.file < b.doc.file ? -1 : 1;
  if (a.doc.index !== b.doc.index) return a.doc.index - b.doc.index;
  const ai = typeof a.basePath[1] === 'number' ? a.basePath[1] : -1;
  const bi = typeof b.basePath[1] === 'number' ? b.basePath[1] : -1;
  return ai - bi;
}
