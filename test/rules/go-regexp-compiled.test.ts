/**
 * Rule options that are patterns compile once: the rules run once per chart and values render,
 * and compiling the same pattern again for each was ~5% of a 200-chart lint. Structural: it
 * counts compilations.
 */
import { describe, expect, it } from 'vitest';
import { goRegExp, goRegExpCompilations } from '../../src/go-regexp.js';

describe('goRegExp', () => {
  it('compiles a pattern once and answers the same from then on', () => {
    const before = goRegExpCompilations();
    const first = goRegExp('^compiled-once-[a-z]+$');
    const second = goRegExp('^compiled-once-[a-z]+$');
    expect(goRegExpCompilations() - before).toBe(1);
    expect([first.test('compiled-once-abc'), second.test('compiled-once-abc'), second.test('compiled-once-1')]).toEqual([true, true, false]);
    expect(String(second)).toBe('/^compiled-once-[a-z]+$/');
  });

  it('keeps a bounded number of patterns, and a bad pattern throws every time', () => {
    for (let i = 0; i < 300; i++) goRegExp(`^p${i}$`);
    const before = goRegExpCompilations();
    goRegExp('^p0$');
    expect(goRegExpCompilations() - before).toBe(1);
    for (let i = 0; i < 2; i++) expect(() => goRegExp('(')).toThrow(/^error parsing regexp: missing closing \): `\(`$/);
  });
});
