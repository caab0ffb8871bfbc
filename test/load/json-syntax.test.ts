/** JSON syntax errors: our own position and words, never Node's snippet of the text. */
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/load/json-syntax.js';

describe('jsonSyntaxError', () => {
  it.each([
    ['{"a": pw-X}', 6, 'invalid JSON: expected a value (an object, array, string, number, true, false or null)'],
    ['{"a":1,}', 7, 'invalid JSON: expected a property name in double quotes'],
    ['[1,2', 4, 'unexpected end of JSON input: expected "," or "]"'],
    ['{"a" 1}', 5, 'invalid JSON: expected ":" after the property name'],
    ['"abc', 0, 'invalid JSON: a string that is never closed'],
    ['{"a":"\\x"}', 6, 'invalid JSON: invalid escape sequence in a string'],
    ['{} x', 3, 'invalid JSON: unexpected content after the JSON value'],
    ['{"a":[1,2}', 9, 'invalid JSON: expected "," or "]"'],
    ['{"a":"b\nc"}', 7, 'invalid JSON: control character in a string (escape it)'],
    ['', 0, 'unexpected end of JSON input: expected a value (an object, array, string, number, true, false or null)'],
  ])('%j fails at %i', (text, offset, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonSyntaxError(text)).toEqual({ offset, message });
  });

  it('accepts what JSON.parse accepts, at any depth', () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"],"b":{}}', ' [] ', `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
      expect(jsonSyntaxError(text)).toBeUndefined();
    }
  });
});
