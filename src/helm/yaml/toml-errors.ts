/**
 * fromToml's error text as Helm 3.21 prints it. Helm decodes with
 * BurntSushi/toml v1.6, whose errors read "toml: line N (last key "k"):
 * message"; we parse with smol-toml, which words and places errors its own
 * way. For the mistakes people make in templates (a missing or misspelled
 * value, a duplicate key, an unterminated string, an unclosed array or inline
 * table, a bare word with no "=", text after a value) this turns smol-toml's
 * error into BurntSushi's: its message, its line (an error at end of input is
 * on the line of the last character), and its "last key" (the enclosing
 * [table], plus the key being assigned while its value is read).
 * Other errors keep smol-toml's message.
 */
import { goQuote, goQuoteRune } from '../go/quote.js';

/** What we need from smol-toml's TomlError. */
export interface TomlSyntaxError {
  message: string;
  line: number;
  column: number;
}

const BARE = /^[A-Za-z0-9_-]+$/;

/** Key.String() of BurntSushi: parts joined with ".", a part quoted unless bare. */
function keyString(parts: string[]): string {
  return parts
    .map((p) => (p === '' ? '""' : BARE.test(p) ? p : '"' + p.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"'))
    .join('.');
}

/** Go's %q of one rune (strconv.QuoteRune). */
function quoteRune(c: string): string {
  return goQuoteRune(c.codePointAt(0)!);
}

/** Splits a TOML key ("a.'b c'.d") into its parts, without quotes; undefined when it is not a key. */
function keyParts(src: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  const skip = () => {
    while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
  };
  skip();
  for (;;) {
    let part: string;
    if (src[i] === '"' || src[i] === "'") {
      const q = src[i];
      const end = src.indexOf(q, i + 1);
      if (end < 0) return undefined;
      part = src.slice(i + 1, end);
      i = end + 1;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(src.slice(i));
      if (!m) return undefined;
      part = m[0];
      i += part.length;
    }
    parts.push(part);
    skip();
    if (i >= src.length) return parts;
    if (src[i] !== '.') return undefined;
    i++;
    skip();
  }
}

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const t of text.split('\n')) {
    out.push({ start, text: t });
    start += t.length + 1;
  }
  return out;
}

/** A key = value line: its key parts and where its "=" is (absolute offset). */
interface Assignment {
  parts: string[];
  eq: number;
}

function assignmentOf(line: Line): Assignment | undefined {
  const m = /^(\s*)((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=/.exec(line.text);
  if (!m || /^\s*\[/.test(line.text)) return undefined;
  const parts = keyParts(m[2]);
  return parts ? { parts, eq: line.start + m[0].length - 1 } : undefined;
}

function headerOf(line: Line): string[] | undefined {
  const m = /^\s*\[\[?([^\]]*)\]/.exec(line.text);
  return m ? keyParts(m[1]) : undefined;
}

/** Skips a string starting at i (a quote); returns the index after it, or text.length. */
function skipString(text: string, i: number): number {
  const q = text[i];
  const triple = text.startsWith(q.repeat(3), i);
  const close = triple ? q.repeat(3) : q;
  let j = i + close.length;
  while (j < text.length) {
    if (q === '"' && text[j] === '\\') {
      j += 2;
      continue;
    }
    if (text.startsWith(close, j)) return j + close.length;
    if (!triple && text[j] === '\n') return j;
    j++;
  }
  return text.length;
}

interface Nesting {
  /** Innermost open bracket at the error: '[' (array), '{' (inline table) or undefined. */
  open?: '[' | '{';
  /** Keys of the inline tables around the error, and the key last assigned in the innermost one. */
  inner: string[][];
}

/** Brackets and inline-table keys between a value's "=" and the error offset. */
function nestingAt(text: string, from: number, to: number): Nesting {
  const stack: { open: '[' | '{'; key?: string[] }[] = [];
  for (let i = from; i < to && i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i) - 1;
    } else if (c === '#') {
      while (i < to && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      stack.push({ open: c });
    } else if (c === ']' || c === '}') {
      stack.pop();
    } else if (c === '=' && stack.length > 0 && stack[stack.length - 1].open === '{') {
      // The key before this "=" inside the inline table.
      let k = i - 1;
      while (k > from && !'{,'.includes(text[k])) k--;
      const parts = keyParts(text.slice(k + 1, i).trim());
      if (parts) stack[stack.length - 1].key = parts;
    }
  }
  const inner: string[][] = [];
  for (const s of stack) if (s.open === '{' && s.key) inner.push(s.key);
  return { open: stack.length > 0 ? stack[stack.length - 1].open : undefined, inner };
}

/**
 * BurntSushi's message for a document smol-toml rejected with `err`, or
 * undefined for kinds of error not translated here.
 */
export function burntSushiError(text: string, err: TomlSyntaxError): string | undefined {
  const kind = err.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
  const lines = splitLines(text);
  const errLine = Math.min(Math.max(err.line, 1), lines.length) - 1;
  const at = Math.min(lines[errLine].start + err.column - 1, text.length);

  // The [table] in force and the assignment the error is in (if it is after its "=").
  let table: string[] = [];
  let assign: Assignment | undefined;
  for (let i = 0; i <= errLine; i++) {
    const h = headerOf(lines[i]);
    if (h) {
      table = h;
      assign = undefined;
      continue;
    }
    const a = assignmentOf(lines[i]);
    if (a) assign = a;
  }
  const inValue = assign !== undefined && assign.eq < at;

  const lineOf = (offset: number): number => {
    let n = 1;
    for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  };
  // An error at the end of input is on the line of the last character.
  const eofLine = (): number => lineOf(text.endsWith('\n') ? text.length - 1 : text.length);
  // Only blanks up to the end of input (a newline is a character BurntSushi reports).
  const atEof = /^[ \t]*$/.test(text.slice(at));

  /** BurntSushi's p.current(): context (table + parent key parts) then the key being assigned. */
  const lastKey = (extra: string[][] = []): string => {
    if (!inValue) return keyString(table);
    const all = [...assign!.parts, ...extra.flat()];
    const context = [...table, ...all.slice(0, -1)];
    const current = all[all.length - 1];
    return context.length === 0 ? current : `${keyString(context)}.${current}`;
  };
  const fmt = (line: number, key: string, message: string): string =>
    key === '' ? `toml: line ${line}: ${message}` : `toml: line ${line} (last key ${goQuote(key)}): ${message}`;

  switch (kind) {
    case 'invalid value': {
      if (!inValue) return undefined;
      if (atEof) return fmt(eofLine(), lastKey(), 'unexpected EOF; expected value');
      const c = text[at];
      if (c === ',') return fmt(lineOf(at), lastKey(), 'unexpected comma');
      const word = /^\p{L}+/u.exec(text.slice(at));
      if (word) return fmt(lineOf(at), lastKey(), `expected value but found ${goQuote(word[0])} instead`);
      if (c === '-' || c === '+' || /[0-9]/.test(c)) return undefined;
      return fmt(lineOf(at), lastKey(), `expected value but found ${quoteRune(c)} instead`);
    }
    case 'each key-value declaration must be followed by an end-of-line': {
      if (inValue) {
        // A word that is not true/false/inf/nan is read whole as a bad boolean.
        const start = assign!.eq + 1 + /^\s*/.exec(text.slice(assign!.eq + 1))![0].length;
        const word = /^\p{L}+/u.exec(text.slice(start));
        if (word && !['true', 'false', 'inf', 'nan'].includes(word[0])) {
          return fmt(lineOf(start), lastKey(), `expected value but found ${goQuote(word[0])} instead`);
        }
      }
      if (atEof) return undefined;
      return fmt(lineOf(at), keyString(table), `expected a top-level item to end with a newline, comment, or EOF, but got ${quoteRune(text[at])} instead`);
    }
    case 'trying to redefine an already defined table or value':
    case 'trying to redefine an already defined value': {
      const h = headerOf(lines[errLine]);
      if (h) return fmt(err.line, '', `Key '${keyString(h)}' has already been defined.`);
      const a = assignmentOf(lines[errLine]);
      if (!a) return undefined;
      assign = a;
      const nest = at > a.eq ? nestingAt(text, a.eq + 1, at + 1) : { inner: [] };
      const key = (() => {
        const all = [...a.parts, ...nest.inner.flat()];
        const context = [...table, ...all.slice(0, -1)];
        const current = all[all.length - 1];
        return context.length === 0 ? current : `${keyString(context)}.${current}`;
      })();
      return fmt(err.line, key, `Key '${key}' has already been defined.`);
    }
    case 'unfinished string': {
      const q = text.startsWith('"""', at) ? '"""' : text.startsWith("'''", at) ? "'''" : text[at];
      const expected = q.includes('"') ? `'${q}'` : `"${q}"`;
      if (q !== '"' && q !== "'" && q !== '"""' && q !== "'''") return undefined;
      return fmt(eofLine(), inValue ? lastKey() : keyString(table), `unexpected EOF; expected ${expected}`);
    }
    case 'control characters are not allowed in strings':
      if (text[at] !== '\n' || !inValue) return undefined;
      return fmt(lineOf(at), lastKey(), 'strings cannot contain newlines');
    case 'incomplete key-value: cannot find end of key': {
      // A key (or table name) that runs to the end of input.
      if (!/^[^\n=]*$/.test(text.slice(at))) return undefined;
      if (/^\s*\[\[?\s*$/.test(lines[errLine].text)) return fmt(err.line, '', 'unexpected end of table name (table names cannot be empty)');
      if (/^\s*\[/.test(lines[errLine].text)) {
        return fmt(eofLine(), '', "expected '.' or ']' to end table name, but got '\\x00' instead");
      }
      return fmt(eofLine(), keyString(table), "unexpected EOF; expected key separator '='");
    }
    case 'unexpected end of key':
      if (/^\s*\[\[?\s*\]/.test(lines[errLine].text)) return fmt(err.line, '', 'unexpected end of table name (table names cannot be empty)');
      if (/^\s*=/.test(lines[errLine].text)) return fmt(err.line, keyString(table), "unexpected '=': key name appears blank");
      return undefined;
    case 'illegal character in numeric literal':
      // BurntSushi ends the number there and then finds text after a value.
      if (atEof) return undefined;
      return fmt(lineOf(at), keyString(table), `expected a top-level item to end with a newline, comment, or EOF, but got ${quoteRune(text[at])} instead`);
    case 'illegal leading zero': {
      const num = /^[+-]?[0-9_]+/.exec(text.slice(at));
      if (!num || !inValue) return undefined;
      return fmt(lineOf(at), lastKey(), `Invalid integer ${goQuote(num[0])}: cannot have leading zeroes`);
    }
    case 'unrecognised escape sequence':
      if (!inValue || text[at - 1] !== '\\' || at >= text.length) return undefined;
      return fmt(lineOf(at), lastKey(), `invalid escape in string '\\${text[at]}'`);
    case 'unfinished numeric value': {
      const num = /^[+-]?[0-9_]+\.(?![0-9])/.exec(text.slice(at));
      if (!num || !inValue) return undefined;
      return fmt(lineOf(at), lastKey(), `Invalid float ${goQuote(num[0])}: '.' must be followed by one or more digits`);
    }
    case 'illegal character in key': {
      let q = at;
      while (q < text.length && (text[q] === ' ' || text[q] === '\t')) q++;
      if (q >= text.length) return undefined;
      return fmt(lineOf(q), keyString(table), `expected '.' or '=', but got ${quoteRune(text[q])} instead`);
    }
    case 'expected comma or end of structure': {
      if (!inValue) return undefined;
      const nest = nestingAt(text, assign!.eq + 1, at);
      const got = atEof ? 'end of file' : quoteRune(text[at]);
      const line = atEof ? eofLine() : lineOf(at);
      if (nest.open === '[') return fmt(line, lastKey(nest.inner), `expected a comma (',') or array terminator (']'), but got ${got}`);
      if (nest.open === '{') return fmt(line, lastKey(nest.inner), `expected a comma or an inline table terminator '}', but got ${got} instead`);
      return undefined;
    }
  }
  return undefined;
}
