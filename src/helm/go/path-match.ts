/**
 * Glob matching as Helm does it: Go's path.Match (used by .helmignore and
 * `--show-only`) and gobwas/glob with '/' as separator (used by .Files.Glob).
 * Patterns are translated to anchored regular expressions once and cached.
 */
import { BoundedCache } from './bounded-cache.js';

export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

/** Escapes one character for a `u`-mode RegExp ('-' only needs it inside a class, and may only have it there). */
function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

function escapeOutside(ch: string): string {
  return ch === '-' ? ch : escapeRe(ch);
}

/** Reads a Go character class starting after '['; returns the regex class and the index after ']'. */
function goClass(runes: string[], i: number): { re: string; next: number } {
  let negate = false;
  if (runes[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (;;) {
    if (i >= runes.length) throw new BadPatternError();
    if (runes[i] === ']' && !first) {
      i++;
      break;
    }
    first = false;
    let lo = runes[i++];
    if (lo === '\\') {
      if (i >= runes.length) throw new BadPatternError();
      lo = runes[i++];
    } else if (lo === '-' || lo === ']') {
      // Go rejects an unescaped '-' starting a range, and a class like "[]".
      throw new BadPatternError();
    }
    let hi = lo;
    if (runes[i] === '-') {
      i++;
      if (i >= runes.length) throw new BadPatternError();
      hi = runes[i++];
      if (hi === '\\') {
        if (i >= runes.length) throw new BadPatternError();
        hi = runes[i++];
      } else if (hi === ']' || hi === '-') {
        throw new BadPatternError();
      }
    }
    // A reversed range is legal in Go and matches nothing, so it adds nothing.
    if (hi.codePointAt(0)! < lo.codePointAt(0)!) continue;
    body += lo === hi ? escapeRe(lo) : `${escapeRe(lo)}-${escapeRe(hi)}`;
  }
  if (body === '') return { re: negate ? '[^]' : '[]', next: i };
  return { re: negate ? `[^${body}]` : `[${body}]`, next: i };
}

/** Compiled path.Match patterns (.helmignore lines, --show-only, .Files.Glob) by text. */
const pathMatchCache = new BoundedCache<string, RegExp>(1000);

/** Compiles a Go path.Match pattern; throws BadPatternError when Go would return ErrBadPattern. */
export function compilePathPattern(pattern: string): RegExp {
  let re = pathMatchCache.get(pattern);
  if (re) return re;
  const runes = Array.from(pattern);
  let src = '^';
  for (let i = 0; i < runes.length; ) {
    const c = runes[i];
    if (c === '*') {
      src += '[^/]*';
      i++;
    } else if (c === '?') {
      src += '[^/]';
      i++;
    } else if (c === '[') {
      const { re: cls, next } = goClass(runes, i + 1);
      src += cls;
      i = next;
    } else if (c === '\\') {
      if (i + 1 >= runes.length) throw new BadPatternError();
      src += escapeOutside(runes[i + 1]);
      i += 2;
    } else {
      src += escapeOutside(c);
      i++;
    }
  }
  re = new RegExp(src + '$', 'su');
  pathMatchCache.set(pattern, re);
  return re;
}

/** Go's path.Match: does the whole name match the pattern? */
export function goPathMatch(pattern: string, name: string): boolean {
  return compilePathPattern(pattern).test(name);
}

/** Compiled .Files.Glob patterns by text. */
const globCache = new BoundedCache<string, RegExp>(1000);

/**
 * gobwas/glob with separator '/': `*` (no '/'), `**` (anything), `?`, `[a-z]`,
 * `[!a-z]`, `{a,b}` alternatives, `\` escapes. Returns undefined when the
 * pattern does not compile (Helm then falls back to `**`).
 */
export function compileFilesGlob(pattern: string): RegExp | undefined {
  const cached = globCache.get(pattern);
  if (cached) return cached;
  const runes = Array.from(pattern);
  let i = 0;
  let depth = 0;
  const parse = (): string => {
    let out = '';
    while (i < runes.length) {
      const c = runes[i];
      if (c === '*') {
        if (runes[i + 1] === '*') {
          out += '.*';
          i += 2;
        } else {
          out += '[^/]*';
          i++;
        }
      } else if (c === '?') {
        out += '[^/]';
        i++;
      } else if (c === '[') {
        i++;
        let negate = false;
        if (runes[i] === '!') {
          negate = true;
          i++;
        }
        let body = '';
        let closed = false;
        while (i < runes.length) {
          if (runes[i] === ']') {
            closed = true;
            i++;
            break;
          }
          const lo = runes[i++];
          if (runes[i] === '-' && i + 1 < runes.length && runes[i + 1] !== ']') {
            const hi = runes[i + 1];
            i += 2;
            body += `${escapeRe(lo)}-${escapeRe(hi)}`;
          } else {
            body += escapeRe(lo);
          }
        }
        if (!closed || body === '') throw new BadPatternError();
        out += negate ? `[^${body}]` : `[${body}]`;
      } else if (c === '{') {
        i++;
        depth++;
        const alts: string[] = [parse()];
        while (runes[i] === ',') {
          i++;
          alts.push(parse());
        }
        if (runes[i] !== '}') throw new BadPatternError();
        i++;
        depth--;
        out += `(?:${alts.join('|')})`;
      } else if ((c === ',' || c === '}') && depth > 0) {
        return out;
      } else if (c === '\\') {
        if (i + 1 >= runes.length) throw new BadPatternError();
        out += escapeOutside(runes[i + 1]);
        i += 2;
      } else {
        out += escapeOutside(c);
        i++;
      }
    }
    return out;
  };
  try {
    const re = new RegExp(`^${parse()}$`, 'su');
    globCache.set(pattern, re);
    return re;
  } catch {
    return undefined;
  }
}
