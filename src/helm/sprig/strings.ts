/**
 * Sprig's string functions. Go strings are UTF-8 bytes, so the functions that
 * count or cut (substr, trunc, abbrev, wrap) count bytes, not characters.
 * Argument order follows Sprig (the string last, for pipelines).
 */
import type { GoFunction, GoMap, GoValue } from '../go/value.js';
import { formatValue } from '../go/fmt.js';
import { goQuote } from '../go/quote.js';
import { goFunc, sig, vsig, runtimeError } from './signatures.js';
import { strslice, strval, underlyingOrSelf } from './cast.js';
import { tagGoType } from '../go/reflect.js';
import { byteLength, compareGoStrings, sliceBytes } from '../go/utf8.js';
import { goToLower, goToUpper, goTrimSpace } from '../go/unicode.js';
import {
  abbreviateFull,
  deleteWhiteSpace,
  goRepeat,
  goReplaceAll,
  goSplitN,
  goTitle,
  goTrim,
  initials,
  shuffleRunes,
  swapCase,
  uncapitalize,
  wrapCustom,
} from '../go/strings.js';
import { camelCaseToLowerCase, toPascalCase } from './casing.js';

const num = (n: bigint): number => Number(n);

/** substring(start, end, s) with Go's slice panics for bad bounds. */
function substr(start: bigint, end: bigint, s: string): string {
  const len = byteLength(s);
  const a = num(start);
  const b = num(end);
  if (a < 0) {
    // s[:end]
    if (b < 0) throw runtimeError(`slice bounds out of range [:${b}]`);
    if (b > len) throw runtimeError(`slice bounds out of range [:${b}] with length ${len}`);
    return sliceBytes(s, 0, b);
  }
  if (b < 0 || b > len) {
    // s[start:]
    if (a > len) throw runtimeError(`slice bounds out of range [${a}:${len}]`);
    return sliceBytes(s, a);
  }
  if (a > b) throw runtimeError(`slice bounds out of range [${a}:${b}]`);
  return sliceBytes(s, a, b);
}

function trunc(c: bigint, s: string): string {
  const len = byteLength(s);
  const n = num(c);
  if (n < 0 && len + n > 0) return sliceBytes(s, len + n);
  if (n >= 0 && len > n) return sliceBytes(s, 0, n);
  return s;
}

function indent(spaces: bigint, v: string): string {
  const pad = goRepeat(' ', num(spaces));
  return pad + v.replace(/\n/g, '\n' + pad);
}

/** split / splitn: a map with keys _0, _1, ... (Go type map[string]string). */
function indexedMap(parts: string[]): GoMap {
  const m: GoMap = Object.create(null);
  parts.forEach((p, i) => {
    m['_' + i] = p;
  });
  return tagGoType(m, 'map[string]string');
}

const isNil = (v: GoValue): boolean => v === null || v === undefined;

const plainPrintable = /^[ !#-[\]-~]*$/;

/** %q of a string; printable ASCII without quotes or backslashes needs no escaping (the common case). */
function quoteString(s: string): string {
  return plainPrintable.test(s) ? `"${s}"` : goQuote(s);
}

function sortAlpha(list: GoValue): GoValue {
  const u = underlyingOrSelf(list);
  if (Array.isArray(u) || u instanceof Uint8Array) {
    return tagGoType(strslice(list).sort(compareGoStrings), '[]string');
  }
  return tagGoType([strval(list)], '[]string');
}

export const stringFuncs: Record<string, GoFunction> = {
  hello: goFunc('hello', sig(), () => 'Hello!'),
  abbrev: goFunc('abbrev', sig('int', 'string'), (width: bigint, s: string) =>
    width < 4n ? s : abbreviateFull(s, 0, num(width)),
  ),
  abbrevboth: goFunc('abbrevboth', sig('int', 'int', 'string'), (left: bigint, right: bigint, s: string) =>
    right < 4n || (left > 0n && right < 7n) ? s : abbreviateFull(s, num(left), num(right)),
  ),
  trunc: goFunc('trunc', sig('int', 'string'), trunc),
  trim: goFunc('trim', sig('string'), goTrimSpace),
  upper: goFunc('upper', sig('string'), goToUpper),
  lower: goFunc('lower', sig('string'), goToLower),
  title: goFunc('title', sig('string'), goTitle),
  untitle: goFunc('untitle', sig('string'), uncapitalize),
  substr: goFunc('substr', sig('int', 'int', 'string'), substr),
  repeat: goFunc('repeat', sig('int', 'string'), (count: bigint, s: string) => goRepeat(s, num(count))),
  trimall: goFunc('trimall', sig('string', 'string'), (a: string, b: string) => goTrim(b, a)),
  trimAll: goFunc('trimAll', sig('string', 'string'), (a: string, b: string) => goTrim(b, a)),
  trimSuffix: goFunc('trimSuffix', sig('string', 'string'), (a: string, b: string) =>
    a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b,
  ),
  trimPrefix: goFunc('trimPrefix', sig('string', 'string'), (a: string, b: string) =>
    a !== '' && b.startsWith(a) ? b.slice(a.length) : b,
  ),
  nospace: goFunc('nospace', sig('string'), deleteWhiteSpace),
  initials: goFunc('initials', sig('string'), initials),
  swapcase: goFunc('swapcase', sig('string'), swapCase),
  shuffle: goFunc('shuffle', sig('string'), shuffleRunes),
  snakecase: goFunc('snakecase', sig('string'), (s: string) => camelCaseToLowerCase(s, '_')),
  camelcase: goFunc('camelcase', sig('string'), toPascalCase),
  kebabcase: goFunc('kebabcase', sig('string'), (s: string) => camelCaseToLowerCase(s, '-')),
  wrap: goFunc('wrap', sig('int', 'string'), (l: bigint, s: string) => wrapCustom(s, num(l), '', false)),
  wrapWith: goFunc('wrapWith', sig('int', 'string', 'string'), (l: bigint, sep: string, s: string) =>
    wrapCustom(s, num(l), sep, true),
  ),
  contains: goFunc('contains', sig('string', 'string'), (sub: string, s: string) => s.includes(sub)),
  hasPrefix: goFunc('hasPrefix', sig('string', 'string'), (pre: string, s: string) => s.startsWith(pre)),
  hasSuffix: goFunc('hasSuffix', sig('string', 'string'), (suf: string, s: string) => s.endsWith(suf)),
  quote: goFunc('quote', vsig('any'), (...vs: GoValue[]) =>
    vs.filter((v) => !isNil(v)).map((v) => quoteString(strval(v))).join(' '),
  ),
  squote: goFunc('squote', vsig('any'), (...vs: GoValue[]) =>
    vs.filter((v) => !isNil(v)).map((v) => `'${formatValue(v)}'`).join(' '),
  ),
  cat: goFunc('cat', vsig('any'), (...vs: GoValue[]) =>
    vs.filter((v) => !isNil(v)).map((v) => formatValue(v)).join(' '),
  ),
  indent: goFunc('indent', sig('int', 'string'), indent),
  nindent: goFunc('nindent', sig('int', 'string'), (spaces: bigint, v: string) => '\n' + indent(spaces, v)),
  replace: goFunc('replace', sig('string', 'string', 'string'), (old: string, repl: string, src: string) =>
    goReplaceAll(src, old, repl),
  ),
  plural: goFunc('plural', sig('string', 'string', 'int'), (one: string, many: string, count: bigint) =>
    count === 1n ? one : many,
  ),
  split: goFunc('split', sig('string', 'string'), (sep: string, orig: string) => indexedMap(goSplitN(orig, sep, -1))),
  splitList: goFunc('splitList', sig('string', 'string'), (sep: string, orig: string) =>
    tagGoType(goSplitN(orig, sep, -1), '[]string'),
  ),
  splitn: goFunc('splitn', sig('string', 'int', 'string'), (sep: string, n: bigint, orig: string) =>
    indexedMap(goSplitN(orig, sep, num(n))),
  ),
  join: goFunc('join', sig('string', 'any'), (sep: string, v: GoValue) => strslice(v).join(sep)),
  sortAlpha: goFunc('sortAlpha', sig('any'), sortAlpha),
};
