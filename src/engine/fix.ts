/**
 * Places a rule's fix (`Report.fix`: "the scalar at this path becomes this value") in the
 * text, as a `FindingFix` an editor can apply (src/lsp/code-actions.ts): where the value was
 * written (the values line a chart took it from, else the node), or, for a missing key, the
 * block map it belongs in. Rules stay pure: they name a path and a value, never a position.
 */
import { isObject } from '../k8s/object.js';
import type { FindingFix, ResourcePath } from '../types.js';
import type { Resource } from './resource.js';
import type { FixSuggestion } from './rule.js';

export function placeFix(resource: Resource, fix: FixSuggestion): FindingFix | undefined {
  const { title, path, value } = fix;
  let cur: unknown = resource.object;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const next = isObject(cur) || Array.isArray(cur) ? (cur as any)[path[depth]] : undefined;
    if (next === undefined || next === null) break;
    cur = next;
  }
  if (depth === path.length) {
    if (isObject(cur) || Array.isArray(cur)) return undefined;
    const from = fix.from ?? String(cur);
    if (from === value) return undefined;
    const node = resource.doc.locate([...resource.basePath, ...path]);
    // A value a chart took from a values file is fixed there: the template only prints it.
    const written = (node.related ?? []).filter((r) => r.endLine !== undefined && r.endColumn !== undefined);
    const at = [...written.map((r) => ({ file: r.file, line: r.line, column: r.column, endLine: r.endLine!, endColumn: r.endColumn! })), node.location];
    return { title, replace: { at, from, to: value } };
  }
  // Missing keys go under the deepest map that exists; an index that does not exist cannot be added this way.
  const missing = path.slice(depth);
  if (!isObject(cur) || missing.some((s) => typeof s !== 'string')) return undefined;
  const lines = missing.map((key, i) => `${'  '.repeat(i)}${String(key)}:${i === missing.length - 1 ? ` ${yamlScalar(value)}` : ''}`);
  const parent: ResourcePath = [...resource.basePath, ...path.slice(0, depth)];
  return { title, insert: { at: resource.doc.locate(parent).location, lines } };
}

/** YAML 1.1 plain scalars that are not strings (booleans, null, numbers) or that need quotes. */
const NOT_PLAIN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+.\d].*|.*[:#{}[\],&*!|>'"%@`].*|\s.*|.*\s)$|^$/;

/** `text` as a YAML string scalar: plain where that reads back as the same string, else double-quoted. */
export function yamlScalar(text: string): string {
  return NOT_PLAIN.test(text) ? JSON.stringify(text) : text;
}
