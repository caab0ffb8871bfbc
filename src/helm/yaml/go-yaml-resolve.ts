/**
 * yaml.v2's implicit typing of plain scalars (YAML 1.1 with go-yaml's own
 * choices). The emitter uses it to decide when a string must be quoted; the
 * loader uses it to type plain scalars. Rules, in yaml.v2's order:
 * - the first character decides whether any typing is tried at all
 *   (sign, digit, one of yYnNtTfFoO~, '.', or the empty string);
 * - exact words: y/yes/true/on..., n/no/false/off..., ~/null, .inf/.nan, <<;
 * - then timestamps (YYYY-M-D[(T|t| )h:m:s[.frac][Z|±hh:mm]]), which decode
 *   to strings for interface{} targets but still count as non-strings;
 * - then Go integers with base prefixes (underscores dropped): 0x1F, 0o17,
 *   0b101, 0777 (octal), +5; then uint64; then floats like 1e3, .5, 08.
 */

import { goParseInt } from '../go/strconv.js';

export type ResolvedScalar =
  | { tag: 'str'; value: string }
  | { tag: 'null'; value: null }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: bigint }
  | { tag: 'float'; value: number }
  | { tag: 'timestamp'; value: string }
  | { tag: 'merge'; value: string };

const WORDS: Record<string, ResolvedScalar> = {};
function words(list: string[], r: ResolvedScalar): void {
  for (const w of list) WORDS[w] = r;
}
words(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'], { tag: 'bool', value: true });
words(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'], { tag: 'bool', value: false });
words(['', '~', 'null', 'Null', 'NULL'], { tag: 'null', value: null });
words(['.nan', '.NaN', '.NAN'], { tag: 'float', value: NaN });
words(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'], { tag: 'float', value: Infinity });
words(['-.inf', '-.Inf', '-.INF'], { tag: 'float', value: -Infinity });
words(['<<'], { tag: 'merge', value: '<<' });

/** Which first characters let a scalar be anything but a string. */
function hintOf(s: string): string | undefined {
  if (s === '') return 'N';
  const c = s[0];
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return undefined;
}

/** strconv.ParseInt/ParseUint(s, 0, 64), as go-yaml calls them (underscores already removed). */
function parseGoInt(s: string, signed: boolean): bigint | undefined {
  const r = goParseInt(s, 0, signed);
  return r.ok ? r.value : undefined;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** strconv.ParseFloat for the decimal syntax YAML_STYLE_FLOAT admits; undefined when out of range. */
function parseGoFloat(s: string): number | undefined {
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1];
  return d <= max;
}

const TS_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TS_ZONED = /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const TS_SPACED = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?$/;

/** yaml.v2's parseTimestamp: the layouts it tries with Go's time.Parse and its range checks. */
export function isYamlTimestamp(s: string): boolean {
  // Every layout starts with four digits and a dash (yaml.v2's own quick check).
  if (s.length < 8 || s.charCodeAt(4) !== 0x2d) return false;
  for (const re of [TS_ZONED, TS_SPACED, TS_DATE]) {
    const m = re.exec(s);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) continue;
    if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) continue;
    return true;
  }
  return false;
}

/** yaml.v2 resolve("", s) for a plain scalar. */
export function resolvePlain(s: string): ResolvedScalar {
  const hint = hintOf(s);
  if (hint === undefined) return { tag: 'str', value: s };
  const w = WORDS[s];
  if (w) return w;
  if (hint === '.') {
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) {
      const f = parseGoFloat(s);
      if (f !== undefined) return { tag: 'float', value: f };
    }
    return { tag: 'str', value: s };
  }
  if (hint === 'D' || hint === 'S') {
    if (isYamlTimestamp(s)) return { tag: 'timestamp', value: s };
    const plain = s.replace(/_/g, '');
    const i = parseGoInt(plain, true);
    if (i !== undefined) return { tag: 'int', value: i };
    const u = parseGoInt(plain, false);
    if (u !== undefined) return { tag: 'int', value: u };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = parseGoFloat(plain);
      if (f !== undefined) return { tag: 'float', value: f };
    }
  }
  return { tag: 'str', value: s };
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** yaml.v2 still quotes YAML 1.1 base-60 numbers such as 1:20 on output, though it no longer reads them. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}
