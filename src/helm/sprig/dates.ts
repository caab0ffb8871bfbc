/**
 * Sprig's date functions. Dates are Go time.Time values (GoTime) formatted
 * with Go layouts ("2006-01-02"), not strftime. Like Go, `date` and friends
 * take a time.Time or an integer count of Unix seconds and use the current
 * time for anything else; an unknown zone name means UTC.
 *
 * Sprig switches on Go types here, and Go tells `int` (template constants,
 * len, atoi) from `int64` (add, mul, int64, .Unix): `duration 90` is "0s"
 * because a constant is an int, `duration (int64 90)` is "1m30s".
 */
import { GoInt, type GoFunction, type GoValue } from '../go/value.js';
import { strArg } from './arguments.js';
import { declareSignatures } from './arguments.js';
import { GoTime, NS_PER_SEC, durationString, parseDuration, parseTime, timeArg } from '../go/time.js';
import { UTC, loadLocation, localLocation } from '../go/zone.js';

/** Monotonic readings are measured from the first call, as Go's are from process start. */
const monoStart = process.hrtime.bigint();

function now(): GoTime {
  const ns = BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);
  return GoTime.fromUnixNano(ns, localLocation(), process.hrtime.bigint() - monoStart + 1n);
}

/** Unix seconds of an int, int64 or int32 (the integer types Sprig's date switches accept); else undefined. */
function unixSeconds(date: GoValue, withInt32: boolean): bigint | undefined {
  if (typeof date === 'bigint') return date;
  if (date instanceof GoInt && (date.kind === 'int64' || (withInt32 && date.kind === 'int32'))) return date.value;
  return undefined;
}

/** The time a date argument stands for: a time, Unix seconds (int, int64, int32), or now. */
function dateValue(date: GoValue, withInt32 = true): GoTime {
  if (date instanceof GoTime) return date;
  const sec = unixSeconds(date, withInt32);
  if (sec !== undefined) return new GoTime(Number(BigInt.asIntN(64, sec)), 0, localLocation());
  return now();
}

function dateInZone(fmt: GoValue, date: GoValue, zone: GoValue): string {
  const loc = loadLocation(strArg(zone)) ?? UTC;
  return dateValue(date).in(loc).format(strArg(fmt));
}

function dateModify(fmt: GoValue, date: GoValue): GoValue {
  const t = timeArg(date);
  let d: bigint;
  try {
    d = parseDuration(strArg(fmt));
  } catch {
    return t;
  }
  return t.add(d);
}

function mustDateModify(fmt: GoValue, date: GoValue): GoValue {
  const t = timeArg(date);
  return t.add(parseDuration(strArg(fmt)));
}

/** time.Duration.Round(time.Second): halfway rounds away from zero. */
function roundToSecond(ns: bigint): bigint {
  const r = ns % NS_PER_SEC;
  const abs = r < 0n ? -r : r;
  let out = ns - r;
  if (abs + abs >= NS_PER_SEC) out += ns < 0n ? -NS_PER_SEC : NS_PER_SEC;
  return out;
}

function sinceNs(t: GoTime): bigint {
  return now().unixNano() - t.unixNano();
}

function ago(date: GoValue): string {
  // dateAgo's switch has time.Time, int64 and int (no int32).
  const t = dateValue(date, false);
  return durationString(roundToSecond(sinceNs(t)));
}

function duration(sec: GoValue): string {
  let n = 0n;
  if (typeof sec === 'string') {
    // strconv.ParseInt; on error Go keeps 0.
    n = /^[+-]?\d+$/.test(sec) ? BigInt(sec) : 0n;
    if (n > (1n << 63n) - 1n || n < -(1n << 63n)) n = 0n;
  } else if (sec instanceof GoInt && sec.kind === 'int64') {
    n = sec.value;
  }
  return durationString(BigInt.asIntN(64, n * NS_PER_SEC));
}

function durationRound(value: GoValue): string {
  let d = 0n;
  if (typeof value === 'string') {
    try {
      d = parseDuration(value);
    } catch {
      d = 0n;
    }
  } else if (value instanceof GoInt && value.kind === 'int64') {
    d = value.value;
  } else if (value instanceof GoTime) {
    d = sinceNs(value);
  }
  const u = d < 0n ? -d : d;
  const second = NS_PER_SEC;
  const minute = 60n * second;
  const hour = 60n * minute;
  const day = 24n * hour;
  const units: [bigint, string][] = [[365n * day, 'y'], [30n * day, 'mo'], [day, 'd'], [hour, 'h'], [minute, 'm'], [second, 's']];
  for (const [size, name] of units) if (u > size) return `${u / size}${name}`;
  return '0s';
}

function toDate(fmt: GoValue, str: GoValue): GoValue {
  try {
    return parseTime(strArg(fmt), strArg(str), localLocation());
  } catch {
    return GoTime.zero();
  }
}

export const dateFuncs: Record<string, GoFunction> = declareSignatures({
  now,
  date: (fmt, date) => dateInZone(fmt, date, 'Local'),
  dateInZone,
  date_in_zone: dateInZone,
  htmlDate: (date) => dateInZone('2006-01-02', date, 'Local'),
  htmlDateInZone: (date, zone) => dateInZone('2006-01-02', date, zone),
  dateModify,
  date_modify: dateModify,
  mustDateModify,
  must_date_modify: mustDateModify,
  toDate,
  mustToDate: (fmt, str) => parseTime(strArg(fmt), strArg(str), localLocation()),
  unixEpoch: (date) => String(timeArg(date).sec),
  ago,
  duration,
  durationRound,
}, {
  now: '', date: 'string,any', dateInZone: 'string,any,string', date_in_zone: 'string,any,string', htmlDate: 'any',
  htmlDateInZone: 'any,string', dateModify: 'string,type:time.Time', date_modify: 'string,type:time.Time',
  mustDateModify: 'string,type:time.Time', must_date_modify: 'string,type:time.Time', toDate: 'string,string',
  mustToDate: 'string,string', unixEpoch: 'type:time.Time', ago: 'any',
  duration: 'any', durationRound: 'any',
});
