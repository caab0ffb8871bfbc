import { goRegExp } from '../src/go-regexp.js';
import { defineRule } from '../src/engine/rule.js';
import { containersOf } from '../src/k8s/workloads.js';
import { containerLabel } from './_lib/container-name.js';

/**
 * Image references follow `todo-<component>:<version>`: optional registry and
 * path, a last segment `todo-` + a lowercase component, an explicit tag, and
 * optionally a digest after the tag.
 */
export const DEFAULT_PATTERN = '^(?:[a-z0-9.-]+(?::[0-9]+)?/)?(?:[a-z0-9._-]+/)*todo-[a-z0-9]+(?:-[a-z0-9]+)*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}(?:@sha256:[a-f0-9]{64})?$';
/**
 * DEFAULT_PATTERN as a JavaScript RegExp: compiling it with Go's engine costs every run ~5 ms
 * (its {0,127} and {64}) plus loading re2js (~10 ms). Safe here, unlike a configured pattern:
 * ASCII classes only, so JavaScript and Go match the same (test/schema/go-regexp.test.ts), and
 * each `/`-ended segment and `-`-joined word matches one way (the first segment two: registry
 * or path), so backtracking stays linear in the image's length.
 */
export const DEFAULT_RE = new RegExp(DEFAULT_PATTERN);

interface Options { pattern?: string }

export const rule = defineRule<Options>({
  meta: {
    id: 'image-naming',
    description: 'Container images are named todo-<component>:<version> with an explicit tag',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: { pattern: { type: 'string', description: 'A regular expression replacing the built-in one' } },
      additionalProperties: false,
    },
    defaultOptions: {},
    perResource: true,
  },
  check(ctx) {
    const re = ctx.options.pattern === undefined ? DEFAULT_RE : goRegExp(ctx.options.pattern);
    // Workloads repeat the same few images: each is matched once (the RE2 matcher costs microseconds a test).
    const verdicts = new Map<string, boolean>();
    for (const r of ctx.index.workloads) {
      for (const c of containersOf(r, { init: true })) {
        const image = c.container.image;
        if (typeof image !== 'string' || image === '') {
          ctx.report({ resource: r, path: [...c.path, 'image'], message: `${containerLabel(c)} has no image` });
          continue;
        }
        let ok = verdicts.get(image);
        if (ok === undefined) verdicts.set(image, (ok = re.test(image)));
        if (!ok) {
          const expected = ctx.options.pattern ? `does not match ${ctx.options.pattern}` : 'does not follow todo-<component>:<version>';
          ctx.report({ resource: r, path: [...c.path, 'image'], message: `image "${image}" of ${containerLabel(c)} ${expected}` });
        }
      }
    }
  },
});
