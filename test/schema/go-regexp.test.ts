/**
 * src/go-regexp.ts: patterns that are plain text (anchored or not) match without re2js, and
 * must match exactly as Go's engine does; every other pattern still goes to re2js.
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { goRegExp } from '../../src/go-regexp.js';
import { DEFAULT_PATTERN, DEFAULT_RE } from '../../rules/image-naming.js';

const engine = (pattern: string) => RE2JS.compile(pattern).re2();
/** Text over a small alphabet that holds Go's metacharacters, so that patterns and subjects meet. */
const text = (maxLength: number) => fc.string({ unit: fc.constantFrom('a', 'b', '-', '.', '/', ':', '^', '$', '*', '\\', '(', ')', '[', ']', 'é', '\n'), maxLength });

describe('goRegExp', () => {
  it('matches like re2js for any pattern over a small alphabet, text or not', () => {
    fc.assert(
      fc.property(text(6), fc.array(text(8), { maxLength: 8 }), (pattern, subjects) => {
        let re2: ReturnType<typeof engine>;
        try {
          re2 = engine(pattern);
        } catch {
          expect(() => goRegExp(pattern)).toThrow(/^error parsing regexp: /);
          return;
        }
        const re = goRegExp(pattern);
        for (const s of [...subjects, pattern, pattern.replace(/[\^$]/g, '')]) expect(re.test(s)).toBe(re2.match(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers anchored and unanchored text patterns without an engine', () => {
    expect(['^todo-', '-v2$', '^a.b$', 'x'].map((p) => goRegExp(p).test('todo-x-v2'))).toEqual([true, true, false, true]);
    expect(goRegExp('^$').test('')).toBe(true);
    expect(goRegExp('^$').test('\n')).toBe(false); // Go's $ is the end of the text, not of a line
    expect(goRegExp('a$').test('a\n')).toBe(false);
    expect(String(goRegExp('^todo-'))).toBe('/^todo-/');
  });

  it('gives Go\'s compile error for a bad pattern', () => {
    expect(() => goRegExp('^(?=a)')).toThrow(/^error parsing regexp: /);
  });
});

describe('image-naming\'s built-in pattern', () => {
  // The rule matches its default with a JavaScript RegExp (cheaper to build); Go's engine must agree.
  const go = goRegExp(DEFAULT_PATTERN);
  // Image-like references assembled from pieces, each good four times in five, so that about a
  // quarter match and the rest miss by one piece or more.
  const piece = (good: string[], bad: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 4 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
  const image = fc
    .tuple(
      piece(['', 'reg.io/', 'reg.io:5000/', 'a_b/'], ['Reg.io/', 'reg:x/', '/']),
      piece(['', 'team/', 'a.b_c/team/', '-x/'], ['a//', 'A/']),
      piece(['todo-api', 'todo-web-ui', 'todo-9'], ['todo-', 'todo-A', 'todo--a', 'tod-a']),
      piece([':1.0', ':v_2-x', ':_a', `:${'x'.repeat(127)}`], [':', ':.x', `:${'x'.repeat(128)}`, '', ':1:2']),
      piece(['', `@sha256:${'a0'.repeat(32)}`], [`@sha256:${'a'.repeat(63)}`, `@sha256:${'A'.repeat(64)}`, '@sha1:ab']),
      piece([''], ['\n', ' ', 'é', '/']),
    )
    .map((parts) => parts.join(''));

  it('matches what Go\'s engine matches', () => {
    expect(DEFAULT_RE.source).toBe(new RegExp(DEFAULT_PATTERN).source);
    fc.assert(fc.property(image, (s) => {
      expect(DEFAULT_RE.test(s)).toBe(go.test(s));
    }), { numRuns: 5000 });
    for (const s of ['todo-api:1.0', 'reg.io:5000/team/todo-web-ui:v2@sha256:' + 'a'.repeat(64), 'todo-api', `todo-a:${'x'.repeat(128)}`, `todo-a:${'x'.repeat(127)}`, 'Todo-api:1']) {
      expect(DEFAULT_RE.test(s)).toBe(go.test(s));
    }
  });
});
