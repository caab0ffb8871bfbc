import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/helm/go/bounded-cache.js';

describe('BoundedCache', () => {
  it('never holds more than its size, forgetting the least recently used entry', () => {
    const c = new BoundedCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.size).toBe(2);
    expect(c.has('b')).toBe(false);
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
  });

  it('computes a value once per key while it is cached, and keeps falsy values', () => {
    const c = new BoundedCache<string, number | null>(10);
    let calls = 0;
    const make = () => (calls++, null);
    expect(c.getOrCreate('x', make)).toBeNull();
    expect(c.getOrCreate('x', make)).toBeNull();
    expect(calls).toBe(1);
    expect(c.has('x')).toBe(true);
  });

  it('stays bounded under many distinct keys', () => {
    const c = new BoundedCache<number, number>(100);
    for (let i = 0; i < 10_000; i++) c.getOrCreate(i, (k) => k * 2);
    expect(c.size).toBe(100);
    expect(c.get(9_999)).toBe(19_998);
    expect(c.get(0)).toBeUndefined();
  });

  it('refuses a size below one', () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
