import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import { canonicalGroup } from '../src/k8s/api-groups.js';

export const rule = defineRule<Record<string, never>>({
  meta: {
    id: 'duplicate-resource',
    description: 'No two resources share group, kind, namespace and name (apps and extensions Deployments count as one group)',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    reads: [['metadata', 'name']],
  },
  check(ctx) {
    // Keys only for the names the input repeats: most (kind, namespace, name) are unique, which
    // the index says with one lookup, so no key string is built for them.
    let first: Map<string, Resource> | undefined;
    for (const r of ctx.resources) {
      // generateName objects (no metadata.name) get a fresh name on each create.
      const name = r.object.metadata?.name;
      if (typeof name !== 'string' || name === '') continue;
      if (ctx.index.find(r.kind, r.namespace, r.name).length < 2) continue;
      const key = `${canonicalGroup(r.kind, r.group)}\u0000${r.kind}\u0000${r.namespace ?? ''}\u0000${r.name}`;
      const prev = (first ??= new Map()).get(key);
      if (!prev) {
        first.set(key, r);
        continue;
      }
      const at = prev.doc.locate([...prev.basePath, 'metadata', 'name']).location;
      const ns = r.namespace !== undefined ? ` in namespace ${r.namespace}` : '';
      const versions = prev.apiVersion === r.apiVersion ? '' : ` as ${prev.apiVersion}`;
      ctx.report({
        resource: r,
        path: ['metadata', 'name'],
        message: `${r.kind} ${r.name}${ns} (${r.apiVersion}) is already defined${versions} at ${at.file}:${at.line}; the second one replaces the first`,
        related: [{ file: at.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, message: `first definition of ${r.kind} ${r.name} (${prev.apiVersion})` }],
      });
    }
  },
});
