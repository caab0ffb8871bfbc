/**
 * Go's fmt package (Sprint, Sprintln, Sprintf) and strconv's float formatting
 * and quoting, over the Go value model of value.ts.
 *
 * The code follows Go's fmt/print.go and fmt/format.go closely (same state
 * machine, same flag handling, same error strings such as `%!d(string=x)`),
 * so that templates print byte for byte what Helm prints.
 *
 * Strings are UTF-8 in Go: widths and precisions count runes (code points),
 * `%x` of a string and `len` work on UTF-8 bytes.
 */
import { GoInt, GoObject, goTypeTag, isGoMap, type GoMap, type GoValue } from './value.js';

// ---------------------------------------------------------------------------
// UTF-8 helpers

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** UTF-8 bytes of a JS string (lone surrogates become U+FFFD, as Go would see them). */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Decodes UTF-8 bytes to a JS string (invalid sequences become U+FFFD). */
export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

/** len(s) in Go: the number of UTF-8 bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** utf8.RuneCountInString. */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Go's string comparison (bytewise UTF-8, i.e. code point order): negative, 0 or positive. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Code units of surrogate pairs encode code points above every BMP character.
      if (x >= 0xd800 && x <= 0xdfff) x += 0x2000;
      else if (x >= 0xe000) x -= 0x800;
      if (y >= 0xd800 && y <= 0xdfff) y += 0x2000;
      else if (y >= 0xe000) y -= 0x800;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Sorted keys of a Go map (fmtsort / range order). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

// ---------------------------------------------------------------------------
// Type names (reflect.Type.String())

/** The Go type name `%T` prints for a value of the model. */
export function goTypeName(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'number': return 'float64';
    case 'bigint': return 'int';
    case 'string': return 'string';
    case 'function': return 'func(...interface {}) interface {}';
    default:
      if (Array.isArray(v)) return goTypeTag(v) ?? '[]interface {}';
      if (v instanceof Uint8Array) return '[]uint8';
      if (v instanceof GoObject) return v.goType();
      return goTypeTag(v) ?? 'map[string]interface {}';
  }
}

// ---------------------------------------------------------------------------
// strconv: quoting

const lowerhex = '0123456789abcdef';
const upperhex = '0123456789ABCDEF';

const printRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** strconv.IsPrint. */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r >= 0xd800 && r <= 0xdfff) return false;
  if (r > 0x10ffff) return false;
  return printRe.test(String.fromCodePoint(r));
}

function hex(n: number, width: number): string {
  let s = n.toString(16);
  while (s.length < width) s = '0' + s;
  return s;
}

function appendEscapedRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCodePoint(r);
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r)) {
    return String.fromCodePoint(r);
  }
  switch (r) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  const q = String.fromCharCode(quote);
  let out = q;
  for (let i = 0; i < s.length; i++) {
    let r = s.charCodeAt(i);
    if (r >= 0x20 && r < 0x7f && r !== quote && r !== 0x5c) {
      out += s[i];
      continue;
    }
    if (r >= 0xd800 && r <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        r = ((r - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
      } else r = 0xfffd;
    } else if (r >= 0xd800 && r <= 0xdfff) {
      r = 0xfffd;
    }
    out += appendEscapedRune(r, quote, asciiOnly);
  }
  return out + q;
}

/** strconv.Quote. */
export function goQuote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/** strconv.QuoteToASCII. */
export function goQuoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}

/** strconv.QuoteRune (invalid runes become U+FFFD). */
export function goQuoteRune(r: number, asciiOnly = false): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return "'" + appendEscapedRune(r, 0x27, asciiOnly) + "'";
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x60 || c === 0x7f || c === 0xfeff) return false;
    if (c < 0x20 && c !== 0x09) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else return false;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// strconv: float formatting

interface Digits {
  /** Significant decimal digits, no leading or trailing zeros ('' for zero). */
  d: string;
  /** Position of the decimal point: value = 0.d × 10^dp. */
  dp: number;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function floatBits(f: number): bigint {
  f64[0] = f;
  return u64[0];
}

/** Shortest decimal digits that read back as f (f finite, positive). */
function shortestDigits(f: number): Digits {
  if (f === 0) return { d: '', dp: 0 };
  const s = f.toExponential();
  const e = s.indexOf('e');
  const mant = s.slice(0, e).replace('.', '');
  const exp = Number(s.slice(e + 1));
  let d = mant;
  let end = d.length;
  while (end > 0 && d.charCodeAt(end - 1) === 0x30) end--;
  d = d.slice(0, end);
  return { d, dp: exp + 1 };
}

/** The exact decimal expansion of a finite positive float. */
function exactDigits(f: number): Digits {
  if (f === 0) return { d: '', dp: 0 };
  const bits = floatBits(f);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp = 1;
  else mant |= 1n << 52n;
  exp -= 1075;
  let d: string;
  let dp: number;
  if (exp >= 0) {
    d = (mant << BigInt(exp)).toString();
    dp = d.length;
  } else {
    d = (mant * 5n ** BigInt(-exp)).toString();
    dp = d.length + exp;
  }
  let end = d.length;
  while (end > 0 && d.charCodeAt(end - 1) === 0x30) end--;
  return { d: d.slice(0, end), dp };
}

/** decimal.Round(nd) with round-half-even on the exact value. */
function roundDigits(a: Digits, nd: number): Digits {
  if (nd < 0 || nd >= a.d.length) return a;
  const c = a.d.charCodeAt(nd);
  let up: boolean;
  if (c === 0x35 && nd + 1 === a.d.length) {
    up = nd > 0 && (a.d.charCodeAt(nd - 1) - 0x30) % 2 === 1;
  } else {
    up = c >= 0x35;
  }
  if (up) {
    for (let i = nd - 1; i >= 0; i--) {
      const ch = a.d.charCodeAt(i);
      if (ch < 0x39) {
        return { d: a.d.slice(0, i) + String.fromCharCode(ch + 1), dp: a.dp };
      }
    }
    return { d: '1', dp: a.dp + 1 };
  }
  let end = nd;
  while (end > 0 && a.d.charCodeAt(end - 1) === 0x30) end--;
  if (end === 0) return { d: '', dp: 0 };
  return { d: a.d.slice(0, end), dp: a.dp };
}

function fmtE(neg: boolean, d: Digits, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  out += d.d.length ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(d.d.length, prec + 1);
    if (i < m) {
      out += d.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += fmt;
  let exp = d.d.length === 0 ? 0 : d.dp - 1;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else out += '+';
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, d: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    out += d.d.slice(0, m);
    if (m < d.dp) out += '0'.repeat(d.dp - m);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 && j < d.d.length ? d.d[j] : '0';
    }
  }
  return out;
}

function fmtB(neg: boolean, mant: bigint, exp: number): string {
  exp -= 52;
  return (neg ? '-' : '') + mant.toString() + 'p' + (exp >= 0 ? '+' : '') + exp;
}

function fmtX(prec: number, fmt: string, neg: boolean, mant: bigint, exp: number): string {
  const M60 = 1n << 60n;
  const MASK64 = (1n << 64n) - 1n;
  if (mant === 0n) exp = 0;
  mant <<= 8n; // 60 - mantbits(52)
  while (mant !== 0n && (mant & M60) === 0n) {
    mant = (mant << 1n) & MASK64;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (M60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant = (mant << (60n - shift)) & MASK64;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digits = fmt === 'X' ? upperhex : lowerhex;
  let out = neg ? '-' : '';
  out += '0' + fmt + String(Number((mant >> 60n) & 1n));
  mant = (mant << 4n) & MASK64;
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += digits[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += digits[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else out += '+';
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

/**
 * strconv.FormatFloat(f, fmt, prec, 64) for fmt in 'e','E','f','g','G','b','x','X'.
 * prec -1 means the shortest representation that reads back exactly.
 */
export function formatFloat(f: number, fmt: string, prec: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  if (fmt === 'b' || fmt === 'x' || fmt === 'X') {
    const bits = floatBits(a);
    let exp = Number((bits >> 52n) & 0x7ffn);
    let mant = bits & ((1n << 52n) - 1n);
    if (exp === 0) exp++;
    else mant |= 1n << 52n;
    exp -= 1023;
    return fmt === 'b' ? fmtB(neg, mant, exp) : fmtX(prec, fmt, neg, mant, exp);
  }
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(a);
    switch (fmt) {
      case 'e': case 'E': prec = Math.max(digs.d.length - 1, 0); break;
      case 'f': prec = Math.max(digs.d.length - digs.dp, 0); break;
      default: prec = digs.d.length;
    }
  } else {
    digs = exactDigits(a);
    switch (fmt) {
      case 'e': case 'E': digs = roundDigits(digs, prec + 1); break;
      case 'f': digs = roundDigits(digs, digs.dp + prec); break;
      default:
        if (prec === 0) prec = 1;
        digs = roundDigits(digs, prec);
    }
  }
  switch (fmt) {
    case 'e': case 'E':
      return fmtE(neg, digs, prec, fmt);
    case 'f': case 'F':
      return fmtF(neg, digs, prec);
    default: {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE(neg, digs, prec - 1, fmt === 'G' ? 'E' : 'e');
      }
      if (prec > digs.dp) prec = digs.d.length;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
}

// ---------------------------------------------------------------------------
// fmt: the printer

class Printer {
  out = '';
  // fmt flags
  plus = false;
  minus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  widPresent = false;
  precPresent = false;
  wid = 0;
  prec = 0;
  erroring = false;
  reordered = false;
  goodArgNum = true;

  clearFlags(): void {
    this.plus = this.minus = this.sharp = this.space = this.zero = false;
    this.plusV = this.sharpV = false;
    this.widPresent = this.precPresent = false;
    this.wid = this.prec = 0;
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    this.out += (this.zero ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.out += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.out += s;
    } else {
      this.out += s;
      this.writePadding(width);
    }
  }

  truncateString(s: string): string {
    if (this.precPresent) {
      let n = this.prec;
      for (let i = 0; i < s.length; i++) {
        n--;
        if (n < 0) return s.slice(0, i);
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) i++;
        }
      }
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncateString(s));
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  fmtSbx(bytes: Uint8Array, digits: string): void {
    let length = bytes.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) {
        width += 2;
      }
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = '';
    if (this.sharp) out += '0' + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += '0' + digits[16];
      }
      const c = bytes[i];
      out += digits[c >> 4] + digits[c & 0xf];
    }
    this.out += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtQ(s: string): void {
    s = this.truncateString(s);
    if (this.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(this.plus ? goQuoteToASCII(s) : goQuote(s));
  }

  fmtC(c: bigint): void {
    let r = Number(c);
    if (c < 0n || c > 0x10ffffn || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
    this.pad(String.fromCodePoint(r));
  }

  fmtQc(c: bigint): void {
    let r = Number(c);
    if (c < 0n || c > 0x10ffffn) r = 0xfffd;
    if (this.sharp && r !== 0xfffd && !(r >= 0xd800 && r <= 0xdfff) && canBackquote(String.fromCodePoint(r))) {
      this.pad("'" + String.fromCodePoint(r) + "'");
      return;
    }
    this.pad(goQuoteRune(r, this.plus));
  }

  fmtUnicode(u: bigint): void {
    if (u < 0n) u = BigInt.asUintN(64, u);
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let s = u.toString(16).toUpperCase();
    while (s.length < prec) s = '0' + s;
    s = 'U+' + s;
    if (this.sharp && u <= 0x10ffffn && isPrint(Number(u))) {
      s += " '" + String.fromCodePoint(Number(u)) + "'";
    }
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  fmtInteger(v: bigint, base: number, isSigned: boolean, verb: string, upper: boolean): void {
    let u = v;
    let negative = false;
    if (isSigned) {
      u = BigInt.asIntN(64, v);
      if (u < 0n) {
        negative = true;
        u = -u;
      }
    } else {
      u = BigInt.asUintN(64, v);
    }
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = u.toString(base);
    if (upper) s = s.toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    if (this.sharp) {
      switch (base) {
        case 2: s = '0b' + s; break;
        case 8: if (s[0] !== '0') s = '0' + s; break;
        case 16: s = (upper ? '0X' : '0x') + s; break;
      }
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.plus) s = '+' + s;
    else if (this.space) s = ' ' + s;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  fmtFloatF(v: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb, prec);
    if (num[0] === '-' || num[0] === '+') {
      // keep
    } else num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== 'b') {
      let digits = 0;
      switch (verb) {
        case 'v': case 'g': case 'G': case 'x':
          digits = prec;
          if (digits === -1) digits = 6;
      }
      let tail = '';
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < num.length; i++) {
        const ch = num[i];
        if (ch === '.') {
          hasDecimalPoint = true;
        } else if (ch === 'p' || ch === 'P') {
          tail = num.slice(i);
          num = num.slice(0, i);
        } else if ((ch === 'e' || ch === 'E') && verb !== 'x' && verb !== 'X') {
          tail = num.slice(i);
          num = num.slice(0, i);
        } else {
          sawNonzeroDigit = sawNonzeroDigit || ch !== '0';
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (num.length === 2 && num[1] === '0') digits--;
        num += '.';
      }
      while (digits > 0) {
        num += '0';
        digits--;
      }
      num += tail;
    }
    if (this.plus || num[0] !== '+') {
      if (this.zero && this.widPresent && this.wid > num.length) {
        this.out += num[0];
        this.writePadding(this.wid - num.length);
        this.out += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  // --- pp level -------------------------------------------------------------

  badVerb(verb: string, v: GoValue, hasValue: boolean): void {
    this.erroring = true;
    this.out += '%!' + verb + '(';
    if (hasValue && v !== undefined && v !== null) {
      this.out += goTypeName(v) + '=';
      this.printArg(v, 'v');
    } else {
      this.out += '<nil>';
    }
    this.out += ')';
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb, v, true);
  }

  /** `orig` is the value a bad verb shows with its type (a GoInt prints as int64=5, not int=5). */
  fmtInt(v: bigint, verb: string, isSigned = true, orig: GoValue = v): void {
    switch (verb) {
      case 'v':
        if (this.sharpV && !isSigned) {
          this.sharp = true;
          this.fmtInteger(v, 16, false, 'v', false);
        } else this.fmtInteger(v, 10, isSigned, verb, false);
        return;
      case 'd': this.fmtInteger(v, 10, isSigned, verb, false); return;
      case 'b': this.fmtInteger(v, 2, isSigned, verb, false); return;
      case 'o': case 'O': this.fmtInteger(v, 8, isSigned, verb, false); return;
      case 'x': this.fmtInteger(v, 16, isSigned, verb, false); return;
      case 'X': this.fmtInteger(v, 16, isSigned, verb, true); return;
      case 'c': this.fmtC(v); return;
      case 'q': this.fmtQc(v); return;
      case 'U': this.fmtUnicode(v); return;
      default: this.badVerb(verb, orig, true);
    }
  }

  fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v': this.fmtFloatF(v, 'g', -1); return;
      case 'b': case 'g': case 'G': case 'x': case 'X': this.fmtFloatF(v, verb, -1); return;
      case 'f': case 'e': case 'E': this.fmtFloatF(v, verb, 6); return;
      case 'F': this.fmtFloatF(v, 'f', 6); return;
      default: this.badVerb(verb, v, true);
    }
  }

  fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's': this.fmtS(v); return;
      case 'x': this.fmtSbx(utf8Bytes(v), lowerhex + 'x'); return;
      case 'X': this.fmtSbx(utf8Bytes(v), upperhex + 'X'); return;
      case 'q': this.fmtQ(v); return;
      default: this.badVerb(verb, v, true);
    }
  }

  fmtBytes(v: Uint8Array, verb: string): void {
    switch (verb) {
      case 'v': case 'd':
        if (this.sharpV) {
          this.out += '[]byte{';
          for (let i = 0; i < v.length; i++) {
            if (i > 0) this.out += ', ';
            this.sharp = true;
            this.fmtInteger(BigInt(v[i]), 16, false, 'v', false);
          }
          this.out += '}';
        } else {
          this.out += '[';
          for (let i = 0; i < v.length; i++) {
            if (i > 0) this.out += ' ';
            this.fmtInteger(BigInt(v[i]), 10, false, verb, false);
          }
          this.out += ']';
        }
        return;
      case 's': this.fmtS(utf8Decode(v)); return;
      case 'x': this.fmtSbx(v, lowerhex + 'x'); return;
      case 'X': this.fmtSbx(v, upperhex + 'X'); return;
      case 'q': this.fmtQ(utf8Decode(v)); return;
      default:
        this.out += '[';
        for (let i = 0; i < v.length; i++) {
          if (i > 0) this.out += ' ';
          this.fmtInt(BigInt(v[i]), verb, false);
        }
        this.out += ']';
    }
  }

  /** Stringer-like values (GoObject): true when handled. */
  handleMethods(v: GoObject, verb: string): boolean {
    if (this.erroring) return false;
    switch (verb) {
      case 'v': case 's': case 'x': case 'X': case 'q':
        this.fmtString(v.formatV(), verb);
        return true;
    }
    return false;
  }

  printArg(arg: GoValue, verb: string): void {
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, null, false);
      return;
    }
    if (verb === 'T') {
      this.fmtS(goTypeName(arg));
      return;
    }
    if (verb === 'p') {
      this.out += '%!p(' + goTypeName(arg) + '=';
      this.printValue(arg, 'v', 0);
      this.out += ')';
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printValue(v: GoValue, verb: string, depth: number): void {
    if (v === undefined || v === null) {
      // A nil interface inside a container.
      this.out += '<nil>';
      return;
    }
    switch (typeof v) {
      case 'boolean': this.fmtBool(v, verb); return;
      case 'number': this.fmtFloat(v, verb); return;
      case 'bigint': this.fmtInt(v, verb); return;
      case 'string': this.fmtString(v, verb); return;
      case 'function':
        if (verb === 'v' || verb === 'p' || verb === 'b' || verb === 'o' || verb === 'd' || verb === 'x' || verb === 'X') {
          this.pad('0x0');
        } else this.badVerb(verb, v, true);
        return;
    }
    if (v instanceof Uint8Array) {
      this.fmtBytes(v, verb);
      return;
    }
    if (v instanceof GoInt) {
      this.fmtInt(v.value, verb, !v.unsigned, v);
      return;
    }
    if (v instanceof GoObject) {
      if (!this.handleMethods(v, verb)) {
        // A named integer type (time.Month) prints its number for %d and the other integer verbs.
        const n = this.erroring ? undefined : v.intValue();
        if (n !== undefined) this.fmtInt(n, verb, true, v);
        else if (this.erroring) this.out += v.formatV();
        else this.badVerb(verb, v, true);
      }
      return;
    }
    if (Array.isArray(v)) {
      if (this.sharpV) {
        this.out += (goTypeTag(v) ?? '[]interface {}') + '{';
        for (let i = 0; i < v.length; i++) {
          if (i > 0) this.out += ', ';
          this.printElemSharp(v[i], verb, depth + 1);
        }
        this.out += '}';
        return;
      }
      this.out += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.out += ' ';
        this.printValue(v[i], verb, depth + 1);
      }
      this.out += ']';
      return;
    }
    if (isGoMap(v)) {
      const keys = sortedKeys(v);
      if (this.sharpV) {
        this.out += (goTypeTag(v) ?? 'map[string]interface {}') + '{';
        for (let i = 0; i < keys.length; i++) {
          if (i > 0) this.out += ', ';
          this.fmtQ(keys[i]);
          this.out += ':';
          this.printElemSharp(v[keys[i]], verb, depth + 1);
        }
        this.out += '}';
        return;
      }
      this.out += 'map[';
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) this.out += ' ';
        this.printValue(keys[i], verb, depth + 1);
        this.out += ':';
        this.printValue(v[keys[i]], verb, depth + 1);
      }
      this.out += ']';
    }
  }

  private printElemSharp(v: GoValue, verb: string, depth: number): void {
    if (v === undefined || v === null) {
      this.out += 'interface {}(nil)';
      return;
    }
    this.printValue(v, verb, depth);
  }

  doPrint(args: GoValue[]): void {
    let prevString = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      const isString = typeof arg === 'string';
      if (i > 0 && !isString && !prevString) this.out += ' ';
      this.printArg(arg, 'v');
      prevString = isString;
    }
  }

  doPrintln(args: GoValue[]): void {
    for (let i = 0; i < args.length; i++) {
      if (i > 0) this.out += ' ';
      this.printArg(args[i], 'v');
    }
    this.out += '\n';
  }

  argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format, i);
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }

  doPrintf(format: string, a: GoValue[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format.charCodeAt(i) !== 0x25) i++;
      if (i > lasti) this.out += format.slice(lasti, i);
      if (i >= end) break;
      i++; // skip %
      this.clearFlags();
      simpleFormat: for (; i < end; i++) {
        const c = format[i];
        switch (c) {
          case '#': this.sharp = true; break;
          case '0': this.zero = !this.minus; break;
          case '+': this.plus = true; break;
          case '-': this.minus = true; this.zero = false; break;
          case ' ': this.space = true; break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v') {
                this.sharpV = this.sharp;
                this.sharp = false;
                this.plusV = this.plus;
                this.plus = false;
              }
              if (c === 'w') {
                this.badVerb('w', a[argNum], true);
                i++;
                continue formatLoop;
              }
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
        }
      }

      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);

      if (i < end && format[i] === '*') {
        i++;
        let ok: boolean;
        [this.wid, ok, argNum] = intFromArg(a, argNum);
        this.widPresent = ok;
        if (!ok) this.out += '%!(BADWIDTH)';
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        const [num, isnum, ni] = parsenum(format, i, end);
        this.wid = num;
        this.widPresent = isnum;
        i = ni;
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }

      if (i + 1 <= end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === '*') {
          i++;
          let ok: boolean;
          [this.prec, ok, argNum] = intFromArg(a, argNum);
          this.precPresent = ok;
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!ok) this.out += '%!(BADPREC)';
          afterIndex = false;
        } else {
          const [num, isnum, ni] = parsenum(format, i, end);
          this.prec = num;
          this.precPresent = isnum;
          i = ni;
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }

      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);

      if (i >= end) {
        this.out += '%!(NOVERB)';
        break;
      }

      const cp = format.codePointAt(i)!;
      const verb = String.fromCodePoint(cp);
      i += verb.length;

      if (verb === '%') {
        this.out += '%';
      } else if (!this.goodArgNum) {
        this.out += '%!' + verb + '(BADINDEX)';
      } else if (argNum >= a.length) {
        this.out += '%!' + verb + '(MISSING)';
      } else if (verb === 'w') {
        this.badVerb('w', a[argNum], true);
      } else {
        if (verb === 'v') {
          this.sharpV = this.sharp;
          this.sharp = false;
          this.plusV = this.plus;
          this.plus = false;
        }
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }

    if (!this.reordered && argNum < a.length) {
      this.clearFlags();
      this.out += '%!(EXTRA ';
      for (let k = argNum; k < a.length; k++) {
        if (k > argNum) this.out += ', ';
        const arg = a[k];
        if (arg === undefined || arg === null) this.out += '<nil>';
        else {
          this.out += goTypeName(arg) + '=';
          this.printArg(arg, 'v');
        }
      }
      this.out += ')';
    }
  }
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + (c - 0x30);
    isnum = true;
  }
  return [num, isnum, i];
}

function parseArgNumber(format: string, start: number): [number, number, boolean] {
  if (format.length - start < 3) return [0, 1, false];
  for (let i = start + 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [width, ok, newi] = parsenum(format, start + 1, i);
      if (!ok || newi !== i) return [0, i - start + 1, false];
      return [width - 1, i - start + 1, true];
    }
  }
  return [0, 1, false];
}

function intFromArg(a: GoValue[], argNum: number): [number, boolean, number] {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const a0 = a[argNum];
    // Go accepts any signed or unsigned integer kind as a width or precision.
    const v = typeof a0 === 'bigint' ? a0 : a0 instanceof GoInt ? a0.value : undefined;
    if (v !== undefined) {
      if (v >= -(1n << 63n) && v < 1n << 63n) {
        num = Number(v);
        isInt = true;
      }
    }
    newArgNum = argNum + 1;
    if (tooLarge(num)) {
      num = 0;
      isInt = false;
    }
  }
  return [num, isInt, newArgNum];
}

// ---------------------------------------------------------------------------
// Public API

/** What fmt.Sprint / `{{ . }}` / `%v` prints for one value. `undefined` (missing) prints `<no value>`. */
export function formatValue(v: GoValue): string {
  switch (typeof v) {
    case 'undefined': return '<no value>';
    case 'string': return v;
    case 'boolean': return v ? 'true' : 'false';
    case 'bigint': return v.toString();
    case 'number': return formatFloat(v, 'g', -1);
  }
  if (v === null) return '<nil>';
  if (v instanceof GoObject) return v.formatV();
  const p = new Printer();
  p.printArg(v, 'v');
  return p.out;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: GoValue[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.out;
}

/** fmt.Sprint: a space between operands when neither is a string. */
export function sprint(args: GoValue[]): string {
  if (args.length === 1) {
    const v = args[0];
    return v === undefined ? '<nil>' : formatValue(v);
  }
  const p = new Printer();
  p.doPrint(args);
  return p.out;
}

/** fmt.Sprintln: spaces between all operands and a final newline. */
export function sprintln(args: GoValue[]): string {
  const p = new Printer();
  p.doPrintln(args);
  return p.out;
}
