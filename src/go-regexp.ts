/**
 * Go's regexp (RE2: linear time, Go's syntax) for the regular expressions that come from input
 * outside the renderer: CRD schema patterns (src/schema/crd.ts) and rule options that are
 * patterns. JavaScript's backtracking RegExp would hang on `^(a+)+$` and a 40-character value
 * (issue 16). src/helm has its own (src/helm/go/regexp.ts): the renderer stands alone.
 *
 * re2js is loaded on the first pattern that needs it (src/vendor.ts): loading it and compiling a
 * first pattern cost ~15 ms, which a lint whose patterns are all plain text does not pay.
 */
import type { RE2JS } from 're2js';
import { re2js } from './vendor.js';

export interface RegExpLike {
  test(s: string): boolean;
  toString(): string;
}

/** Printable ASCII with no character Go's syntax gives a meaning to: matches exactly itself. */
const LITERAL = /^[^\\.+*?()|[\]{}^$\x00-\x1f\x7f-\uffff]*$/;

/**
 * A pattern that is text, anchored or not (`^todo-`, `-v2$`), matched without an engine: Go's `^`
 * and `$` (no flags) are the start and end of the text, so it is startsWith, endsWith, equality
 * or includes. Undefined for every other pattern.
 */
function literalMatcher(pattern: string): ((s: string) => boolean) | undefined {
  const start = pattern.startsWith('^');
  const end = pattern.endsWith('$') && pattern.length > (start ? 1 : 0);
  const text = pattern.slice(start ? 1 : 0, end ? -1 : undefined);
  if (!LITERAL.test(text)) return undefined;
  if (start && end) return (s) => s === text;
  if (start) return (s) => s.startsWith(text);
  if (end) return (s) => s.endsWith(text);
  return (s) => s.includes(text);
}

// Compiled patterns by their text: a rule compiles its option's pattern once per run, and a lint
// runs the rules once per chart and values render (compiling was ~5% of a 200-chart lint).
// Bounded (oldest first out) and content-free: patterns come from the config and CRD schemas.
const compiled = new Map<string, RegExpLike>();
const MAX_COMPILED = 256;

/** How many patterns were compiled since start-up: tests check a pattern is compiled once. */
let compilations = 0;
export function goRegExpCompilations(): number {
  return compilations;
}

/** regexp.MustCompile(pattern).MatchString; a bad pattern throws Go's "error parsing regexp: ..." text. */
export function goRegExp(pattern: string): RegExpLike {
  let found = compiled.get(pattern);
  if (found === undefined) {
    found = compile(pattern);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(pattern, found);
  }
  return found;
}

function compile(pattern: string): RegExpLike {
  compilations++;
  // toString: ajv keys its compiled patterns by it; the default "[object Object]" would make every pattern the first one.
  const toString = () => `/${pattern}/`;
  const literal = literalMatcher(pattern);
  if (literal) return { test: literal, toString };
  const { RE2JS: Engine, RE2JSSyntaxException } = re2js();
  let re: ReturnType<RE2JS['re2']>;
  try {
    re = Engine.compile(pattern).re2();
  } catch (e) {
    throw new Error(e instanceof RE2JSSyntaxException ? `error parsing regexp: ${e.error}: \`${e.input ?? ''}\`` : String(e));
  }
  return { test: (s: string) => re.match(s), toString };
}

/** ajv's `code.regExp` option (`code` names the engine for standalone code, which we do not generate). */
export const goRegExpForAjv = Object.assign((pattern: string, _flags: string): RegExpLike => goRegExp(pattern), { code: 'k8s-todo-lint/go-regexp' });
