/**
 * The Go runtime's one copy of float formatting, quoting, type names and
 * `%v`, which several parts of the engine used to carry copies of. Expected
 * texts are what Go 1.25 prints (strconv.FormatFloat, strconv.Quote,
 * encoding/json, fmt).
 */
import { describe, expect, it } from 'vitest';
import { formatFloat, formatFloatE, formatFloatG, formatJsonFloat } from '../../src/helm/go/float-format.js';
import { goQuote } from '../../src/helm/go/quote.js';
import { goInterfaceTypeName, goTypeName } from '../../src/helm/go/reflect.js';
import { formatV } from '../../src/helm/go/fmt.js';
import { compareGoStrings, decodeUtf8, decodeUtf8AsText, byteLength } from '../../src/helm/go/utf8.js';
import { goTrimSpace, isSpace } from '../../src/helm/go/unicode.js';
import { tagGoType } from '../../src/helm/go/value.js';

describe('float formatting', () => {
  it.each([
    [0, '0'], [-0, '-0'], [1, '1'], [123456, '123456'], [1234567, '1.234567e+06'], [1e6, '1e+06'],
    [0.0001, '0.0001'], [0.00001, '1e-05'], [1 / 3, '0.3333333333333333'], [NaN, 'NaN'], [Infinity, '+Inf'], [-Infinity, '-Inf'],
  ])("FormatFloat(%s, 'g', -1, 64) = %s", (f, want) => {
    expect(formatFloatG(f)).toBe(want);
    expect(formatFloat(f, 'g', -1)).toBe(want);
  });

  it('formats float32 with the shortest float32 digits, and out-of-range values as Go does', () => {
    expect(formatFloatG(0.1, 32)).toBe('0.1');
    expect(formatFloatG(Math.fround(0.1), 32)).toBe('0.1');
    expect(formatFloatG(16777217, 32)).toBe('1.6777216e+07');
    expect(formatFloatG(1e39, 32)).toBe('+Inf');
    expect(formatFloatG(-1e39, 32)).toBe('-Inf');
  });

  it("gives strconv's 'e' and fixed precisions", () => {
    expect(formatFloatE(1e6)).toBe('1e+06');
    expect(formatFloatE(0)).toBe('0e+00');
    expect(formatFloat(2.5, 'f', 0)).toBe('2');
    expect(formatFloat(3.5, 'f', 0)).toBe('4');
    expect(formatFloat(1.005, 'f', 2)).toBe('1.00');
    expect(formatFloat(1, 'x', -1)).toBe('0x1p+00');
  });

  it("writes encoding/json's float text", () => {
    expect(formatJsonFloat(1e21)).toBe('1e+21');
    expect(formatJsonFloat(1e20)).toBe('100000000000000000000');
    expect(formatJsonFloat(1e-7)).toBe('1e-7');
    expect(formatJsonFloat(0.000001)).toBe('0.000001');
    expect(formatJsonFloat(-0)).toBe('-0');
  });
});

describe('quoting, type names and %v', () => {
  it('quotes with strconv.Quote, escaping what is not printable', () => {
    expect(goQuote('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(goQuote('\u00a0\u2028é😀')).toBe('"\\u00a0\\u2028é😀"');
    expect(goQuote('\x7f\x01')).toBe('"\\x7f\\x01"');
  });

  it('names types as %T does, and a nil interface as runtime panics do', () => {
    expect(goTypeName(null)).toBe('<nil>');
    expect(goInterfaceTypeName(null)).toBe('nil');
    expect(goInterfaceTypeName(undefined)).toBe('nil');
    expect(goTypeName(1.5)).toBe('float64');
    expect(goTypeName(1n)).toBe('int');
    expect(goTypeName([])).toBe('[]interface {}');
    expect(goTypeName(tagGoType(['a'], '[]string'))).toBe('[]string');
    expect(goTypeName({})).toBe('map[string]interface {}');
    expect(goTypeName(() => null)).toBe('func(...interface {}) interface {}');
  });

  it("prints %v as fmt does, floats included (Helm's coalescing warnings print it)", () => {
    expect(formatV(undefined)).toBe('<nil>');
    expect(formatV(1234567)).toBe('1.234567e+06');
    expect(formatV(100)).toBe('100');
    expect(formatV({ b: [1, 'x'], a: true })).toBe('map[a:true b:[1 x]]');
  });
});

describe('UTF-8 and white space', () => {
  it('orders strings by UTF-8 bytes', () => {
    const words = ['b', '😀', '\uffff', 'a', 'é'];
    expect([...words].sort(compareGoStrings)).toEqual(['a', 'b', 'é', '\uffff', '😀']);
  });

  it('decodes invalid UTF-8 per byte (Go) or per maximal subpart (text readers)', () => {
    const truncated = new Uint8Array([0x61, 0xe2, 0x82, 0x62]);
    expect(decodeUtf8(truncated)).toBe('a\ufffd\ufffdb');
    expect(decodeUtf8AsText(truncated)).toBe('a\ufffdb');
    expect(byteLength('aé😀')).toBe(7);
  });

  it('knows unicode.IsSpace and trims with it', () => {
    expect([0x20, 0x09, 0x85, 0xa0, 0x1680, 0x2000, 0x3000].every(isSpace)).toBe(true);
    expect([0x41, 0x200b, 0xfeff, 0xd800].some(isSpace)).toBe(false);
    expect(goTrimSpace('\u3000 x \u00a0')).toBe('x');
  });
});
