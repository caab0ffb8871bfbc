/**
 * toToml and fromToml: BurntSushi/toml's Encoder (Helm's toToml, default
 * two-space indent for nested tables) and its decoding into
 * map[string]interface{} (integers int64, floats float64, date-times
 * time.Time). Parsing uses smol-toml; the Go value mapping and the encoder's
 * layout follow BurntSushi/toml.
 */
import { formatFloat } from '../go/float-format.js';
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { burntSushiError } from './toml-errors.js';
import { GoObject, goInt64, isGoMap, type GoMap, type GoValue } from '../go/value.js';
import { GoTime } from '../go/time.js';
import { fixedZone } from '../go/zone.js';
import { compareGoStrings } from '../go/utf8.js';

class TomlEncodeError extends Error {}

const TOML_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

/** BurntSushi's dblQuotedReplacer: short escapes, other controls and DEL as \u00XX, everything else raw. */
function quoteToml(s: string): string {
  return (
    '"' +
    s.replace(/["\\\u0000-\u001f\u007f]/g, (c) => TOML_ESCAPES[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) +
    '"'
  );
}

function isBareKeyChar(c: string): boolean {
  return /^[A-Za-z0-9_-]$/.test(c);
}

function quoteKeyPart(k: string): string {
  if (k === '') return '""';
  for (const c of k) if (!isBareKeyChar(c)) return quoteToml(k);
  return k;
}

type TomlType = 'hash' | 'arrayHash' | 'array' | 'scalar' | undefined;

function unwrap(v: GoValue): GoValue {
  return v instanceof GoObject && !(v instanceof GoTime) ? v.toJSONValue() : v;
}

function tomlTypeOf(v: GoValue): TomlType {
  v = unwrap(v);
  if (v === null || v === undefined) return undefined;
  if (isGoMap(v)) return 'hash';
  if (Array.isArray(v)) {
    if (v.length === 0) return 'array';
    let allHashes = true;
    for (const e of v) {
      const t = tomlTypeOf(e);
      if (t === undefined) throw new TomlEncodeError('toml: cannot encode array with nil element');
      if (t !== 'hash') allHashes = false;
    }
    return allHashes ? 'arrayHash' : 'array';
  }
  if (typeof v === 'function') throw new TomlEncodeError('toml: unsupported type: func');
  return 'scalar';
}

/** strconv.FormatFloat(f, 'f', -1, 64) plus ".0" when there is no decimal point. */
function tomlFloat(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f < 0 ? '-inf' : '+inf';
  const s = formatFloat(f, 'f', -1);
  return s.includes('.') ? s : s + '.0';
}

class TomlEncoder {
  private out = '';
  private readonly indent = '  ';

  private write(s: string): void {
    this.out += s;
  }
  private newline(): void {
    if (this.out.length > 0) this.write('\n');
  }
  private indentStr(key: string[]): string {
    return this.indent.repeat(Math.max(key.length - 1, 0));
  }
  private keyString(key: string[]): string {
    return key.map(quoteKeyPart).join('.');
  }

  encodeTop(v: GoValue): string {
    this.encode([], v);
    return this.out;
  }

  private encode(key: string[], v: GoValue): void {
    v = unwrap(v);
    if (v === null || v === undefined) return;
    if (isGoMap(v)) return this.table(key, v);
    if (Array.isArray(v) && tomlTypeOf(v) === 'arrayHash') return this.arrayOfTables(key, v);
    this.keyValue(key, v, false);
  }

  private keyValue(key: string[], v: GoValue, inline: boolean): void {
    if (key.length === 0) throw new TomlEncodeError('toml: top-level values must be Go maps or structs');
    this.write(`${this.indentStr(key)}${quoteKeyPart(key[key.length - 1])} = `);
    this.element(v);
    if (!inline) this.newline();
  }

  private element(v: GoValue): void {
    v = unwrap(v);
    if (v instanceof GoTime) return this.write(v.format('2006-01-02T15:04:05.999999999Z07:00'));
    if (typeof v === 'string') return this.write(quoteToml(v));
    if (typeof v === 'boolean') return this.write(String(v));
    if (typeof v === 'bigint') return this.write(v.toString());
    if (typeof v === 'number') return this.write(tomlFloat(v));
    if (v instanceof Uint8Array) return this.element(Array.from(v, (b) => BigInt(b)));
    if (Array.isArray(v)) {
      this.write('[');
      v.forEach((e, i) => {
        this.element(e);
        if (i !== v.length - 1) this.write(', ');
      });
      this.write(']');
      return;
    }
    if (isGoMap(v)) return this.map([], v, true);
    throw new TomlEncodeError(`toml: unexpected type: ${typeof v}`);
  }

  private table(key: string[], m: GoMap): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.write(`${this.indentStr(key)}[${this.keyString(key)}]`);
      this.newline();
    }
    this.map(key, m, false);
  }

  private arrayOfTables(key: string[], list: GoValue[]): void {
    if (key.length === 0) throw new TomlEncodeError('toml: top-level values must be Go maps or structs');
    for (const e of list) {
      const t = unwrap(e);
      if (t === null || t === undefined) continue;
      this.newline();
      this.write(`${this.indentStr(key)}[[${this.keyString(key)}]]`);
      this.newline();
      this.map(key, t as GoMap, false);
    }
  }

  /** Plain keys first, then sub-tables, each group in byte order; nil values are left out. */
  private map(key: string[], m: GoMap, inline: boolean): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(m)) {
      const t = tomlTypeOf(m[k]);
      (t === 'hash' || t === 'arrayHash' ? sub : direct).push(k);
    }
    const writeKeys = (keys: string[], trailingComma: boolean): void => {
      keys.sort(compareGoStrings);
      keys.forEach((k, i) => {
        const v = unwrap(m[k]);
        if (v === null || v === undefined) return;
        if (inline) {
          this.keyValue([k], v, true);
          if (trailingComma || i !== keys.length - 1) this.write(', ');
        } else this.encode([...key, k], v);
      });
    };
    if (inline) this.write('{');
    writeKeys(direct, sub.length > 0);
    writeKeys(sub, false);
    if (inline) this.write('}');
  }
}

/**
 * Helm's toToml: the encoded text, or throws TomlEncodeError (which toToml
 * prints as its output). A nil value makes the Go encoder panic inside
 * reflect, which fails the template instead; that is a plain Error here.
 */
export function encodeToml(v: GoValue): string {
  if (v === null || v === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  return new TomlEncoder().encodeTop(v);
}

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

function tomlDateToGo(d: TomlDate): GoTime {
  const iso = d.toISOString();
  if (d.isTime()) {
    // A local time is a time of day on January 1 of year 0 in BurntSushi's "time-local" zone.
    const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?/.exec(iso) as RegExpExecArray;
    const sec = -62167219200 + Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    return new GoTime(sec, Number((m[4] ?? '').padEnd(9, '0').slice(0, 9)), fixedZone('time-local', 0));
  }
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(iso);
  if (!m) throw new Error(`toml: invalid datetime ${iso}`);
  const utcMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  let offset = 0;
  let name = d.isDate() ? 'date-local' : 'datetime-local';
  if (!d.isLocal()) {
    name = '';
    if (m[8] && m[8] !== 'Z') {
      const sign = m[8][0] === '-' ? -1 : 1;
      offset = sign * (Number(m[8].slice(1, 3)) * 3600 + Number(m[8].slice(4, 6)) * 60);
    }
  }
  const nsec = Number((m[7] ?? '').padEnd(9, '0').slice(0, 9));
  const loc = !d.isLocal() && offset === 0 ? fixedZone('UTC', 0) : fixedZone(name, offset);
  return new GoTime(Math.floor(utcMs / 1000) - offset, nsec, loc);
}

function tomlToGo(v: unknown): GoValue {
  if (v instanceof TomlDate) return tomlDateToGo(v);
  // BurntSushi/toml decodes integers into interface{} as int64.
  if (typeof v === 'bigint') return goInt64(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(tomlToGo);
  const m: GoMap = Object.create(null);
  for (const [k, e] of Object.entries(v as Record<string, unknown>)) m[k] = tomlToGo(e);
  return m;
}

/**
 * toml.Unmarshal into map[string]interface{}. Throws Error("toml: line N: ...")
 * worded as BurntSushi/toml v1.6 (Helm 3.21) words the common errors
 * (toml-errors.ts); other errors keep smol-toml's wording.
 */
export function decodeToml(text: string): GoMap {
  try {
    return tomlToGo(parseToml(text, { integersAsBigInt: true })) as GoMap;
  } catch (e) {
    if (e instanceof TomlError) {
      const first = e.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
      throw new Error(burntSushiError(text, e) ?? `toml: line ${e.line}: ${first}`);
    }
    throw e;
  }
}

export { TomlEncodeError };
