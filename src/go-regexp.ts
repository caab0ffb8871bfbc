/**
 * Go's regexp (RE2: linear time, Go's syntax) for the regular expressions that come from input
 * outside the renderer: CRD schema patterns (src/schema/crd.ts) and rule options that are
 * patterns. JavaScript's backtracking RegExp would hang on `^(a+)+$` and a 40-character value
 * (issue 16). src/helm has its own (src/helm/go/regexp.ts): the renderer stands alone.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';

export interface RegExpLike {
  test(s: string): boolean;
  toString(): string;
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
  let re: ReturnType<RE2JS['re2']>;
  try {
    re = RE2JS.compile(pattern).re2();
  } catch (e) {
    throw new Error(e instanceof RE2JSSyntaxException ? `error parsing regexp: ${e.error}: \`${e.input ?? ''}\`` : String(e));
  }
  // toString: ajv keys its compiled patterns by it; the default "[object Object]" would make every pattern the first one.
  return { test: (s: string) => re.match(s), toString: () => `/${pattern}/` };
}

/** ajv's `code.regExp` option (`code` names the engine for standalone code, which we do not generate). */
export const goRegExpForAjv = Object.assign((pattern: string, _flags: string): RegExpLike => goRegExp(pattern), { code: 'k8s-todo-lint/go-regexp' });
