/**
 * Go's regexp package: RE2 syntax and semantics through re2js, a linear-time port of RE2,
 * never JavaScript's backtracking RegExp (`^(a+)+$` on 40 characters would run for hours).
 * The renderer's regular expressions from input run here: Sprig's functions and the patterns
 * of values.schema.json (src/go-regexp.ts does the same outside the renderer).
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';
import { BoundedCache } from './bounded-cache.js';

/** The Go-shaped RE2 object inside re2js (findAll, findAllSubmatchIndex...). */
export type GoRegexp = ReturnType<RE2JS['re2']>;

/** Compiled patterns (or their errors) by text: the same few patterns come back again and again. */
const cache = new BoundedCache<string, GoRegexp | Error>(1000);

/**
 * Go's *syntax.Error text: "error parsing regexp: CODE: `EXPR`". re2js drops
 * the ": `EXPR`" part when EXPR is empty (a trailing backslash), Go does not.
 */
export function syntaxMessage(e: unknown): string {
  if (e instanceof RE2JSSyntaxException) return `error parsing regexp: ${e.error}: \`${e.input ?? ''}\``;
  return e instanceof Error ? e.message : String(e);
}

/** regexp.Compile: the compiled pattern, or Go's error ("error parsing regexp: ..."). */
export function compileGoRegexp(pattern: string): GoRegexp | Error {
  return cache.getOrCreate(pattern, () => {
    try {
      return RE2JS.compile(pattern).re2();
    } catch (e) {
      return new Error(syntaxMessage(e));
    }
  });
}

/** What a regex engine must offer ajv (its `code.regExp` option) and pattern-taking rules. */
export interface RegExpLike {
  test(s: string): boolean;
  toString(): string;
}

/** regexp.MustCompile(pattern).MatchString, as an object: throws Go's error on a bad pattern. */
export function goRegExp(pattern: string): RegExpLike {
  const re = compileGoRegexp(pattern);
  if (re instanceof Error) throw new Error(re.message);
  // toString: ajv keys its compiled patterns by it; the default "[object Object]" would make every pattern the first one.
  return { test: (s: string) => re.match(s), toString: () => `/${pattern}/` };
}

/** ajv's `code.regExp` option: schema patterns compiled by Go's regexp (the `code` names it for standalone code). */
export const goRegExpForAjv = Object.assign((pattern: string, _flags: string): RegExpLike => goRegExp(pattern), { code: 'k8s-todo-lint/go-regexp' });
