/**
 * fromToml's error texts, as Helm 3.21 prints them: BurntSushi/toml v1.6
 * wording, line and "last key". Each expectation is what toml v1.6.0's
 * Unmarshal returned for the document (checked with a scratch Go program
 * against that release); the reference renderer links toml v1.2.0, whose
 * texts differ (it says "line 0" at end of input), so the differential script
 * lists fromToml errors as a known version difference.
 */
import { describe, expect, it } from 'vitest';
import { decodeToml } from '../../src/helm/yaml/go-toml.js';

const CASES: [string, string][] = [
  ['a = ', 'toml: line 1 (last key "a"): unexpected EOF; expected value'],
  ['a = 1\nb = ', 'toml: line 2 (last key "b"): unexpected EOF; expected value'],
  ['[t]\nx = ', 'toml: line 2 (last key "t.x"): unexpected EOF; expected value'],
  ['[t]\nx.y = ', 'toml: line 2 (last key "t.x.y"): unexpected EOF; expected value'],
  ['[[arr]]\nx = ', 'toml: line 2 (last key "arr.x"): unexpected EOF; expected value'],
  ['[a."b c"]\nx = ', 'toml: line 2 (last key "a.\\"b c\\".x"): unexpected EOF; expected value'],
  ['"q k" = ', 'toml: line 1 (last key "q k"): unexpected EOF; expected value'],
  ['b = 2\na = [\n  1,\n', 'toml: line 3 (last key "a"): unexpected EOF; expected value'],
  ['a = \n', 'toml: line 1 (last key "a"): expected value but found \'\\n\' instead'],
  ['a = # c', 'toml: line 1 (last key "a"): expected value but found \'#\' instead'],
  ['a = ]', 'toml: line 1 (last key "a"): expected value but found \']\' instead'],
  ['a = b', 'toml: line 1 (last key "a"): expected value but found "b" instead'],
  ['a=bad value', 'toml: line 1 (last key "a"): expected value but found "bad" instead'],
  ['a = trueish', 'toml: line 1 (last key "a"): expected value but found "trueish" instead'],
  ['a = 1 # ok\nb = c', 'toml: line 2 (last key "b"): expected value but found "c" instead'],
  ['a = 1\n[b]\nc = [1,,2]', 'toml: line 3 (last key "b.c"): unexpected comma'],
  ['a = 1\na = 2', 'toml: line 2 (last key "a"): Key \'a\' has already been defined.'],
  ['[t]\na.b = 1\na.b = 2', 'toml: line 3 (last key "t.a.b"): Key \'t.a.b\' has already been defined.'],
  ['a = {x = 1, x = 2}', 'toml: line 1 (last key "a.x"): Key \'a.x\' has already been defined.'],
  ['[t]\na = 1\n[t]', 'toml: line 3: Key \'t\' has already been defined.'],
  ['a = 1\n[a]', 'toml: line 2: Key \'a\' has already been defined.'],
  ['a = "unterminated', 'toml: line 1 (last key "a"): unexpected EOF; expected \'"\''],
  ["a = 'unterminated", 'toml: line 1 (last key "a"): unexpected EOF; expected "\'"'],
  ['a = """\nline', 'toml: line 2 (last key "a"): unexpected EOF; expected \'"""\''],
  ["a = '''x", 'toml: line 1 (last key "a"): unexpected EOF; expected "\'\'\'"'],
  ['[t]\nb.c = "x', 'toml: line 2 (last key "t.b.c"): unexpected EOF; expected \'"\''],
  ['"a = 1', 'toml: line 1: unexpected EOF; expected \'"\''],
  ['a = "x\nb = 1', 'toml: line 1 (last key "a"): strings cannot contain newlines'],
  ['x', "toml: line 1: unexpected EOF; expected key separator '='"],
  ['x = 1\ny', "toml: line 2: unexpected EOF; expected key separator '='"],
  ['x\n', "toml: line 1: expected '.' or '=', but got '\\n' instead"],
  ['key with space = 1', "toml: line 1: expected '.' or '=', but got 'w' instead"],
  ['= 1', "toml: line 1: unexpected '=': key name appears blank"],
  ['[a', "toml: line 1: expected '.' or ']' to end table name, but got '\\x00' instead"],
  ['[]', 'toml: line 1: unexpected end of table name (table names cannot be empty)'],
  ['a = 1 2', "toml: line 1: expected a top-level item to end with a newline, comment, or EOF, but got '2' instead"],
  ['[t]\na = 1 2', 'toml: line 2 (last key "t"): expected a top-level item to end with a newline, comment, or EOF, but got \'2\' instead'],
  ['[a]b', 'toml: line 1 (last key "a"): expected a top-level item to end with a newline, comment, or EOF, but got \'b\' instead'],
  ['a = 12x', "toml: line 1: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead"],
  ['a = [1, 2', "toml: line 1 (last key \"a\"): expected a comma (',') or array terminator (']'), but got end of file"],
  ['a = [\n  1\n  2\n]', "toml: line 3 (last key \"a\"): expected a comma (',') or array terminator (']'), but got '2'"],
  ['a = [1, [2, 3]', "toml: line 1 (last key \"a\"): expected a comma (',') or array terminator (']'), but got end of file"],
  ['a = {b = 1', "toml: line 1 (last key \"a.b\"): expected a comma or an inline table terminator '}', but got end of file instead"],
  ['a = {b = {c = 1 d = 2}}', "toml: line 1 (last key \"a.b.c\"): expected a comma or an inline table terminator '}', but got 'd' instead"],
  ['[t]\nb = 007', 'toml: line 2 (last key "t.b"): Invalid integer "007": cannot have leading zeroes'],
  ['a = 1.', 'toml: line 1 (last key "a"): Invalid float "1.": \'.\' must be followed by one or more digits'],
  ['a = "ab\\qc"', "toml: line 1 (last key \"a\"): invalid escape in string '\\q'"],
];

describe('fromToml errors in BurntSushi/toml v1.6 wording', () => {
  it.each(CASES)('%j', (doc, expected) => {
    let message: string | undefined;
    try {
      decodeToml(doc);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(expected);
  });
});
