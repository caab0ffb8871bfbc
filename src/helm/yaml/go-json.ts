/**
 * Go's encoding/json for template values: Marshal/MarshalIndent (what toJson,
 * toPrettyJson and toRawJson print) and Unmarshal into interface{} (fromJson),
 * with Go's error messages, since templates print them.
 */
import { GoObject, isGoMap, isGoNil, type GoMap, type GoValue } from '../go/value.js';
import { formatJsonFloat } from '../go/float-format.js';
import { goTypeName } from '../go/reflect.js';
import { sortedKeys } from '../go/fmt.js';

export interface JsonEncodeOptions {
  /** Escape <, > and & as \u003c, \u003e, \u0026 (json.Marshal does; toRawJson does not). */
  escapeHTML: boolean;
  /** MarshalIndent's indent string; undefined for compact output. */
  indent?: string;
}

const HEX = '0123456789abcdef';

/** A Go string literal in JSON form, as encodeState.string writes it. */
export function quoteJsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is not valid UTF-8; Go writes the replacement character.
      out += '\\ufffd';
      continue;
    }
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x20) {
      if (c === 0x0a) out += '\\n';
      else if (c === 0x0d) out += '\\r';
      else if (c === 0x09) out += '\\t';
      // Go 1.22+ (Helm v3.21's toolchain) writes \b and \f short escapes.
      else if (c === 0x08) out += '\\b';
      else if (c === 0x0c) out += '\\f';
      else out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    } else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) {
      out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    } else if (c === 0x2028 || c === 0x2029) {
      out += c === 0x2028 ? '\\u2028' : '\\u2029';
    } else out += s[i];
  }
  return out + '"';
}

export function base64Std(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * A map or slice that contains itself: encoding/json reports the cycle
 * (after 1000 levels, with the same message) instead of recursing forever.
 */
export function enterContainer(x: object, onPath: Set<object>): void {
  if (onPath.has(x)) {
    throw new Error(`json: unsupported value: encountered a cycle via ${Array.isArray(x) ? '[]interface {}' : 'map[string]interface {}'}`);
  }
  onPath.add(x);
}

/** json.Marshal / json.MarshalIndent(v, "", indent). Throws Error("json: ...") like Go. */
export function marshalGoJson(v: GoValue, opts: JsonEncodeOptions): string {
  const parts: string[] = [];
  const nl = opts.indent !== undefined;
  const onPath = new Set<object>();
  const write = (x: GoValue, depth: number): void => {
    if (x === undefined || x === null) {
      parts.push('null');
      return;
    }
    switch (typeof x) {
      case 'boolean':
        parts.push(x ? 'true' : 'false');
        return;
      case 'bigint':
        parts.push(x.toString());
        return;
      case 'number':
        if (!Number.isFinite(x)) {
          throw new Error(`json: unsupported value: ${Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf'}`);
        }
        parts.push(formatJsonFloat(x));
        return;
      case 'string':
        parts.push(quoteJsonString(x, opts.escapeHTML));
        return;
      case 'function':
        throw new Error(`json: unsupported type: ${goTypeName(x)}`);
    }
    if (x instanceof Uint8Array) {
      parts.push('"' + base64Std(x) + '"');
      return;
    }
    if (x instanceof GoObject) {
      write(x.toJSONValue(), depth);
      return;
    }
    const pad = (d: number): string => (nl ? '\n' + (opts.indent as string).repeat(d) : '');
    if (isGoNil(x)) {
      parts.push('null');
      return;
    }
    if (Array.isArray(x)) {
      if (x.length === 0) {
        parts.push('[]');
        return;
      }
      enterContainer(x, onPath);
      parts.push('[');
      x.forEach((e, i) => {
        if (i > 0) parts.push(',');
        parts.push(pad(depth + 1));
        write(e, depth + 1);
      });
      parts.push(pad(depth) + ']');
      onPath.delete(x);
      return;
    }
    if (isGoMap(x)) {
      const keys = sortedKeys(x);
      if (keys.length === 0) {
        parts.push('{}');
        return;
      }
      enterContainer(x, onPath);
      parts.push('{');
      keys.forEach((k, i) => {
        if (i > 0) parts.push(',');
        parts.push(pad(depth + 1) + quoteJsonString(k, opts.escapeHTML) + (nl ? ': ' : ':'));
        write(x[k], depth + 1);
      });
      parts.push(pad(depth) + '}');
      onPath.delete(x);
    }
  };
  write(v, 0);
  return parts.join('');
}

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

/** A json.SyntaxError or UnmarshalTypeError; `message` is Go's Error() text. */
export class GoJsonError extends Error {}

/** Go's quoteChar in json syntax errors: 'x', '\n', '\'' ... */
export function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  const cp = c.codePointAt(0) as number;
  let q: string;
  if (cp === 0x07) q = '\\a';
  else if (cp === 0x08) q = '\\b';
  else if (cp === 0x0c) q = '\\f';
  else if (cp === 0x0a) q = '\\n';
  else if (cp === 0x0d) q = '\\r';
  else if (cp === 0x09) q = '\\t';
  else if (cp === 0x0b) q = '\\v';
  else if (cp === 0x5c) q = '\\\\';
  else if (cp < 0x20 || cp === 0x7f) q = '\\x' + HEX[cp >> 4] + HEX[cp & 15];
  else if ((cp >= 0x80 && cp < 0xa0) || cp === 0xad || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) {
    q = cp >= 0xd800 && cp <= 0xdfff ? '\\ufffd' : cp <= 0xff ? '\\u00' + cp.toString(16).padStart(2, '0') : '\\u' + cp.toString(16).padStart(4, '0');
  } else q = c;
  return "'" + q + "'";
}

const WS = new Set([' ', '\t', '\n', '\r']);

/** A parsed JSON value before conversion to Go: numbers keep their text. */
type JsonTree = null | boolean | string | { num: string } | JsonTree[] | Map<string, JsonTree>;

/**
 * Parses one JSON value with Go's scanner rules and messages. With
 * `trailing: 'error'` anything but whitespace after the value is a syntax
 * error (json.Unmarshal); with 'ignore' the rest is left unread (Decoder.Decode).
 */
export function parseJsonTree(text: string, trailing: 'error' | 'ignore'): JsonTree {
  let i = 0;
  const n = text.length;
  const eof = (): never => {
    throw new GoJsonError('unexpected end of JSON input');
  };
  // Go's scanner works on bytes and quotes the offending byte as a rune, so
  // 'é' (C3 A9) is reported as 'Ã'. At the end of the input it is fed a
  // space, so an unfinished number or literal reports ' '.
  const bad = (ctx: string): never => {
    if (i >= n) throw new GoJsonError(`invalid character ' ' ${ctx}`);
    const cp = text.codePointAt(i) as number;
    const first = cp < 0x80 ? cp : Buffer.from(String.fromCodePoint(cp), 'utf8')[0];
    throw new GoJsonError(`invalid character ${quoteChar(String.fromCodePoint(first))} ${ctx}`);
  };
  const skipWs = (): void => {
    while (i < n && WS.has(text[i])) i++;
  };
  const literal = (word: string): void => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= n || text[i] !== word[k]) bad(`in literal ${word} (expecting '${word[k]}')`);
    }
    i++;
  };
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  const number = (): { num: string } => {
    const start = i;
    if (text[i] === '-') {
      i++;
      if (!isDigit(text[i])) bad('in numeric literal');
    }
    if (text[i] === '0') i++;
    else while (isDigit(text[i])) i++;
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i])) bad('after decimal point in numeric literal');
      while (isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i])) bad('in exponent of numeric literal');
      while (isDigit(text[i])) i++;
    }
    return { num: text.slice(start, i) };
  };
  const string = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= n) eof();
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === undefined) bad('in string escape code');
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i++;
          continue;
        }
        if (e !== 'u') bad('in string escape code');
        i++;
        let code = 0;
        for (let k = 0; k < 4; k++) {
          const h = (text[i] ?? '').toLowerCase();
          const d = h === '' ? -1 : HEX.indexOf(h);
          if (d < 0) bad('in \\u hexadecimal character escape');
          code = code * 16 + d;
          i++;
        }
        out += String.fromCharCode(code);
        continue;
      }
      if (c.charCodeAt(0) < 0x20) bad('in string literal');
      out += c;
      i++;
    }
  };
  const value = (): JsonTree => {
    skipWs();
    if (i >= n) eof();
    const c = text[i];
    if (c === '{') {
      i++;
      const m = new Map<string, JsonTree>();
      skipWs();
      if (i >= n) eof();
      if (text[i] === '}') {
        i++;
        return m;
      }
      for (;;) {
        skipWs();
        if (i >= n) eof();
        if (text[i] !== '"') bad('looking for beginning of object key string');
        const k = fixSurrogates(string());
        skipWs();
        if (i >= n) eof();
        if (text[i] !== ':') bad('after object key');
        i++;
        const v = value();
        m.delete(k);
        m.set(k, v);
        skipWs();
        if (i >= n) eof();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return m;
        }
        bad('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      const a: JsonTree[] = [];
      skipWs();
      if (i >= n) eof();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value());
        skipWs();
        if (i >= n) eof();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return a;
        }
        bad('after array element');
      }
    }
    if (c === '"') return fixSurrogates(string());
    if (c === 't') {
      literal('true');
      return true;
    }
    if (c === 'f') {
      literal('false');
      return false;
    }
    if (c === 'n') {
      literal('null');
      return null;
    }
    if (c === '-' || isDigit(c)) return number();
    return bad('looking for beginning of value');
  };
  const v = value();
  if (trailing === 'error') {
    skipWs();
    if (i < n) bad('after top-level value');
  }
  return v;
}

/** Unpaired surrogates from \u escapes become U+FFFD, as Go decodes them. */
function fixSurrogates(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function jsonKind(t: JsonTree): string {
  if (t === null) return 'null';
  if (typeof t === 'boolean') return 'bool';
  if (typeof t === 'string') return 'string';
  if (Array.isArray(t)) return 'array';
  if (t instanceof Map) return 'object';
  return 'number';
}

/**
 * Converts a parsed tree to Go values as json.Unmarshal into interface{} does
 * (numbers: float64). Like Go, a number out of float64 range does not stop
 * the decoding: the value is left nil and the first such error is reported.
 */
export function jsonTreeToGo(t: JsonTree, errors: string[] = []): GoValue {
  if (t === null || typeof t === 'boolean' || typeof t === 'string') return t;
  if (Array.isArray(t)) return t.map((e) => jsonTreeToGo(e, errors));
  if (t instanceof Map) {
    const m: GoMap = Object.create(null);
    for (const [k, v] of t) m[k] = jsonTreeToGo(v, errors);
    return m;
  }
  const f = Number(t.num);
  if (!Number.isFinite(f)) {
    errors.push(`json: cannot unmarshal number ${t.num} into Go value of type float64`);
    return null;
  }
  return f;
}

/** The Go target of a decode: interface{}, map[string]interface{} or []interface{}. */
export type JsonTarget = 'any' | 'map' | 'slice';

/**
 * json.Unmarshal(text, &target): the decoded value (undefined when a null
 * input leaves a map or slice target as it was) and Go's error message, if
 * any. With a type error inside the value, the value is still partly decoded.
 */
export function decodeGoJson(text: string, target: JsonTarget): { value: GoValue; error?: string } {
  let t: JsonTree;
  try {
    t = parseJsonTree(text, 'error');
  } catch (e) {
    if (e instanceof GoJsonError) return { value: undefined, error: e.message };
    throw e;
  }
  if (target !== 'any') {
    if (t === null) return { value: undefined };
    const want = target === 'map' ? 'object' : 'array';
    const kind = jsonKind(t);
    if (kind !== want) {
      const type = target === 'map' ? 'map[string]interface {}' : '[]interface {}';
      return { value: undefined, error: `json: cannot unmarshal ${kind} into Go value of type ${type}` };
    }
  }
  const errors: string[] = [];
  const value = jsonTreeToGo(t, errors);
  return errors.length ? { value, error: errors[0] } : { value };
}

/** json.Unmarshal that throws GoJsonError with Go's message on any error. */
export function unmarshalGoJson(text: string, target: JsonTarget): GoValue {
  const r = decodeGoJson(text, target);
  if (r.error !== undefined) throw new GoJsonError(r.error);
  return r.value;
}
