/** Options keyed per component (service-type's allowed, probe-config's paths): which key applies. */
import { describe, expect, it } from 'vitest';
import { keyedEntry } from '../../rules/_lib/keyed-options.js';

const keyOf = (map: Record<string, number>, name: string, labels: Record<string, string> = {}) => keyedEntry(map, name, labels)?.key;

describe('keyedEntry', () => {
  // "*" first in the map: map order alone would let it swallow every key.
  const map = { '*': 0, 'todo-*': 1, 'todo-m*': 2, 'component=front*': 3, 'component=frontend': 4, 'todo-mcp': 5 };

  it('prefers an exact name, then an exact label pair, a label glob, then the most literal name glob', () => {
    expect(keyOf(map, 'todo-mcp', { component: 'frontend' })).toBe('todo-mcp');
    expect(keyOf(map, 'todo-frontend', { component: 'frontend' })).toBe('component=frontend');
    expect(keyOf(map, 'todo-frontend', { component: 'front-web' })).toBe('component=front*');
    expect(keyOf(map, 'todo-mcp-2')).toBe('todo-m*');
    expect(keyOf(map, 'todo-backend')).toBe('todo-*');
    expect(keyOf(map, 'backend')).toBe('*');
  });

  it('gives no entry when no key matches, and keeps map order among equals', () => {
    expect(keyOf({ 'todo-*': 1, 'component=x': 2 }, 'backend', { component: 'y' })).toBeUndefined();
    expect(keyOf({ 'a=1': 1, 'b=2': 2 }, 'x', { a: '1', b: '2' })).toBe('a=1');
    expect(keyOf({ 'b=2': 2, 'a=1': 1 }, 'x', { a: '1', b: '2' })).toBe('b=2');
  });
});
