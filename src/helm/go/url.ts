/**
 * The part of Go's net/url that Sprig's urlParse and urlJoin reach: Parse
 * (scheme, authority, path, query, fragment, with Go's percent-decoding and
 * error messages) and URL.String (with Go's escaping). Ported from the
 * behaviour of Go 1.19's net/url; all structural characters are ASCII, so the
 * work is on JS strings, with escaping done on UTF-8 bytes.
 */
import { goQuote } from './quote.js';
import { decodeUtf8, utf8Bytes } from './utf8.js';

const enum Mode {
  Path,
  PathSegment,
  Host,
  Zone,
  UserPassword,
  QueryComponent,
  Fragment,
}

export interface GoURL {
  scheme: string;
  opaque: string;
  user: { username: string; password?: string } | null;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

const isAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
const unhex = (c: number): number => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10);

function shouldEscape(c: number, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if ((mode === Mode.Host || mode === Mode.Zone) && "!$&'()*+,;=:[]<>\"".includes(ch) && c < 0x80) return false;
  if ('-_.~'.includes(ch) && c < 0x80) return false;
  if ('$&+,/:;=?@'.includes(ch) && c < 0x80) {
    switch (mode) {
      case Mode.Path: return c === 0x3f;
      case Mode.PathSegment: return ch === '/' || ch === ';' || ch === ',' || ch === '?';
      case Mode.UserPassword: return ch === '@' || ch === '/' || ch === '?' || ch === ':';
      case Mode.QueryComponent: return true;
      case Mode.Fragment: return false;
      default: break;
    }
  }
  if (mode === Mode.Fragment && '!()*'.includes(ch) && c < 0x80) return false;
  return true;
}

class URLError extends Error {}

function unescape(s: string, mode: Mode): string {
  const b = utf8Bytes(s);
  let n = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c === 0x25) {
      n++;
      if (i + 2 >= b.length || !isHex(b[i + 1]) || !isHex(b[i + 2])) {
        throw new URLError('invalid URL escape ' + goQuote(decodeUtf8(b.subarray(i, i + 3))));
      }
      const esc = decodeUtf8(b.subarray(i, i + 3));
      if (mode === Mode.Host && unhex(b[i + 1]) < 8 && esc !== '%25') throw new URLError('invalid URL escape ' + goQuote(esc));
      if (mode === Mode.Zone) {
        const v = (unhex(b[i + 1]) << 4) | unhex(b[i + 2]);
        if (esc !== '%25' && v !== 0x20 && shouldEscape(v, Mode.Host)) throw new URLError('invalid URL escape ' + goQuote(esc));
      }
      i += 3;
    } else {
      if ((mode === Mode.Host || mode === Mode.Zone) && c < 0x80 && c !== 0x2b && shouldEscape(c, mode)) {
        throw new URLError('invalid character ' + goQuote(String.fromCharCode(c)) + ' in host name');
      }
      i++;
    }
  }
  if (n === 0 && !(mode === Mode.QueryComponent && s.includes('+'))) return s;
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x25) {
      out.push((unhex(b[i + 1]) << 4) | unhex(b[i + 2]));
      i += 2;
    } else if (c === 0x2b && mode === Mode.QueryComponent) {
      out.push(0x20);
    } else {
      out.push(c);
    }
  }
  return decodeUtf8(Uint8Array.from(out));
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const c of utf8Bytes(s)) {
    if (c === 0x20 && mode === Mode.QueryComponent) out += '+';
    else if (shouldEscape(c, mode)) out += '%' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out;
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new URLError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new URLError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${goQuote(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return unescape(host.slice(0, zone), Mode.Host) + unescape(host.slice(zone, i), Mode.Zone) + unescape(host.slice(i), Mode.Host);
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${goQuote(colonPort)} after host`);
    }
  }
  return unescape(host, Mode.Host);
}

const validUserinfo = (s: string): boolean => /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);

function parseAuthority(authority: string): [GoURL['user'], string] {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return [null, host];
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new URLError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return [{ username: unescape(userinfo, Mode.UserPassword) }, host];
  return [
    {
      username: unescape(userinfo.slice(0, colon), Mode.UserPassword),
      password: unescape(userinfo.slice(colon + 1), Mode.UserPassword),
    },
    host,
  ];
}

function parseNoFragment(raw: string): GoURL {
  // Any ASCII control byte is refused.
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new URLError('net/url: invalid control character in URL');
  const u: GoURL = {
    scheme: '', opaque: '', user: null, host: '', path: '', rawPath: '',
    omitHost: false, forceQuery: false, rawQuery: '', fragment: '', rawFragment: '',
  };
  if (raw === '*') {
    u.path = '*';
    return u;
  }
  let rest: string;
  [u.scheme, rest] = getScheme(raw);
  u.scheme = u.scheme.toLowerCase();
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    const slash = rest.indexOf('/');
    const segment = slash < 0 ? rest : rest.slice(0, slash);
    if (segment.includes(':')) throw new URLError('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    [u.user, u.host] = parseAuthority(authority);
  } else if (u.scheme !== '' && rest.startsWith('/')) {
    u.omitHost = true;
  }
  u.path = unescape(rest, Mode.Path);
  u.rawPath = escape(u.path, Mode.Path) === rest ? '' : rest;
  return u;
}

/** url.Parse; throws Go's error text (`parse "x": reason`). */
export function parseURL(raw: string): GoURL {
  const hash = raw.indexOf('#');
  const main = hash < 0 ? raw : raw.slice(0, hash);
  const frag = hash < 0 ? '' : raw.slice(hash + 1);
  let u: GoURL;
  try {
    u = parseNoFragment(main);
  } catch (e) {
    throw new Error(`parse ${goQuote(main)}: ${(e as Error).message}`);
  }
  if (frag === '') return u;
  try {
    u.fragment = unescape(frag, Mode.Fragment);
  } catch (e) {
    throw new Error(`parse ${goQuote(raw)}: ${(e as Error).message}`);
  }
  u.rawFragment = escape(u.fragment, Mode.Fragment) === frag ? '' : frag;
  return u;
}

/** URL.Hostname(): the host without port and IPv6 brackets. */
export function hostname(host: string): string {
  let h = host;
  const colon = h.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(h.slice(colon))) h = h.slice(0, colon);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}

/** Userinfo.String(). */
export function userinfoString(user: GoURL['user']): string {
  if (!user) return '';
  let s = escape(user.username, Mode.UserPassword);
  if (user.password !== undefined) s += ':' + escape(user.password, Mode.UserPassword);
  return s;
}

/** URL.String() for a URL built from fields (no raw forms), as urlJoin does. */
export function formatURL(u: Pick<GoURL, 'scheme' | 'opaque' | 'user' | 'host' | 'path' | 'rawQuery' | 'fragment'>): string {
  let buf = '';
  if (u.scheme !== '') buf += u.scheme + ':';
  if (u.opaque !== '') {
    buf += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user) {
      if (u.host !== '' || u.path !== '' || u.user) buf += '//';
      if (u.user) buf += userinfoString(u.user) + '@';
      if (u.host !== '') buf += escape(u.host, Mode.Host);
    }
    const path = u.path === '*' ? '*' : escape(u.path, Mode.Path);
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '') {
      const slash = path.indexOf('/');
      if ((slash < 0 ? path : path.slice(0, slash)).includes(':')) buf += './';
    }
    buf += path;
  }
  if (u.rawQuery !== '') buf += '?' + u.rawQuery;
  if (u.fragment !== '') buf += '#' + escape(u.fragment, Mode.Fragment);
  return buf;
}
