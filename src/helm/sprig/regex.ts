/**
 * Sprig's regular expressions: Go's regexp (RE2 syntax and semantics) through
 * re2js, a port of RE2, never JavaScript's backtracking RegExp. The plain
 * functions panic on a bad pattern (regexp.MustCompile's message, except
 * regexMatch, which is just false); the must* variants return Go's
 * compile error. Replacements expand $1, ${1}, $name and ${name} with Go's
 * rules (regexp.Expand), and $$ is a literal $.
 */
import type { GoFunction } from '../go/value.js';
import { goQuote } from '../go/quote.js';
import { goFunc, sig } from './signatures.js';
import { tagGoType } from '../go/reflect.js';
import { isDigit, isLetter } from '../go/unicode.js';
import { compileGoRegexp, type GoRegexp } from '../go/regexp.js';

const compile = compileGoRegexp;

/** regexp.Compile, returning its error (the must* functions). */
function mustCompile(pattern: string): GoRegexp {
  const re = compile(pattern);
  if (re instanceof Error) throw new Error(re.message);
  return re;
}

/** Go's quote() for MustCompile's panic: backquoted when it can be. */
function quotePattern(s: string): string {
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c === 0xfeff || (c < 0x20 && c !== 0x09) || c === 0x60 || c === 0x7f) return goQuote(s);
  }
  return '`' + s + '`';
}

/** regexp.MustCompile (the plain functions): a panic with the pattern in the message. */
function panicCompile(pattern: string): GoRegexp {
  const re = compile(pattern);
  if (re instanceof Error) throw new Error(`regexp: Compile(${quotePattern(pattern)}): ${re.message}`);
  return re;
}

const strList = (xs: string[]): string[] => tagGoType(xs, '[]string');

function findAll(re: GoRegexp, s: string, n: bigint): string[] {
  const found: string[] | null = re.findAll(s, Number(n));
  return strList(found ?? []);
}

function findFirst(re: GoRegexp, s: string): string {
  return re.find(s) ?? '';
}

/** Regexp.Split. */
function split(re: GoRegexp, pattern: string, s: string, nBig: bigint): string[] {
  const n = Number(nBig);
  if (n === 0) return strList([]);
  if (pattern.length > 0 && s.length === 0) return strList(['']);
  const matches: number[][] = re.findAllIndex(s, n) ?? [];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length >= n - 1) break;
    end = m[0];
    if (m[1] !== 0) out.push(s.slice(beg, end));
    beg = m[1];
  }
  if (end !== s.length) out.push(s.slice(beg));
  return strList(out);
}

const isNameChar = (ch: string): boolean => {
  const c = ch.codePointAt(0) as number;
  return ch === '_' || isLetter(c) || isDigit(c);
};

/** Regexp.Expand of a replacement template for one match. */
function expand(re: GoRegexp, template: string, src: string, match: number[]): string {
  let out = '';
  let t = template;
  const group = (i: number): string => (2 * i + 1 < match.length && match[2 * i] >= 0 ? src.slice(match[2 * i], match[2 * i + 1]) : '');
  while (t.length > 0) {
    const dollar = t.indexOf('$');
    if (dollar < 0) break;
    out += t.slice(0, dollar);
    t = t.slice(dollar + 1);
    if (t.startsWith('$')) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const brace = t.startsWith('{');
    let body = brace ? t.slice(1) : t;
    let i = 0;
    const chars = [...body];
    let nameLen = 0;
    while (i < chars.length && isNameChar(chars[i])) {
      nameLen += chars[i].length;
      i++;
    }
    const name = body.slice(0, nameLen);
    if (name === '' || (brace && body[nameLen] !== '}')) {
      // Malformed: the $ is kept as text.
      out += '$';
      continue;
    }
    body = body.slice(nameLen + (brace ? 1 : 0));
    t = body;
    let num = -1;
    if (/^[0-9]+$/.test(name) && !(name[0] === '0' && name.length > 1) && name.length <= 9) num = Number(name);
    if (num >= 0) {
      out += group(num);
    } else {
      const idx = (re.namedGroups as Record<string, number>)[name];
      if (idx !== undefined) out += group(idx);
    }
  }
  return out + t;
}

function replaceAll(re: GoRegexp, s: string, repl: string, literal: boolean): string {
  const matches: number[][] = re.findAllSubmatchIndex(s, -1) ?? [];
  let out = '';
  let last = 0;
  for (const m of matches) {
    out += s.slice(last, m[0]) + (literal ? repl : expand(re, repl, s, m));
    last = m[1];
  }
  return out + s.slice(last);
}

const S = 'string';

export const regexFuncs: Record<string, GoFunction> = {
  regexMatch: goFunc('regexMatch', sig(S, S), (p: string, s: string) => {
    const re = compile(p);
    return re instanceof Error ? false : re.match(s);
  }),
  mustRegexMatch: goFunc('mustRegexMatch', sig(S, S), (p: string, s: string) => mustCompile(p).match(s)),
  regexFindAll: goFunc('regexFindAll', sig(S, S, 'int'), (p: string, s: string, n: bigint) => findAll(panicCompile(p), s, n)),
  mustRegexFindAll: goFunc('mustRegexFindAll', sig(S, S, 'int'), (p: string, s: string, n: bigint) =>
    findAll(mustCompile(p), s, n),
  ),
  regexFind: goFunc('regexFind', sig(S, S), (p: string, s: string) => findFirst(panicCompile(p), s)),
  mustRegexFind: goFunc('mustRegexFind', sig(S, S), (p: string, s: string) => findFirst(mustCompile(p), s)),
  regexReplaceAll: goFunc('regexReplaceAll', sig(S, S, S), (p: string, s: string, r: string) =>
    replaceAll(panicCompile(p), s, r, false),
  ),
  mustRegexReplaceAll: goFunc('mustRegexReplaceAll', sig(S, S, S), (p: string, s: string, r: string) =>
    replaceAll(mustCompile(p), s, r, false),
  ),
  regexReplaceAllLiteral: goFunc('regexReplaceAllLiteral', sig(S, S, S), (p: string, s: string, r: string) =>
    replaceAll(panicCompile(p), s, r, true),
  ),
  mustRegexReplaceAllLiteral: goFunc('mustRegexReplaceAllLiteral', sig(S, S, S), (p: string, s: string, r: string) =>
    replaceAll(mustCompile(p), s, r, true),
  ),
  regexSplit: goFunc('regexSplit', sig(S, S, 'int'), (p: string, s: string, n: bigint) => split(panicCompile(p), p, s, n)),
  mustRegexSplit: goFunc('mustRegexSplit', sig(S, S, 'int'), (p: string, s: string, n: bigint) =>
    split(mustCompile(p), p, s, n),
  ),
  regexQuoteMeta: goFunc('regexQuoteMeta', sig(S), (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')),
};

