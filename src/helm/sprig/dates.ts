/**
 * Sprig's date functions. Dates are Go time.Time values (GoTime) formatted
 * with Go layouts ("2006-01-02"), not strftime. Like Go, `date` and friends
 * take a time.Time or an integer count of Unix seconds and use the current
 * time for anything else; an unknown zone name means UTC.
 *
 * Go tells `int` (template constants) from `int64` (what add, mul, toInt64
 * return); the value model does not, so integers are treated as int64 here:
 * `duration 90` is "1m30s" where Go says "0s" because a constant is an int.
 */
import type { GoFunction, GoValue } from '../template/value.js';
import { strArg } from './_p2-govalue.js';
import { declareSignatures } from './_p2-govalue.js';
import { GoTime, NS_PER_SEC, durationString, parseDuration, parseTime, timeArg } from './_p2-gotime.js';
import { UTC, loadLocation, localLocation } from './_p2-gozone.js';

/** Monotonic readings are measured from the first call, as Go's are from process start. */
const monoStart = process.hrtime.bigint();

function now(): GoTime {
  const ns = BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);
  return GoTime.fromUnixNano(ns, localLocation(), process.hrtime.bigint() - monoStart + 1n);
}

/** The time a date argument stands for: a time, Unix seconds, or now. */
function dateValue(date: GoValue): GoTime {
  if (date instanceof GoTime) return date;
  if (typeof date === 'bigint') return new GoTime(Number(BigInt.asIntN(64, date)), 0, localLocation());
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
  const t = date instanceof GoTime ? date : typeof date === 'bigint' ? dateValue(date) : now();
  return durationString(roundToSecond(sinceNs(t)));
}

function duration(sec: GoValue): string {
  let n = 0n;
  if (typeof sec === 'string') {
    // strconv.ParseInt; on error Go keeps 0.
    n = /^[+-]?\d+$/.test(sec) ? BigInt(sec) : 0n;
    if (n > (1n << 63n) - 1n || n < -(1n << 63n)) n = 0n;
  } else if (typeof sec === 'bigint') {
    n = sec;
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
  } else if (typeof value === 'bigint') {
    d = BigInt.asIntN(64, value);
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
  htmlDateInZone: 'any,string', dateModify: 'string,any', date_modify: 'string,any', mustDateModify: 'string,any',
  must_date_modify: 'string,any', toDate: 'string,string', mustToDate: 'string,string', unixEpoch: 'any', ago: 'any',
  duration: 'any', durationRound: 'any',
});
