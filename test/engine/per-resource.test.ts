/**
 * RuleMeta.perResource: a rule so marked runs on batches of resources as they are parsed
 * (src/lint-units.ts ResourceStream), so its findings over a set of resources must be the
 * union of its findings over each resource alone. Every marked rule runs over every rule
 * fixture both ways. The same comparison, run on the rules that are not marked, finds the
 * cross-resource ones: a wrong mark fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isCheckedRule, type CheckedRule } from '../../src/engine/rule.js';
import { NAMESPACES_NOT_YET_KNOWN } from '../../src/lint-units.js';
import { RULES } from '../../rules/index.js';
import { fixtureContext, loadFixtures, ruleFindings, type Fixture } from '../support/fixture-runs.js';

const CHECKED = RULES.filter(isCheckedRule);
const PER_RESOURCE = CHECKED.filter((r) => r.meta.perResource);
const CROSS = CHECKED.filter((r) => !r.meta.perResource);

/**
 * Cross-resource rules no fixture tells apart from per-resource ones, and why they are not
 * per-resource all the same: they would be wrongly marked, and nothing here would say so.
 */
const NOT_TOLD_APART: Record<string, string> = {
  'chart-metadata': 'it checks Chart.yaml, once per run, whatever the resources',
};

let fixtures: Fixture[];
beforeAll(async () => {
  fixtures = await loadFixtures();
}, 120_000);

/**
 * The fixtures where the rule's findings over the whole set differ from the union of its
 * findings over each resource alone. Each fixture is compared as it is, and with a twin of
 * each resource (the same object under another name): what several resources share (an
 * image's Dockerfile, a name, a nodePort) then shows.
 */
function differing(rule: CheckedRule<any>): string[] {
  const out: string[] = [];
  for (const fx of fixtures) {
    if (fx.resources.length === 0) continue;
    const ctx = fixtureContext(fx);
    const twins = fx.resources.flatMap((r) => [r, { ...r, name: `${r.name}-twin` }]);
    for (const [what, resources] of [['', fx.resources], [' (with twins)', twins]] as const) {
      const whole = ruleFindings(fx, ctx, rule, resources, { knownNamespaces: NAMESPACES_NOT_YET_KNOWN });
      // The stream shares the `once` keys of its batches: so do the runs over each resource.
      const once = new Set<string>();
      const parts = resources.flatMap((r) => ruleFindings(fx, ctx, rule, [r], { knownNamespaces: NAMESPACES_NOT_YET_KNOWN, once }));
      if (JSON.stringify([...whole].sort()) !== JSON.stringify([...parts].sort())) out.push(`${fx.name}${what}`);
    }
  }
  return out;
}

describe('per-resource rules', () => {
  it('the fixtures hold resources', () => {
    expect(fixtures.filter((f) => f.resources.length > 1).length).toBeGreaterThan(50);
  });

  for (const rule of PER_RESOURCE) {
    it(`${rule.meta.id}: its findings over each fixture are the union of those over each resource`, () => {
      expect(differing(rule)).toEqual([]);
    }, 60_000);

    it(`${rule.meta.id}: never throws over a fixture (it reads no cluster-wide fact, such as knownNamespaces)`, () => {
      for (const fx of fixtures) {
        const found = ruleFindings(fx, fixtureContext(fx), rule, fx.resources, { knownNamespaces: NAMESPACES_NOT_YET_KNOWN });
        expect(found.filter((f) => f.includes('internal error: rule')), fx.name).toEqual([]);
      }
    }, 60_000);
  }

  for (const rule of CROSS) {
    const why = NOT_TOLD_APART[rule.meta.id];
    it.skipIf(why !== undefined)(`${rule.meta.id} (not per-resource): some fixture shows it reads across resources`, () => {
      // Read across resources: whichever cluster-wide facts it asks, it gets them in both runs.
      expect(differing(rule).length).toBeGreaterThan(0);
    }, 60_000);
  }
});
