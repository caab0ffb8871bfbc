/**
 * Sprig's path and URL functions. base/dir/clean/ext/isAbs are Go's `path`
 * package (always slash-separated); the os* variants are `path/filepath`,
 * which on Linux (where Helm runs in CI) behaves the same. urlParse/urlJoin
 * follow Go's net/url.
 */
import type { GoFunction, GoMap, GoValue } from '../go/value.js';
import { goFunc, sig } from './signatures.js';
import { goKindName } from '../go/reflect.js';
import { formatURL, hostname, parseURL, userinfoString } from '../go/url.js';

/** path.Clean: the shortest equivalent path, lexically. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const out: string[] = [];
  let dotdot = 0; // leading ".." kept in a relative path
  for (const elem of p.split('/')) {
    if (elem === '' || elem === '.') continue;
    if (elem === '..') {
      if (out.length > dotdot) out.pop();
      else if (!rooted) {
        out.push('..');
        dotdot++;
      }
      continue;
    }
    out.push(elem);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** path.Base: the last element; "." for "", "/" for all slashes. */
function basePath(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** path.Dir: everything but the last element, cleaned. */
function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

/** path.Ext: the suffix from the last dot of the last element. */
function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

const isAbs = (p: string): boolean => p.startsWith('/');

function urlParse(v: string): GoMap {
  let u;
  try {
    u = parseURL(v);
  } catch (e) {
    // Sprig panics with this text.
    throw new Error(`unable to parse url: ${(e as Error).message}`);
  }
  const m: GoMap = Object.create(null);
  m.scheme = u.scheme;
  m.host = u.host;
  m.hostname = hostname(u.host);
  m.path = u.path;
  m.query = u.rawQuery;
  m.opaque = u.opaque;
  m.fragment = u.fragment;
  m.userinfo = userinfoString(u.user);
  return m;
}

/** Sprig's dictGetOrEmpty: a missing key is "", a non-string value is a panic. */
function field(d: GoMap, key: string): string {
  if (!Object.prototype.hasOwnProperty.call(d, key)) return '';
  const v: GoValue = d[key];
  if (v === null || v === undefined) throw new Error('runtime error: invalid memory address or nil pointer dereference');
  if (typeof v !== 'string') {
    throw new Error(`unable to parse ${key} key, must be of type string, but ${goKindName(v)} found`);
  }
  return v;
}

function urlJoin(d: GoMap): string {
  const userinfo = field(d, 'userinfo');
  let user = null;
  if (userinfo !== '') {
    const raw = `proto://${userinfo}@host`;
    try {
      user = parseURL(raw).user;
    } catch (e) {
      throw new Error(`unable to parse userinfo in dict: ${(e as Error).message}`);
    }
  }
  return formatURL({
    scheme: field(d, 'scheme'),
    host: field(d, 'host'),
    path: field(d, 'path'),
    rawQuery: field(d, 'query'),
    opaque: field(d, 'opaque'),
    fragment: field(d, 'fragment'),
    user,
  });
}

export const pathFuncs: Record<string, GoFunction> = {
  base: goFunc('base', sig('string'), basePath),
  dir: goFunc('dir', sig('string'), dirPath),
  clean: goFunc('clean', sig('string'), cleanPath),
  ext: goFunc('ext', sig('string'), extPath),
  isAbs: goFunc('isAbs', sig('string'), isAbs),
  osBase: goFunc('osBase', sig('string'), basePath),
  osClean: goFunc('osClean', sig('string'), cleanPath),
  osDir: goFunc('osDir', sig('string'), dirPath),
  osExt: goFunc('osExt', sig('string'), extPath),
  osIsAbs: goFunc('osIsAbs', sig('string'), isAbs),
  urlParse: goFunc('urlParse', sig('string'), urlParse),
  urlJoin: goFunc('urlJoin', sig('map'), urlJoin),
};
