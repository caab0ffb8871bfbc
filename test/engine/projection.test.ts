/**
 * RuleMeta.reads: a large input keeps, of each object, only what the cross-resource rules
 * declare they read (src/engine/projection.ts). Each such rule runs over every rule fixture
 * on whole and on projected objects: a path its check reads but its declaration lacks
 * changes its findings, and fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_READS, Projector, readTree, SHAPE } from '../../src/engine/projection.js';
import { isCheckedRule, type CheckedRule, type ReadPath } from '../../src/engine/rule.js';
import { RULES } from '../../rules/index.js';
import { fixtureContext, loadFixtures, ruleFindings, type Fixture } from '../support/fixture-runs.js';

const CROSS = RULES.filter(isCheckedRule).filter((r) => !r.meta.perResource);

/** Rules whose declaration no fixture can check: they read nothing of the objects but the resource's identity. */
const READS_ONLY_IDENTITY = new Set(['namespace-consistent', 'chart-metadata', 'duplicate-resource']);

let fixtures: Fixture[];
beforeAll(async () => {
  fixtures = await loadFixtures();
}, 120_000);

/** The fixtures where the rule's findings on objects projected to `reads` differ from those on whole objects. */
function differing(rule: CheckedRule<any>, reads: readonly ReadPath[]): string[] {
  const out: string[] = [];
  for (const fx of fixtures) {
    if (fx.resources.length === 0) continue;
    const ctx = fixtureContext(fx);
    const projector = new Projector(readTree([...ENGINE_READS, ...reads]));
    const whole = ruleFindings(fx, ctx, rule, fx.resources);
    const projected = ruleFindings(fx, ctx, rule, fx.resources.map((r) => projector.resource(r)));
    if (JSON.stringify(whole) !== JSON.stringify(projected)) out.push(fx.name);
  }
  return out;
}

describe('the reads cross-resource rules declare', () => {
  it('every cross-resource rule declares its reads', () => {
    expect(CROSS.filter((r) => r.meta.reads === undefined).map((r) => r.meta.id)).toEqual([]);
  });

  for (const rule of CROSS) {
    it(`${rule.meta.id}: the same findings on objects projected to its reads`, () => {
      expect(differing(rule, rule.meta.reads ?? [])).toEqual([]);
    }, 60_000);

    it.skipIf(READS_ONLY_IDENTITY.has(rule.meta.id))(`${rule.meta.id}: the fixtures exercise its reads (without them, findings change)`, () => {
      expect(differing(rule, []).length).toBeGreaterThan(0);
    }, 60_000);
  }
});

describe('projection', () => {
  const project = (value: unknown, ...paths: ReadPath[]) => new Projector(readTree(paths)).project(value, readTree(paths));

  it('keeps the declared paths, whole under their ends, in key order', () => {
    const o = { b: 1, a: { x: [1, { y: 2 }], z: 3 }, c: { d: 4 } };
    expect(project(o, ['a', 'x'], ['b'])).toEqual({ b: 1, a: { x: [1, { y: 2 }] } });
    expect(Object.keys(project(o, ['c'], ['b']) as object)).toEqual(['b', 'c']);
  });

  it('maps every item or key under `*`, and merges `*` with named siblings', () => {
    const o = { list: [{ n: 1, m: 2 }, 'scalar', { n: 3 }], map: { k1: { v: 1, w: 2 }, k2: { v: 3, w: 4 } } };
    expect(project(o, ['list', '*', 'n'])).toEqual({ list: [{ n: 1 }, 'scalar', { n: 3 }] });
    expect(project(o, ['map', '*', 'v'], ['map', 'k2', 'w'])).toEqual({ map: { k1: { v: 1 }, k2: { v: 3, w: 4 } } });
  });

  it('keeps a map with none of its keys for a shape read, and a value of another shape whole', () => {
    expect(project({ spec: { template: { spec: { containers: [] } } } }, ['spec', 'template', 'spec', SHAPE])).toEqual({ spec: { template: { spec: {} } } });
    expect(project({ spec: ['a', 'b'] }, ['spec', 'name'])).toEqual({ spec: ['a', 'b'] });
    expect(project({ spec: 'text' }, ['spec', 'name'])).toEqual({ spec: 'text' });
  });

  it('keeps a key named __proto__ as data', () => {
    const o = JSON.parse('{"a": {"__proto__": {"x": 1}}}');
    const p = project(o, ['a']) as { a: object };
    expect(Object.keys(p.a)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(p.a)).toBe(Object.prototype);
  });
});
