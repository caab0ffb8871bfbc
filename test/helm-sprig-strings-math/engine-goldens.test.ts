/**
 * The same gotpl goldens rendered by the real template engine with the full
 * Helm function map: the whole path (parsing, constants, argument checks,
 * pipelines, printing, error wording) must give gotpl's bytes.
 * list/dict come from the collections module here, not from a test stand-in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GoValue } from '../../src/helm/go/value.js';
import { TemplateSet } from '../../src/helm/template/template.js';
import { helmFuncMap } from '../../src/helm/sprig/index.js';

interface Golden {
  template: string;
  data?: GoValue;
  expected?: string;
  error?: string;
}

const goldens: Golden[] = JSON.parse(readFileSync(new URL('./goldens.json', import.meta.url), 'utf8'));
const funcs = helmFuncMap();

/** Renders like gotpl's batch mode: one template "t", missingkey=zero, "<no value>" removed. */
function render(template: string, data: GoValue): string {
  const set = new TemplateSet('t', funcs, 'zero');
  set.parse('t', template);
  return set.executeTemplate('t', data).text.replaceAll('<no value>', '');
}

describe('Sprig strings, math, conversion... goldens through the template engine', () => {
  for (const g of goldens) {
    it(g.template, () => {
      if (g.error === undefined) {
        expect(render(g.template, g.data ?? {})).toBe(g.expected);
      } else {
        let message: string | undefined;
        try {
          render(g.template, g.data ?? {});
        } catch (e) {
          message = (e as Error).message;
        }
        expect(message).toBe(g.error);
      }
    });
  }
});
