/**
 * Terminal control characters made visible. Resource names, file names and
 * messages come from the input; an ESC starts an escape sequence (colours,
 * cursor moves, clearing the screen, a terminal title), a CR returns to the
 * line start and overwrites it, a newline forges a line of its own, and
 * Unicode bidirectional controls reorder what is shown. In the human formats
 * (stylish, the capacity report, the one-line errors) each is printed as an
 * escape instead: `\n`, `\r`, `\t`, `\e` for ESC, else `\xHH` (C0, DEL, C1)
 * or `\u{HHHH}` (bidi controls, line and paragraph separators). A backslash
 * is left as it is: the form is for reading, the JSON formats keep the exact
 * text.
 */

// C0 controls, DEL, C1 controls, LINE/PARAGRAPH SEPARATOR, bidi embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escape(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** `s` with every terminal control character shown as an escape (see the module comment). */
export function escapeControlChars(s: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(s) ? s.replace(CONTROL, escape) : s;
}

/** What JSON.stringify leaves raw among those: DEL, C1, the separators and the bidi controls. */
const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Serialized JSON with the control characters JSON.stringify leaves raw written as `\uXXXX`
 * (they can only be inside strings, so the JSON means the same): a report printed to a
 * terminal cannot carry a C1 CSI or reorder its lines.
 */
export function escapeJsonControlChars(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
