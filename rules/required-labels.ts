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
    const checkLabels = (r: Resource, labelsPath: ResourcePath, where: string) => {
      const labels = get(r.object, labelsPath);
      for (const [key, value] of required) {
        const actual = isObject(labels) ? labels[key] : undefined;
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
      checkLabels(r, ['metadata', 'labels'], `${r.kind} ${r.name}`);
      if (podSpecOf(r) && r.kind !== 'Pod') checkLabels(r, podLabelsPath(r), `pod template of ${r.kind} ${r.name}`);
    }
  },
});

function get(obj: unknown, path: ResourcePath): unknown {
  let cur = obj;
  for (const seg of path) {
    if (!isObject(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as any)[seg];
  }
  return cur;
}
