import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../src/schema/suggest.js';

describe('suggest', () => {
  it('measures edits, a swap of neighbours counting once', () => {
    expect(editDistance('replicas', 'replicas')).toBe(0);
    expect(editDistance('replica', 'replicas')).toBe(1);
    expect(editDistance('contianers', 'containers')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('prefers a case-insensitive match, then the nearest close one', () => {
    expect(suggest('ImagePullPolicy', ['image', 'imagePullPolicy'])).toBe('imagePullPolicy');
    expect(suggest('imagePullPolicyy', ['image', 'imagePullPolicy', 'imagePullSecrets'])).toBe('imagePullPolicy');
    expect(suggest('contianers', ['initContainers', 'containers'])).toBe('containers');
  });

  it('does not suggest far-fetched names', () => {
    expect(suggest('foo', ['bar', 'baz'])).toBeUndefined();
    expect(suggest('x', ['y'])).toBe('y');
    expect(suggest('loadBalancerWhatever', ['loadBalancerIP', 'loadBalancerClass'])).toBeUndefined();
    expect(didYouMean('foo', [])).toBe('');
    expect(didYouMean('replica', ['replicas'])).toBe(' (did you mean "replicas"?)');
  });
});
