import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import type { ResourcePath } from '../src/types.js';
import { isObject } from '../src/k8s/object.js';
import { podLabelsPath, podSpecOf } from '../src/k8s/workloads.js';

interface Options { labels: Record<string, string> }

export const rule = defineRule<Options>({
  meta: {
    id: 'required-labels',
    description: 'Every resource and every pod template carries the required labels with the required values',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: { labels: { type: 'object', additionalProperties: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: { labels: { app: 'todo' } },
    perResource: true,
  },
  check(ctx) {
    const required = Object.entries(ctx.options.labels);
    if (required.length === 0) return;
    // What is named in a message is worded only for a report: most resources have their labels.
    const checkLabels = (r: Resource, labelsPath: ResourcePath, podTemplate: boolean) => {
      const labels = get(r.object, labelsPath);
      for (const [key, value] of required) {
        const actual = isObject(labels) ? labels[key] : undefined;
        if (actual !== undefined && actual !== null && String(actual) === value) continue;
        const where = podTemplate ? `pod template of ${r.kind} ${r.name}` : `${r.kind} ${r.name}`;
        if (actual === undefined || actual === null) {
          const parentPath = isObject(labels) ? labelsPath : labelsPath.slice(0, -1);
          const fix = { title: `Add the label ${key}: ${value}`, path: [...labelsPath, key], value };
          ctx.report({ resource: r, path: parentPath, message: `${where} lacks the label ${key}: ${value}`, fix });
        } else if (String(actual) !== value) {
          const fix = { title: `Set the label ${key} to ${value}`, path: [...labelsPath, key], value };
          ctx.report({ resource: r, path: [...labelsPath, key], message: `${where} label ${key} is "${String(actual)}", expected "${value}"`, fix });
        }
      }
    };
    for (const r of ctx.resources) {
      checkLabels(r, METADATA_LABELS, false);
      if (podSpecOf(r) && r.kind !== 'Pod') checkLabels(r, podLabelsPath(r), true);
    }
  },
});

const METADATA_LABELS: ResourcePath = ['metadata', 'labels'];

function get(obj: unknown, path: ResourcePath): unknown {
  let cur = obj;
  for (const seg of path) {
    if (!isObject(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as any)[seg];
  }
  return cur;
}
