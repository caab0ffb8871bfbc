/**
 * Go's time.Time and time.Duration for templates: layouts ("2006-01-02"),
 * time.Parse with Go's error texts, Duration.String and ParseDuration.
 * Instants are kept as whole Unix seconds plus nanoseconds so that year 1
 * (Go's zero Time) and nanosecond fractions survive.
 */
import { GoObject, NO_FIELD, goInt64, type GoFunction, type GoValue } from './value.js';
import { goInterfaceTypeName as goTypeName } from './reflect.js';
import { UTC, fixedZone, localLocation, type GoLocation } from './zone.js';

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));
const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));

/** Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm). */
function civil(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** A proleptic Gregorian date to days since 1970-01-01; month and day may overflow, as in Go's Date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Normalise the month first (Go's Date does the same).
  const m0 = month - 1;
  year += Math.floor(m0 / 12);
  month = (((m0 % 12) + 12) % 12) + 1;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (month: number, year: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

export const NS_PER_SEC = 1_000_000_000n;

/** A time.Duration (int64 nanoseconds). */
export class GoDuration extends GoObject {
  constructor(readonly ns: bigint) {
    super();
  }
  goType(): string {
    return 'time.Duration';
  }
  override goKind(): string {
    return 'int64';
  }
  override intValue(): bigint {
    return this.ns;
  }
  formatV(): string {
    return durationString(this.ns);
  }
  override toJSONValue(): GoValue {
    return this.ns;
  }
  override method(name: string): GoFunction | undefined {
    switch (name) {
      case 'String': return () => durationString(this.ns);
      case 'Seconds': return () => Number(this.ns) / 1e9;
      case 'Minutes': return () => Number(this.ns) / 6e10;
      case 'Hours': return () => Number(this.ns) / 3.6e12;
      case 'Milliseconds': return () => goInt64(this.ns / 1_000_000n);
      case 'Nanoseconds': return () => goInt64(this.ns);
      default: return undefined;
    }
  }
}

/** time.Month or time.Weekday: an integer that prints as its English name. */
class GoNamedInt extends GoObject {
  constructor(readonly n: number, private readonly type: string, private readonly names: string[], private readonly base: number) {
    super();
  }
  goType(): string {
    return this.type;
  }
  override goKind(): string {
    return 'int';
  }
  override intValue(): bigint {
    return BigInt(this.n);
  }
  formatV(): string {
    return this.names[this.n - this.base] ?? `%!${this.type.slice(5)}(${this.n})`;
  }
  override toJSONValue(): GoValue {
    return BigInt(this.n);
  }
  override method(name: string): GoFunction | undefined {
    return name === 'String' ? () => this.formatV() : undefined;
  }
}

/** A time.Time. `mono` is the monotonic reading (ns) that time.Now attaches and String prints. */
export class GoTime extends GoObject {
  constructor(
    readonly sec: number,
    readonly nsec: number,
    readonly loc: GoLocation,
    readonly mono?: bigint,
  ) {
    super();
  }

  static fromUnixNano(ns: bigint, loc: GoLocation, mono?: bigint): GoTime {
    const sec = ns >= 0n ? ns / NS_PER_SEC : -((-ns + NS_PER_SEC - 1n) / NS_PER_SEC);
    return new GoTime(Number(sec), Number(ns - sec * NS_PER_SEC), loc, mono);
  }

  /** Go's zero Time: January 1, year 1, 00:00:00 UTC. */
  static zero(): GoTime {
    return new GoTime(daysFromCivil(1, 1, 1) * 86400, 0, UTC);
  }

  unixNano(): bigint {
    return BigInt(this.sec) * NS_PER_SEC + BigInt(this.nsec);
  }

  in(loc: GoLocation): GoTime {
    return new GoTime(this.sec, this.nsec, loc);
  }

  add(ns: bigint): GoTime {
    return GoTime.fromUnixNano(this.unixNano() + ns, this.loc, this.mono === undefined ? undefined : this.mono + ns);
  }

  /** The wall clock in this time's zone. */
  parts(): {
    year: number; month: number; day: number; hour: number; min: number; sec: number;
    weekday: number; yday: number; offset: number; abbr: string;
  } {
    const { offset, abbr } = this.loc.lookup(this.sec);
    const local = this.sec + offset;
    const days = Math.floor(local / 86400);
    const rem = local - days * 86400;
    const { year, month, day } = civil(days);
    return {
      year, month, day,
      hour: Math.floor(rem / 3600), min: Math.floor((rem % 3600) / 60), sec: rem % 60,
      weekday: (((days + 4) % 7) + 7) % 7,
      yday: days - daysFromCivil(year, 1, 1) + 1,
      offset, abbr,
    };
  }

  format(layout: string): string {
    return formatTime(this, layout);
  }

  goType(): string {
    return 'time.Time';
  }

  formatV(): string {
    let s = this.format('2006-01-02 15:04:05.999999999 -0700 MST');
    if (this.mono !== undefined) {
      const m = this.mono;
      const sign = m < 0n ? '-' : '+';
      const a = m < 0n ? -m : m;
      s += ` m=${sign}${a / NS_PER_SEC}.${String(a % NS_PER_SEC).padStart(9, '0')}`;
    }
    return s;
  }

  override toJSONValue(): GoValue {
    return this.format('2006-01-02T15:04:05.999999999Z07:00');
  }

  override field(_name: string): GoValue | typeof NO_FIELD {
    return NO_FIELD;
  }

  override method(name: string): GoFunction | undefined {
    const p = () => this.parts();
    switch (name) {
      case 'String': return () => this.formatV();
      case 'Format': return (layout) => this.format(String(layout));
      // Go: Unix, UnixMilli and UnixNano are int64; Year, Day, Hour... are int.
      case 'Unix': return () => goInt64(BigInt(this.sec));
      case 'UnixMilli': return () => goInt64(this.unixNano() / 1_000_000n - (this.unixNano() < 0n && this.unixNano() % 1_000_000n !== 0n ? 1n : 0n));
      case 'UnixNano': return () => goInt64(this.unixNano());
      case 'Year': return () => BigInt(p().year);
      case 'Month': return () => new GoNamedInt(p().month, 'time.Month', LONG_MONTHS, 1);
      case 'Day': return () => BigInt(p().day);
      case 'Weekday': return () => new GoNamedInt(p().weekday, 'time.Weekday', LONG_DAYS, 0);
      case 'YearDay': return () => BigInt(p().yday);
      case 'Hour': return () => BigInt(p().hour);
      case 'Minute': return () => BigInt(p().min);
      case 'Second': return () => BigInt(p().sec);
      case 'Nanosecond': return () => BigInt(this.nsec);
      case 'IsZero': return () => this.sec === GoTime.zero().sec && this.nsec === 0;
      case 'UTC': return () => this.in(UTC);
      case 'Local': return () => this.in(localLocation());
      case 'Location': return () => this.loc.name;
      case 'Add': return (d) => this.add(durationArg(d));
      case 'Sub': return (u) => new GoDuration(this.unixNano() - timeArg(u).unixNano());
      case 'AddDate':
        return (y, m, d) => {
          const q = p();
          const days = daysFromCivil(q.year + Number(y), q.month + Number(m), q.day + Number(d));
          const wall = days * 86400 + q.hour * 3600 + q.min * 60 + q.sec;
          return new GoTime(wallToUnix(wall, this.loc), this.nsec, this.loc);
        };
      case 'Before': return (u) => this.unixNano() < timeArg(u).unixNano();
      case 'After': return (u) => this.unixNano() > timeArg(u).unixNano();
      case 'Equal': return (u) => this.unixNano() === timeArg(u).unixNano();
      default: return undefined;
    }
  }
}

export function timeArg(v: GoValue): GoTime {
  if (v instanceof GoTime) return v;
  throw new Error(`wrong type for value; expected time.Time; got ${goTypeName(v ?? null)}`);
}

function durationArg(v: GoValue): bigint {
  if (v instanceof GoDuration) return v.ns;
  if (typeof v === 'bigint') return v;
  throw new Error(`wrong type for value; expected time.Duration; got ${goTypeName(v ?? null)}`);
}

/**
 * Unix seconds of a wall clock reading in a zone, as Go's time.Date picks the
 * offset: the offset in force at the wall time read as UTC, unless the
 * resulting instant falls outside that offset's period, in which case the
 * offset in force at that instant (so a time in a spring-forward gap moves
 * ahead, and an ambiguous time takes the earlier offset's reading).
 */
export function wallToUnix(wall: number, loc: GoLocation): number {
  let offset = loc.lookup(wall).offset;
  const utc = wall - offset;
  const there = loc.lookup(utc).offset;
  if (there !== offset) offset = there;
  return wall - offset;
}

// ---- layouts

type Std =
  | { k: 'lit'; s: string }
  | { k: 'longMonth' | 'month' | 'numMonth' | 'zeroMonth' | 'longWeekDay' | 'weekDay' | 'day' | 'underDay' | 'zeroDay'
      | 'underYearDay' | 'zeroYearDay' | 'hour' | 'hour12' | 'zeroHour12' | 'minute' | 'zeroMinute' | 'second'
      | 'zeroSecond' | 'longYear' | 'year' | 'PM' | 'pm' | 'tz'
      | 'iso8601TZ' | 'iso8601SecondsTZ' | 'iso8601ShortTZ' | 'iso8601ColonTZ' | 'iso8601ColonSecondsTZ'
      | 'numTZ' | 'numSecondsTz' | 'numShortTZ' | 'numColonTZ' | 'numColonSecondsTZ'; s: string }
  | { k: 'frac0' | 'frac9'; s: string; digits: number; sep: string };

const startsWithLower = (s: string): boolean => s.length > 0 && s[0] >= 'a' && s[0] <= 'z';
const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';

/** Go's nextStdChunk: literal prefix, the layout element, and the rest. */
function nextStd(layout: string): [string, Std | undefined, string] {
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    const at = (s: string): boolean => layout.startsWith(s, i);
    const hit = (k: Exclude<Std['k'], 'lit' | 'frac0' | 'frac9'>, n: number, pre = i): [string, Std, string] =>
      [layout.slice(0, pre), { k, s: layout.slice(pre, i + n) } as Std, layout.slice(i + n)];
    switch (c) {
      case 'J':
        if (at('Jan')) {
          if (at('January')) return hit('longMonth', 7);
          if (!startsWithLower(layout.slice(i + 3))) return hit('month', 3);
        }
        break;
      case 'M':
        if (at('Mon')) {
          if (at('Monday')) return hit('longWeekDay', 6);
          if (!startsWithLower(layout.slice(i + 3))) return hit('weekDay', 3);
        }
        if (at('MST')) return hit('tz', 3);
        break;
      case '0':
        if (i + 1 < layout.length && layout[i + 1] >= '1' && layout[i + 1] <= '6') {
          const k = (['zeroMonth', 'zeroDay', 'zeroHour12', 'zeroMinute', 'zeroSecond', 'year'] as const)[Number(layout[i + 1]) - 1];
          return hit(k, 2);
        }
        if (at('002')) return hit('zeroYearDay', 3);
        break;
      case '1':
        if (at('15')) return hit('hour', 2);
        return hit('numMonth', 1);
      case '2':
        if (at('2006')) return hit('longYear', 4);
        return hit('day', 1);
      case '_':
        if (at('_2')) {
          // "_2006" is a literal underscore followed by the year.
          if (at('_2006')) return [layout.slice(0, i + 1), { k: 'longYear', s: '2006' }, layout.slice(i + 5)];
          return hit('underDay', 2);
        }
        if (at('__2')) return hit('underYearDay', 3);
        break;
      case '3': return hit('hour12', 1);
      case '4': return hit('minute', 1);
      case '5': return hit('second', 1);
      case 'P':
        if (at('PM')) return hit('PM', 2);
        break;
      case 'p':
        if (at('pm')) return hit('pm', 2);
        break;
      case '-':
        if (at('-070000')) return hit('numSecondsTz', 7);
        if (at('-07:00:00')) return hit('numColonSecondsTZ', 9);
        if (at('-0700')) return hit('numTZ', 5);
        if (at('-07:00')) return hit('numColonTZ', 6);
        if (at('-07')) return hit('numShortTZ', 3);
        break;
      case 'Z':
        if (at('Z070000')) return hit('iso8601SecondsTZ', 7);
        if (at('Z07:00:00')) return hit('iso8601ColonSecondsTZ', 9);
        if (at('Z0700')) return hit('iso8601TZ', 5);
        if (at('Z07:00')) return hit('iso8601ColonTZ', 6);
        if (at('Z07')) return hit('iso8601ShortTZ', 3);
        break;
      case '.':
      case ',':
        if (i + 1 < layout.length && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
          const ch = layout[i + 1];
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          if (!isDigitAt(layout, j)) {
            return [layout.slice(0, i), { k: ch === '0' ? 'frac0' : 'frac9', s: layout.slice(i, j), digits: j - i - 1, sep: c }, layout.slice(j)];
          }
        }
        break;
    }
  }
  return [layout, undefined, ''];
}

const pad = (n: number, w: number): string => {
  const s = String(Math.abs(n)).padStart(w, '0');
  return n < 0 ? '-' + s : s;
};

function formatTime(t: GoTime, layout: string): string {
  const p = t.parts();
  let out = '';
  while (layout.length > 0) {
    const [prefix, std, suffix] = nextStd(layout);
    out += prefix;
    if (!std) break;
    layout = suffix;
    switch (std.k) {
      case 'year': out += pad(((p.year % 100) + 100) % 100, 2); break;
      case 'longYear': out += pad(p.year, 4); break;
      case 'month': out += SHORT_MONTHS[p.month - 1]; break;
      case 'longMonth': out += LONG_MONTHS[p.month - 1]; break;
      case 'numMonth': out += String(p.month); break;
      case 'zeroMonth': out += pad(p.month, 2); break;
      case 'weekDay': out += SHORT_DAYS[p.weekday]; break;
      case 'longWeekDay': out += LONG_DAYS[p.weekday]; break;
      case 'day': out += String(p.day); break;
      case 'underDay': out += (p.day < 10 ? ' ' : '') + String(p.day); break;
      case 'zeroDay': out += pad(p.day, 2); break;
      case 'underYearDay': out += String(p.yday).padStart(3, ' '); break;
      case 'zeroYearDay': out += pad(p.yday, 3); break;
      case 'hour': out += pad(p.hour, 2); break;
      case 'hour12': out += String(p.hour % 12 === 0 ? 12 : p.hour % 12); break;
      case 'zeroHour12': out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, 2); break;
      case 'minute': out += String(p.min); break;
      case 'zeroMinute': out += pad(p.min, 2); break;
      case 'second': out += String(p.sec); break;
      case 'zeroSecond': out += pad(p.sec, 2); break;
      case 'PM': out += p.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += p.hour >= 12 ? 'pm' : 'am'; break;
      case 'tz':
        if (p.abbr !== '') out += p.abbr;
        else out += zoneDigits(p.offset, false, false, false);
        break;
      case 'frac0':
      case 'frac9': {
        const digits = String(t.nsec).padStart(9, '0').slice(0, std.digits);
        if (std.k === 'frac0') out += std.sep + digits;
        else {
          const trimmed = String(t.nsec).padStart(9, '0').slice(0, std.digits).replace(/0+$/, '');
          if (trimmed) out += std.sep + trimmed;
        }
        break;
      }
      default: {
        const iso = std.k.startsWith('iso');
        if (iso && p.offset === 0) { out += 'Z'; break; }
        const colon = std.k.includes('Colon');
        const short = std.k.endsWith('ShortTZ');
        const secs = std.k.includes('Seconds');
        out += zoneDigits(p.offset, colon, short, secs);
      }
    }
  }
  return out;
}

function zoneDigits(offset: number, colon: boolean, short: boolean, secs: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const mins = Math.floor(a / 60);
  let s = sign + pad(Math.floor(mins / 60), 2);
  if (!short) s += (colon ? ':' : '') + pad(mins % 60, 2);
  if (secs) s += (colon ? ':' : '') + pad(a % 60, 2);
  return s;
}

// ---- parsing

/** Go's time.quote: double quotes; non-ASCII and control characters as \\x escapes of their UTF-8 bytes. */
function goQuoteTime(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of Buffer.from(ch, 'utf8')) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}

class BadParse extends Error {}

function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) throw new BadParse();
  if (!isDigitAt(s, 1)) {
    if (fixed) throw new BadParse();
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + Number(s[i]);
  if (i === 0 || (fixed && i !== 3)) throw new BadParse();
  return [n, s.slice(i)];
}

function lookupName(names: string[], s: string): [number, string] {
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (s.length >= n.length && s.slice(0, n.length).toLowerCase() === n.toLowerCase()) return [i, s.slice(n.length)];
  }
  throw new BadParse();
}

const commaOrPeriod = (c: string | undefined): boolean => c === '.' || c === ',';

function parseNanos(value: string, nbytes: number): [number, string] {
  if (!commaOrPeriod(value[0])) throw new BadParse();
  if (nbytes > 10) nbytes = 10;
  const digits = value.slice(1, nbytes);
  if (!/^\d*$/.test(digits) || digits === '') throw new BadParse();
  return [Number(digits) * 10 ** (10 - nbytes), ''];
}

/** Go's parseSignedOffset: length of "+hh" (any digits, value at most 23), or 0. */
function signedOffsetLength(value: string): number {
  if (value[0] !== '-' && value[0] !== '+') return 0;
  const m = /^\d+/.exec(value.slice(1));
  if (!m || BigInt(m[0]) > 23n) return 0;
  return 1 + m[0].length;
}

/** Go's parseTimeZone: how many bytes of value look like a zone abbreviation (0: none). */
function timeZoneLength(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  // GMT may carry an hour offset.
  if (value.startsWith('GMT')) return 3 + signedOffsetLength(value.slice(3));
  // Unnamed zones print as "+03" or "-04".
  if (value[0] === '+' || value[0] === '-') return signedOffsetLength(value);
  let n = 0;
  while (n < 6 && n < value.length && value[n] >= 'A' && value[n] <= 'Z') n++;
  switch (n) {
    case 5: return value[4] === 'T' ? 5 : 0;
    case 4: return value[3] === 'T' || value.startsWith('WITA') ? 4 : 0;
    case 3: return 3;
    default: return 0;
  }
}

/** time.ParseInLocation with Go's error texts. */
export function parseTime(layout: string, value: string, local: GoLocation): GoTime {
  const alayout = layout;
  const avalue = value;
  const fail = (msg: string): never => {
    throw new Error(`parsing time ${goQuoteTime(avalue)}${msg}`);
  };
  const cannot = (valueElem: string, layoutElem: string): never =>
    fail(` as ${goQuoteTime(alayout)}: cannot parse ${goQuoteTime(valueElem)} as ${goQuoteTime(layoutElem)}`);

  let year = 0, month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  let pmSet = false, amSet = false;
  let z: GoLocation | undefined;
  let zoneOffset = -1;
  let zoneName = '';

  for (;;) {
    const [prefix, std, suffix] = nextStd(layout);
    const stdstr = std ? std.s : '';
    // skip(value, prefix): spaces in the layout match runs of spaces in the value.
    let p = prefix;
    while (p.length > 0) {
      if (p[0] === ' ') {
        if (value.length > 0 && value[0] !== ' ') cannot(value, prefix);
        p = p.replace(/^ +/, '');
        value = value.replace(/^ +/, '');
        continue;
      }
      if (value.length === 0 || value[0] !== p[0]) cannot(value, prefix);
      p = p.slice(1);
      value = value.slice(1);
    }
    if (!std) {
      if (value.length !== 0) fail(`: extra text: ${goQuoteTime(value)}`);
      break;
    }
    layout = suffix;
    let rangeErr = '';
    try {
      switch (std.k) {
        case 'year': {
          if (value.length < 2) throw new BadParse();
          const y = value.slice(0, 2);
          if (!/^\d\d$/.test(y)) throw new BadParse();
          value = value.slice(2);
          year = Number(y);
          year += year >= 69 ? 1900 : 2000;
          break;
        }
        case 'longYear': {
          if (value.length < 4 || !isDigitAt(value, 0)) throw new BadParse();
          // Go consumes the four bytes before it converts them (the error shows the rest).
          const y = value.slice(0, 4);
          value = value.slice(4);
          if (!/^\d{4}$/.test(y)) throw new BadParse();
          year = Number(y);
          break;
        }
        case 'month': [month, value] = lookupName(SHORT_MONTHS, value); month++; break;
        case 'longMonth': [month, value] = lookupName(LONG_MONTHS, value); month++; break;
        case 'numMonth':
        case 'zeroMonth':
          [month, value] = getnum(value, std.k === 'zeroMonth');
          if (month <= 0 || month > 12) rangeErr = 'month';
          break;
        case 'weekDay': [, value] = lookupName(SHORT_DAYS, value); break;
        case 'longWeekDay': [, value] = lookupName(LONG_DAYS, value); break;
        case 'day':
        case 'underDay':
        case 'zeroDay':
          if (std.k === 'underDay' && value[0] === ' ') value = value.slice(1);
          [day, value] = getnum(value, std.k === 'zeroDay');
          break;
        case 'underYearDay':
        case 'zeroYearDay':
          for (let i = 0; i < 2; i++) if (std.k === 'underYearDay' && value[0] === ' ') value = value.slice(1);
          [yday, value] = getnum3(value, std.k === 'zeroYearDay');
          if (yday < 1 || yday > 366) rangeErr = 'day-of-year';
          break;
        case 'hour':
          [hour, value] = getnum(value, false);
          if (hour >= 24) rangeErr = 'hour';
          break;
        case 'hour12':
        case 'zeroHour12':
          [hour, value] = getnum(value, std.k === 'zeroHour12');
          if (hour > 12) rangeErr = 'hour';
          break;
        case 'minute':
        case 'zeroMinute':
          [min, value] = getnum(value, std.k === 'zeroMinute');
          if (min >= 60) rangeErr = 'minute';
          break;
        case 'second':
        case 'zeroSecond': {
          [sec, value] = getnum(value, std.k === 'zeroSecond');
          if (sec >= 60) { rangeErr = 'second'; break; }
          // A fraction in the value but not in the layout is accepted after seconds.
          if (value.length >= 2 && commaOrPeriod(value[0]) && isDigitAt(value, 1)) {
            const next = nextStd(layout)[1];
            if (next && (next.k === 'frac0' || next.k === 'frac9')) break;
            let n = 2;
            while (n < value.length && isDigitAt(value, n)) n++;
            const v = value;
            value = value.slice(n);
            [nsec] = parseNanos(v, n);
          }
          break;
        }
        case 'PM':
        case 'pm': {
          if (value.length < 2) throw new BadParse();
          const ap = value.slice(0, 2);
          value = value.slice(2);
          if (ap === (std.k === 'PM' ? 'PM' : 'pm')) pmSet = true;
          else if (ap === (std.k === 'PM' ? 'AM' : 'am')) amSet = true;
          else throw new BadParse();
          break;
        }
        case 'tz': {
          if (value.startsWith('UTC')) { z = UTC; value = value.slice(3); break; }
          const n = timeZoneLength(value);
          if (n === 0) throw new BadParse();
          zoneName = value.slice(0, n);
          value = value.slice(n);
          break;
        }
        case 'frac0': {
          const ndigit = 1 + std.digits;
          if (value.length < ndigit) throw new BadParse();
          const v = value;
          value = value.slice(ndigit);
          [nsec] = parseNanos(v, ndigit);
          break;
        }
        case 'frac9': {
          if (value.length < 2 || !commaOrPeriod(value[0]) || !isDigitAt(value, 1)) break;
          let i = 0;
          while (i < 9 && i + 1 < value.length && isDigitAt(value, i + 1)) i++;
          const v = value;
          value = value.slice(1 + i);
          [nsec] = parseNanos(v, 1 + i);
          break;
        }
        default: {
          // Only these three ISO forms accept "Z" when parsing (not the seconds forms).
          const isoZ = std.k === 'iso8601TZ' || std.k === 'iso8601ShortTZ' || std.k === 'iso8601ColonTZ';
          if (isoZ && value[0] === 'Z') { value = value.slice(1); z = UTC; break; }
          let sign: string, hh: string, mm: string, ss: string;
          if (std.k === 'iso8601ColonTZ' || std.k === 'numColonTZ') {
            if (value.length < 6 || value[3] !== ':') throw new BadParse();
            [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(4, 6), '00', value.slice(6)];
          } else if (std.k === 'numShortTZ' || std.k === 'iso8601ShortTZ') {
            if (value.length < 3) throw new BadParse();
            [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), '00', '00', value.slice(3)];
          } else if (std.k === 'iso8601ColonSecondsTZ' || std.k === 'numColonSecondsTZ') {
            if (value.length < 9 || value[3] !== ':' || value[6] !== ':') throw new BadParse();
            [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(4, 6), value.slice(7, 9), value.slice(9)];
          } else if (std.k === 'iso8601SecondsTZ' || std.k === 'numSecondsTz') {
            if (value.length < 7) throw new BadParse();
            [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(3, 5), value.slice(5, 7), value.slice(7)];
          } else {
            if (value.length < 5) throw new BadParse();
            [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(3, 5), '00', value.slice(5)];
          }
          const [h] = getnum(hh, true);
          const [m] = getnum(mm, true);
          const [s] = getnum(ss, true);
          zoneOffset = (h * 60 + m) * 60 + s;
          if (sign === '-') zoneOffset = -zoneOffset;
          else if (sign !== '+') throw new BadParse();
        }
      }
    } catch (e) {
      // Go reports the value as the failed element left it (some consume first).
      if (e instanceof BadParse) cannot(value, stdstr);
      throw e;
    }
    if (rangeErr) fail(`: ${rangeErr} out of range`);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = yday;
    let m = 1;
    if (isLeap(year) && d === 60) { m = 2; d = 29; }
    else {
      if (isLeap(year) && d > 60) d--;
      if (d > 365) fail(': day-of-year out of range');
      while (m < 12 && d > daysIn(m, 2001)) { d -= daysIn(m, 2001); m++; }
    }
    if (month >= 0 && month !== m) fail(': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) fail(': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) fail(': day out of range');

  const wall = daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
  if (z) return new GoTime(wallToUnix(wall, z), nsec, z);
  if (zoneOffset !== -1) {
    const unix = wall - zoneOffset;
    const { offset, abbr } = local.lookup(unix);
    if (offset === zoneOffset && (zoneName === '' || abbr === zoneName)) return new GoTime(unix, nsec, local);
    return new GoTime(unix, nsec, fixedZone(zoneName, zoneOffset));
  }
  if (zoneName !== '') {
    // A zone of the location with that name gives the offset (Location.lookupName).
    const named = local.lookupName?.(zoneName, wall);
    if (named !== undefined) return new GoTime(wall - named, nsec, local);
    if (!local.lookupName) {
      const guess = local.lookup(wall);
      if (guess.abbr === zoneName) return new GoTime(wall - guess.offset, nsec, local);
    }
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) offset = Number(zoneName.slice(3)) * 3600;
    // Go keeps the wall clock as a UTC instant here and only labels it with the
    // offset, so "10:00 GMT+5" prints as 15:00 +0500.
    return new GoTime(wall, nsec, fixedZone(zoneName, offset));
  }
  return new GoTime(wallToUnix(wall, local), nsec, local);
}

// ---- durations

/** time.Duration.String. */
export function durationString(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  const frac = (v: bigint, prec: number): [string, bigint] => {
    let s = '';
    let print = false;
    for (let i = 0; i < prec; i++) {
      const digit = v % 10n;
      print = print || digit !== 0n;
      if (print) s = digit.toString() + s;
      v /= 10n;
    }
    return [print ? '.' + s : '', v];
  };
  if (u < NS_PER_SEC) {
    let unit: string;
    let prec: number;
    if (u < 1000n) { unit = 'ns'; prec = 0; }
    else if (u < 1_000_000n) { unit = 'µs'; prec = 3; }
    else { unit = 'ms'; prec = 6; }
    const [f, whole] = frac(u, prec);
    out = whole.toString() + f + unit;
  } else {
    const [f, secsTotal] = frac(u, 9);
    u = secsTotal;
    out = (u % 60n).toString() + f + 's';
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

const UNITS: Record<string, bigint> = {
  ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: NS_PER_SEC, m: 60n * NS_PER_SEC, h: 3600n * NS_PER_SEC,
};
const INT64_MAX = (1n << 63n) - 1n;

/** time.ParseDuration with Go's error texts. */
export function parseDuration(s: string): bigint {
  const orig = s;
  const invalid = (): never => {
    throw new Error(`time: invalid duration ${goQuoteTime(orig)}`);
  };
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') invalid();
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigitAt(s, 0))) invalid();
    const intPart = /^\d*/.exec(s)![0];
    s = s.slice(intPart.length);
    let fracPart = '';
    let hasFrac = false;
    if (s[0] === '.') {
      hasFrac = true;
      s = s.slice(1);
      fracPart = /^\d*/.exec(s)![0];
      s = s.slice(fracPart.length);
    }
    if (intPart === '' && fracPart === '') invalid();
    // Go's leadingInt fails on an integer part beyond int64 before any unit check.
    if (BigInt(intPart || '0') > INT64_MAX) invalid();
    const unitMatch = /^[^\d.]*/.exec(s)![0];
    if (unitMatch === '') throw new Error(`time: missing unit in duration ${goQuoteTime(orig)}`);
    s = s.slice(unitMatch.length);
    const unit = UNITS[unitMatch];
    if (unit === undefined) throw new Error(`time: unknown unit ${goQuoteTime(unitMatch)} in duration ${goQuoteTime(orig)}`);
    const v = BigInt(intPart || '0');
    if (v > INT64_MAX / unit) invalid();
    let total = v * unit;
    if (hasFrac && fracPart !== '') {
      // Go keeps the fraction digits (up to int64 precision) and their scale as
      // floats, and truncates f * (unit / scale).
      let digits = '';
      for (const ch of fracPart) {
        if (BigInt(digits + ch) > INT64_MAX) break;
        digits += ch;
      }
      const f = Number(digits);
      const scale = 10 ** digits.length;
      total += BigInt(Math.trunc(f * (Number(unit) / scale)));
    }
    d += total;
    if (d > INT64_MAX) invalid();
  }
  return neg ? -d : d;
}
