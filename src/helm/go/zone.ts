/**
 * Time zones as Go's time.LoadLocation sees them. Offsets come from Intl
 * (which knows every rule); the abbreviation Go prints for "MST" comes from
 * the same tzdata file Go reads (/usr/share/zoneinfo), because Intl only
 * knows a few English abbreviations. Without tzdata files, Intl's short name
 * is used when it is alphabetic, else Go's numeric form ("+03", "+0530").
 */
import { existsSync, readFileSync } from 'node:fs';
import { BoundedCache } from './bounded-cache.js';

export interface ZoneInfo {
  /** Seconds east of UTC. */
  offset: number;
  abbr: string;
}

export interface GoLocation {
  /** What Location.String() returns: "UTC", "Local", "Europe/Berlin", or a fixed zone's name. */
  readonly name: string;
  lookup(unixSec: number): ZoneInfo;
  /**
   * Location.lookupName: the offset of a zone of this location called `abbr`,
   * preferring one in effect around `unixSec`. Undefined when the location has
   * no such zone (or its tzdata file could not be read).
   */
  lookupName?(abbr: string, unixSec: number): number | undefined;
}

export const UTC: GoLocation = { name: 'UTC', lookup: () => ({ offset: 0, abbr: 'UTC' }) };

export function fixedZone(name: string, offset: number): GoLocation {
  return { name, lookup: () => ({ offset, abbr: name }) };
}

const ZONEINFO = '/usr/share/zoneinfo';

interface TzifAbbrs {
  /** Every zone type of the file: its offset and abbreviation. */
  zones: { offset: number; abbr: string }[];
  transitions: number[];
  /** Abbreviation in force from each transition on. */
  abbrs: string[];
  /** Before the first transition. */
  initial: string;
  /** POSIX TZ footer names for times after the last transition: [std, dst], with std's offset. */
  footer?: { std: string; dst?: string; stdOffset: number };
}

function readTzif(path: string): TzifAbbrs | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return undefined;
  }
  if (buf.length < 44 || buf.toString('latin1', 0, 4) !== 'TZif') return undefined;
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((i) => buf.readUInt32BE(at + 20 + 4 * i));
  let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0);
  let at = 44;
  let timeSize = 4;
  if (buf[4] >= 0x32) {
    // Skip the 32-bit block and read the 64-bit one.
    at += timecnt * 4 + timecnt + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(at);
    at += 44;
    timeSize = 8;
  }
  const transitions: number[] = [];
  for (let i = 0; i < timecnt; i++) {
    transitions.push(timeSize === 8 ? Number(buf.readBigInt64BE(at + 8 * i)) : buf.readInt32BE(at + 4 * i));
  }
  at += timecnt * timeSize;
  const idx = Array.from(buf.subarray(at, at + timecnt));
  at += timecnt;
  const types: { utoff: number; isdst: boolean; abbrind: number }[] = [];
  for (let i = 0; i < typecnt; i++) {
    types.push({ utoff: buf.readInt32BE(at + 6 * i), isdst: buf[at + 6 * i + 4] === 1, abbrind: buf[at + 6 * i + 5] });
  }
  at += typecnt * 6;
  const chars = buf.subarray(at, at + charcnt);
  at += charcnt + leap * (timeSize + 4) + isstd + isut;
  const name = (t: { abbrind: number }): string => {
    const end = chars.indexOf(0, t.abbrind);
    return chars.toString('latin1', t.abbrind, end < 0 ? chars.length : end);
  };
  const firstStd = types.find((t) => !t.isdst) ?? types[0];
  const out: TzifAbbrs = {
    zones: types.map((t) => ({ offset: t.utoff, abbr: name(t) })),
    transitions,
    abbrs: idx.map((i) => name(types[i])),
    initial: firstStd ? name(firstStd) : 'UTC',
  };
  if (timeSize === 8) {
    const footer = buf.toString('latin1', at).split('\n')[1];
    const m = footer ? /^(<[^>]*>|[A-Za-z]+)([-+]?\d+(?::\d+){0,2})(<[^>]*>|[A-Za-z]+)?/.exec(footer) : null;
    if (m) {
      const strip = (s: string): string => s.replace(/^<|>$/g, '');
      const [h, mi = '0', s = '0'] = m[2].replace(/^[-+]/, '').split(':');
      const west = (Number(h) * 3600 + Number(mi) * 60 + Number(s)) * (m[2].startsWith('-') ? -1 : 1);
      out.footer = { std: strip(m[1]), dst: m[3] ? strip(m[3]) : undefined, stdOffset: -west };
    }
  }
  return out;
}

function abbrFromTzif(z: TzifAbbrs, unixSec: number, offset: number): string {
  const t = z.transitions;
  if (t.length === 0 || unixSec >= t[t.length - 1]) {
    if (z.footer) return offset === z.footer.stdOffset || !z.footer.dst ? z.footer.std : z.footer.dst;
    return t.length > 0 ? z.abbrs[t.length - 1] : z.initial;
  }
  if (unixSec < t[0]) return z.initial;
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t[mid] <= unixSec) lo = mid;
    else hi = mid - 1;
  }
  return z.abbrs[lo];
}

/** Go's name for a zone without an abbreviation: "+03", "-0330". */
function numericAbbr(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const h = String(Math.floor(a / 3600)).padStart(2, '0');
  const m = Math.floor((a % 3600) / 60);
  return sign + h + (m ? String(m).padStart(2, '0') : '');
}

function intlOffset(fmt: Intl.DateTimeFormat, unixSec: number): number {
  const part = fmt.formatToParts(new Date(unixSec * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([-+])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?/.exec(part);
  if (!m) return 0;
  const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -secs : secs;
}

function intlZone(name: string, ianaId: string, tzif: TzifAbbrs | undefined): GoLocation {
  const offFmt = new Intl.DateTimeFormat('en-US', { timeZone: ianaId, timeZoneName: 'longOffset' });
  const shortFmt = new Intl.DateTimeFormat('en-US', { timeZone: ianaId, timeZoneName: 'short' });
  const loc: GoLocation = {
    name,
    lookup(unixSec: number): ZoneInfo {
      const offset = intlOffset(offFmt, unixSec);
      if (tzif) return { offset, abbr: abbrFromTzif(tzif, unixSec, offset) };
      const short = shortFmt.formatToParts(new Date(unixSec * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? '';
      return { offset, abbr: /^[A-Z]{3,5}$/.test(short) && !short.startsWith('GMT') ? short : numericAbbr(offset) };
    },
  };
  if (tzif) {
    loc.lookupName = (abbr: string, unixSec: number): number | undefined => {
      const named = tzif.zones.filter((z) => z.abbr === abbr);
      // First a zone of that name that was in effect then, else any zone of that name.
      for (const z of named) {
        const here = loc.lookup(unixSec - z.offset);
        if (here.abbr === abbr) return here.offset;
      }
      return named.length > 0 ? named[0].offset : undefined;
    };
  }
  return loc;
}

function isIntlZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Loaded zones by name (null: Go would fail); names come from templates. */
const cache = new BoundedCache<string, GoLocation | null>(256);

/** time.LoadLocation: undefined when Go would fail (Sprig then falls back to UTC). */
export function loadLocation(name: string): GoLocation | undefined {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return localLocation();
  if (cache.has(name)) return cache.get(name) ?? undefined;
  let loc: GoLocation | null = null;
  // Go refuses paths that climb out of the zoneinfo directory.
  const safe = !name.startsWith('/') && !name.split('/').includes('..') && !name.includes('\\');
  if (safe) {
    const haveFiles = existsSync(ZONEINFO);
    const tzif = haveFiles ? readTzif(`${ZONEINFO}/${name}`) : undefined;
    if ((tzif || !haveFiles) && isIntlZone(name)) loc = intlZone(name, name, tzif);
  }
  cache.set(name, loc);
  return loc ?? undefined;
}

let local: { tz: string | undefined; loc: GoLocation } | undefined;

/**
 * time.Local: the TZ variable, else /etc/localtime; named "Local". Go reads it
 * once; here it follows TZ if that changes (tests render under several zones).
 */
export function localLocation(): GoLocation {
  const tz = process.env.TZ;
  if (local && local.tz === tz) return local.loc;
  const id = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  let loc: GoLocation;
  if (tz === '' || ((id === 'UTC' || id === 'Etc/UTC') && (tz === undefined || tz === 'UTC' || tz === 'Etc/UTC'))) {
    loc = { name: 'Local', lookup: () => ({ offset: 0, abbr: 'UTC' }) };
  } else {
    const file = tz !== undefined ? `${ZONEINFO}/${tz.replace(/^:/, '')}` : '/etc/localtime';
    loc = intlZone('Local', id, readTzif(file));
  }
  local = { tz, loc };
  return loc;
}
