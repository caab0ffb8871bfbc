/**
 * Go's fmt package (Sprint, Sprintln, Sprintf and the `%v` of one value), over
 * the Go value model of value.ts.
 *
 * The code follows Go's fmt/print.go and fmt/format.go closely (same state
 * machine, same flag handling, same error strings such as `%!d(string=x)`),
 * so that templates print byte for byte what Helm prints.
 *
 * Strings are UTF-8 in Go: widths and precisions count runes (code points),
 * `%x` of a string and `len` work on UTF-8 bytes.
 */
import { GoInt, GoObject, goTypeTag, isGoMap, type GoMap, type GoValue } from './value.js';
import { formatFloat } from './float-format.js';
import { isPrint, goQuote, goQuoteRune, goQuoteToASCII, canBackquote, lowerhex, upperhex } from './quote.js';
import { goTypeName } from './reflect.js';
import { compareGoStrings, decodeUtf8AsText, runeCount, utf8Bytes } from './utf8.js';

/** Sorted keys of a Go map (fmtsort / range order). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(compareGoStrings);
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
      case 's': this.fmtS(decodeUtf8AsText(v)); return;
      case 'x': this.fmtSbx(v, lowerhex + 'x'); return;
      case 'X': this.fmtSbx(v, upperhex + 'X'); return;
      case 'q': this.fmtQ(decodeUtf8AsText(v)); return;
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

/** Go's `%v` of a value as error texts and warnings print it: a missing value is `<nil>` there. */
export function formatV(v: GoValue): string {
  return formatValue(v ?? null);
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
