/**
 * camelcase / snakecase / kebabcase as huandu/xstrings v1.5 does them (the
 * version Sprig 3.3.0 and so Helm 3.21 use). camelcase is xstrings'
 * ToPascalCase; snakecase and kebabcase split the text into words (runs of
 * upper case, letters, digits, punctuation, connectors) and join them with
 * the connector. Works on code points; U+FFFD stands for Go's RuneError.
 */
import { fromCodePoints, isLetter, isNumber, isPunct, isSpace, isUpper, toLower, toUpper } from '../go/unicode.js';

const RUNE_ERROR = 0xfffd;

function isConnector(r: number): boolean {
  return r === 0x2d || r === 0x5f || isSpace(r);
}

/** A letter that is not a CJK ideograph. */
function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

/** xstrings.ToPascalCase. */
export function toPascalCase(s: string): string {
  if (s === '') return '';
  const rs = [...s].map((c) => c.codePointAt(0) as number);
  const out: number[] = [];
  let i = 0;
  let r0 = 0;
  let firstUpper = false;
  // Leading connectors are kept.
  while (i < rs.length) {
    r0 = rs[i++];
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
      r0 = toUpper(r0);
      break;
    }
    out.push(r0);
  }
  if (i >= rs.length) {
    // Go writes the last rune again here, even when it was a connector ("_" gives "__").
    out.push(r0);
    return fromCodePoints(out);
  }
  while (i < rs.length) {
    const r1 = r0;
    r0 = rs[i++];
    if (isConnector(r0) && isConnector(r1)) {
      out.push(r1);
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = toUpper(r0);
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = toLower(r0);
        else firstUpper = false;
      }
      out.push(r1);
    }
  }
  out.push(r0);
  return fromCodePoints(out);
}

const enum Word {
  Invalid,
  Number,
  Upper,
  Alphabet,
  Connector,
  Punct,
  Other,
}

interface NextWord {
  wt: Word;
  word: number[];
  rest: number;
}

/** The next valid rune at i and how many runes it took (skipping RuneErrors). */
function nextValidRune(rs: number[], i: number, prev: number): [number, number] {
  let size = 0;
  while (i < rs.length) {
    const r = rs[i++];
    size++;
    if (r !== RUNE_ERROR) return [r, size];
  }
  return [prev, size];
}

function nextWord(rs: number[], start: number): NextWord {
  if (start >= rs.length) return { wt: Word.Invalid, word: [], rest: start };
  let offset = 0;
  let rem = start;
  let [r, size] = nextValidRune(rs, rem, RUNE_ERROR);
  offset += size;
  if (r === RUNE_ERROR) return { wt: Word.Invalid, word: rs.slice(start, start + offset), rest: start + offset };
  let wt: Word;
  const scan = (stop: (x: number) => boolean): void => {
    while (rem < rs.length) {
      [r, size] = nextValidRune(rs, rem, r);
      if (stop(r)) break;
      offset += size;
      rem += size;
    }
  };
  if (isConnector(r)) {
    wt = Word.Connector;
    rem += size;
    scan((x) => !isConnector(x));
  } else if (isPunct(r)) {
    wt = Word.Punct;
    rem += size;
    scan((x) => !isPunct(x));
  } else if (isUpper(r)) {
    wt = Word.Upper;
    rem += size;
    if (rem < rs.length) {
      [r, size] = nextValidRune(rs, rem, r);
      if (isUpper(r)) {
        let prevSize = size;
        offset += size;
        rem += size;
        while (rem < rs.length) {
          [r, size] = nextValidRune(rs, rem, r);
          if (!isUpper(r)) break;
          prevSize = size;
          offset += size;
          rem += size;
        }
        // "HTTPStatus" splits into "HTTP" and "Status": the S stays for the next word.
        if (rem < rs.length && isAlphabet(r)) {
          offset -= prevSize;
          rem = start + offset;
        }
      } else if (isAlphabet(r)) {
        offset += size;
        rem += size;
        scan((x) => !isAlphabet(x) || isUpper(x));
      }
    }
  } else if (isAlphabet(r)) {
    wt = Word.Alphabet;
    rem += size;
    scan((x) => !isAlphabet(x) || isUpper(x));
  } else if (isNumber(r)) {
    wt = Word.Number;
    rem += size;
    scan((x) => !isNumber(x));
  } else {
    wt = Word.Other;
    rem += size;
    scan((x) => isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x));
  }
  return { wt, word: rs.slice(start, start + offset), rest: rem };
}

function writeLower(out: number[], wt: Word, word: number[], connector: number): void {
  if (wt !== Word.Upper && wt !== Word.Connector) {
    for (const r of word) out.push(r);
    return;
  }
  for (const r of word) {
    if (isConnector(r)) out.push(connector);
    else if (isUpper(r)) out.push(toLower(r));
    else out.push(r);
  }
}

/** xstrings' camelCaseToLowerCase, behind ToSnakeCase ('_') and ToKebabCase ('-'). */
export function camelCaseToLowerCase(s: string, connectorChar: string): string {
  if (s === '') return '';
  const connector = connectorChar.codePointAt(0) as number;
  const rs = [...s].map((c) => c.codePointAt(0) as number);
  const out: number[] = [];
  let { wt, word, rest } = nextWord(rs, 0);
  while (rest < rs.length) {
    if (wt !== Word.Connector) writeLower(out, wt, word, connector);
    const prev = wt;
    const last = word;
    ({ wt, word, rest } = nextWord(rs, rest));
    switch (prev) {
      case Word.Number:
        while (wt === Word.Alphabet || wt === Word.Number) {
          writeLower(out, wt, word, connector);
          ({ wt, word, rest } = nextWord(rs, rest));
        }
        if (wt !== Word.Invalid && wt !== Word.Punct && wt !== Word.Connector) out.push(connector);
        break;
      case Word.Connector:
        writeLower(out, prev, last, connector);
        break;
      case Word.Punct:
        break;
      default: {
        if (wt !== Word.Number) {
          if (wt !== Word.Connector && wt !== Word.Punct) out.push(connector);
          break;
        }
        if (rest >= rs.length) break;
        const num = word;
        ({ wt, word, rest } = nextWord(rs, rest));
        // A number followed by a non-letter belongs to the previous word: "Bld4Floor" => "bld4_floor".
        if (wt !== Word.Alphabet) {
          writeLower(out, Word.Number, num, connector);
          if (wt !== Word.Connector && wt !== Word.Punct) out.push(connector);
          break;
        }
        // Letters after the number start a new word at the number: "HTTP2xx" => "http_2xx".
        out.push(connector);
        writeLower(out, Word.Number, num, connector);
        while (wt === Word.Alphabet || wt === Word.Number) {
          writeLower(out, wt, word, connector);
          ({ wt, word, rest } = nextWord(rs, rest));
        }
        if (wt !== Word.Invalid && wt !== Word.Connector && wt !== Word.Punct) out.push(connector);
      }
    }
  }
  writeLower(out, wt, word, connector);
  return fromCodePoints(out);
}
