/**
 * Where and why a JSON text is invalid, in our own words. Node's JSON.parse
 * error quotes the text around the fault (a Secret's value, often) and, since
 * Node 20, gives no position; this scanner runs only after JSON.parse failed,
 * finds the first offset that breaks RFC 8259's grammar and names what was
 * expected there, never quoting the input. It keeps its own stack, so any
 * nesting depth is fine.
 */

export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) of the first character that breaks the grammar (the text's length at an early end). */
  offset: number;
  message: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  // What each open container expects next: a value, or the `,`/closer after one.
  const stack: Array<'{' | '['> = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const fail = (message: string, at = i): JsonSyntaxError => ({ offset: at, message: at >= text.length ? `unexpected end of JSON input: ${message}` : `invalid JSON: ${message}` });
  /** Reads a string at `i` (a `"`); returns an error or undefined. */
  const string = (): JsonSyntaxError | undefined => {
    const open = i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return fail('invalid escape sequence in a string');
        i = ESCAPE.lastIndex;
        continue;
      }
      if (c < 0x20) return fail('control character in a string (escape it)');
      i++;
    }
    return { offset: open, message: 'invalid JSON: a string that is never closed' };
  };
  // A state machine, not recursion: `[[[[...` a million deep is still one loop.
  let state: 'value' | 'key' | 'after' = 'value';
  skip();
  for (;;) {
    if (state === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skip();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          state = 'after';
        } else state = c === '{' ? 'key' : 'value';
        continue;
      }
      if (c === '"') {
        const bad = string();
        if (bad) return bad;
        state = 'after';
        continue;
      }
      if (!scalar()) return fail('expected a value (an object, array, string, number, true, false or null)');
      state = 'after';
    } else if (state === 'key') {
      if (text[i] !== '"') return fail('expected a property name in double quotes');
      const bad = string();
      if (bad) return bad;
      skip();
      if (text[i] !== ':') return fail('expected ":" after the property name');
      i++;
      skip();
      state = 'value';
    } else {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
      } else if (text[i] === ',') {
        i++;
        skip();
        state = top === '{' ? 'key' : 'value';
      } else return fail(`expected "," or "${close}"`);
    }
  }
  return i < text.length ? fail('unexpected content after the JSON value') : undefined;

  /** Reads a number, true, false or null at `i`. */
  function scalar(): boolean {
    for (const re of [NUMBER, LITERAL]) {
      re.lastIndex = i;
      if (re.test(text)) {
        i = re.lastIndex;
        return true;
      }
    }
    return false;
  }
}
