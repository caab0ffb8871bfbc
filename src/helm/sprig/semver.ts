/**
 * `semver` and `semverCompare`, with the behaviour of Masterminds/semver v3.4
 * (what Helm 3.21 links): loose version parsing ("v1.2" is 1.2.0), constraint
 * strings with =, !=, >, <, >=, <=, ~, ~>, ^, x/X/* wildcards, "a - b" ranges,
 * comma or space for AND and || for OR. A prerelease version only satisfies an
 * AND group in which some constraint names a prerelease (so ">=1.21-0" admits
 * "1.22.3-gke.1"). v3.2 (which the Debian reference renderer links) decided
 * that per constraint instead, and capitalised its error texts.
 */
import { GoInt, GoObject, NO_FIELD, type GoFunction, type GoValue } from '../go/value.js';
import { goTypeName, strArg } from './arguments.js';
import { declareSignatures } from './arguments.js';
import { BoundedCache } from '../go/bounded-cache.js';

const UINT64_MAX = (1n << 64n) - 1n;

const ERR_INVALID = 'invalid semantic version';
const ERR_SEGMENT_ZERO = 'version segment starts with 0';

/** A parsed version, as `semver` returns it (*semver.Version) or its Inc* methods (semver.Version). */
export class SemverVersion extends GoObject {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
    /** *semver.Version (from parsing) or a semver.Version value (from IncMajor and friends). */
    private readonly pointer = true,
  ) {
    super();
  }

  goType(): string {
    return this.pointer ? '*semver.Version' : 'semver.Version';
  }

  override goKind(): string {
    return this.pointer ? 'ptr' : 'struct';
  }

  override toString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre) s += `-${this.pre}`;
    if (this.metadata) s += `+${this.metadata}`;
    return s;
  }

  formatV(): string {
    return this.toString();
  }

  override toJSONValue(): GoValue {
    return this.toString();
  }

  override field(name: string): GoValue | typeof NO_FIELD {
    // Version has no exported fields; these names resolve to niladic methods.
    const m = this.method(name);
    if (m && ['Major', 'Minor', 'Patch', 'Prerelease', 'Metadata', 'Original', 'String'].includes(name)) return m();
    return NO_FIELD;
  }

  override method(name: string): GoFunction | undefined {
    switch (name) {
      // Major, Minor and Patch are uint64 in Masterminds/semver.
      case 'Major': return () => new GoInt(this.major, 'uint64');
      case 'Minor': return () => new GoInt(this.minor, 'uint64');
      case 'Patch': return () => new GoInt(this.patch, 'uint64');
      case 'Prerelease': return () => this.pre;
      case 'Metadata': return () => this.metadata;
      // Original has a pointer receiver: a Version value (from IncMajor...) lacks it.
      case 'Original': return this.pointer ? () => this.original : undefined;
      case 'String': return () => this.toString();
      case 'Compare': return (o) => BigInt(compareVersions(this, versionArg(o)));
      case 'LessThan': return (o) => compareVersions(this, versionArg(o)) < 0;
      case 'LessThanEqual': return (o) => compareVersions(this, versionArg(o)) <= 0;
      case 'GreaterThan': return (o) => compareVersions(this, versionArg(o)) > 0;
      case 'GreaterThanEqual': return (o) => compareVersions(this, versionArg(o)) >= 0;
      case 'Equal': return (o) => compareVersions(this, versionArg(o)) === 0;
      case 'IncPatch':
        return () => this.pre
          ? this.next(this.major, this.minor, this.patch, '', '')
          : this.next(this.major, this.minor, this.patch + 1n, '', '');
      case 'IncMinor': return () => this.next(this.major, this.minor + 1n, 0n, '', '');
      case 'IncMajor': return () => this.next(this.major + 1n, 0n, 0n, '', '');
      case 'SetPrerelease':
        return (p) => {
          const s = strArg(p);
          if (s) validatePrerelease(s);
          return this.next(this.major, this.minor, this.patch, s, this.metadata);
        };
      case 'SetMetadata':
        return (m) => {
          const s = strArg(m);
          if (s) validateMetadata(s);
          return this.next(this.major, this.minor, this.patch, this.pre, s);
        };
      default: return undefined;
    }
  }

  /** The Inc and Set methods return a value that keeps a leading "v" of the original. */
  private next(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string): SemverVersion {
    const bare = new SemverVersion(major, minor, patch, pre, metadata, '', false).toString();
    const v = this.original.startsWith('v') ? 'v' : '';
    return new SemverVersion(major, minor, patch, pre, metadata, v + bare, false);
  }
}

function versionArg(v: GoValue): SemverVersion {
  if (v instanceof SemverVersion) return v;
  throw new Error(`wrong type for value; expected *semver.Version; got ${goTypeName(v ?? null)}`);
}

const LOOSE_VERSION =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

function parseSegment(digits: string): bigint {
  const n = BigInt(digits);
  if (n > UINT64_MAX) {
    throw new Error(`error parsing version segment: strconv.ParseUint: parsing "${digits}": value out of range`);
  }
  return n;
}

function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (part === '') throw new Error('invalid prerelease string');
    if (/^[0-9]+$/.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new Error(ERR_SEGMENT_ZERO);
    } else if (!/^[0-9A-Za-z-]+$/.test(part)) {
      throw new Error('invalid prerelease string');
    }
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split('.')) {
    if (!/^[0-9A-Za-z-]+$/.test(part)) throw new Error('invalid metadata string');
  }
}

/** semver.NewVersion (with v3.4's default coercion: leading zeros in numbers are accepted). */
export function parseVersion(v: string): SemverVersion {
  const m = LOOSE_VERSION.exec(v);
  if (!m) throw new Error(ERR_INVALID);
  const major = parseSegment(m[1]);
  const minor = m[2] ? parseSegment(m[2].slice(1)) : 0n;
  const patch = m[3] ? parseSegment(m[3].slice(1)) : 0n;
  const pre = m[5] ?? '';
  const metadata = m[8] ?? '';
  if (pre) validatePrerelease(pre);
  if (metadata) validateMetadata(metadata);
  return new SemverVersion(major, minor, patch, pre, metadata, v);
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NUMERIC = /^[0-9]+$/;

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  // A part is numeric when it parses as a uint64; numbers sort before words.
  const sNum = NUMERIC.test(s) && BigInt(s) <= UINT64_MAX;
  const oNum = NUMERIC.test(o) && BigInt(o) <= UINT64_MAX;
  if (!sNum && !oNum) return s > o ? 1 : -1;
  if (!oNum) return -1;
  if (!sNum) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const ap = a.split('.');
  const bp = b.split('.');
  for (let i = 0; i < Math.max(ap.length, bp.length); i++) {
    const d = comparePrePart(ap[i] ?? '', bp[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** Version.Compare: numbers, then a prerelease sorts before its release; metadata is ignored. */
export function compareVersions(a: SemverVersion, b: SemverVersion): number {
  const d = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (d !== 0) return d;
  if (a.pre === '' && b.pre === '') return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  return comparePrerelease(a.pre, b.pre);
}

// ---- constraints

/** Go's \s in RE2 is [\t\n\f\r ], narrower than JavaScript's. */
const S = '[\\t\\n\\f\\r ]';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const CV =
  'v?([0-9|xX*]+)(\\.[0-9|xX*]+)?(\\.[0-9|xX*]+)?(-([0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*))?(\\+([0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*))?';
const CONSTRAINT = new RegExp(`^${S}*(${OPS})${S}*(${CV})${S}*$`);
const RANGE = new RegExp(`${S}*(${CV})${S}+-${S}+(${CV})${S}*`, 'g');
const FIND = new RegExp(`(${OPS})${S}*(${CV})`, 'g');
const VALID = new RegExp(`^(${S}*(${OPS})${S}*(${CV})${S}*)((?:${S}+|,${S}*)(${OPS})${S}*(${CV})${S}*)*$`);

type Op = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

interface Constraint {
  op: Op;
  con: SemverVersion;
  orig: string;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

/** A parsed constraint string: OR of AND groups, and whether each group names a prerelease. */
export interface Constraints {
  groups: Constraint[][];
  groupHasPre: boolean[];
}

const isX = (s: string): boolean => s === 'x' || s === 'X' || s === '*';

function parseOne(c: string): Constraint {
  const m = CONSTRAINT.exec(c);
  if (!m) throw new Error(`improper constraint: ${c}`);
  const op = m[1] as Op;
  const [, , whole, major, minor = '', patch = '', pre = ''] = m;
  let ver = whole;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major)) {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (minor === '' || isX(minor.slice(1))) {
    ver = `${major}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (patch === '' || isX(patch.slice(1))) {
    ver = `${major}${minor}.0${pre}`;
    dirty = patchDirty = true;
  }
  let con: SemverVersion;
  try {
    con = parseVersion(ver);
  } catch {
    throw new Error('constraint parser error');
  }
  return { op, con, orig: whole, dirty, minorDirty, patchDirty };
}

/** Rewrites each "a - b" range to ">= a, <= b " as the library does before parsing. */
function rewriteRange(c: string): string {
  let out = c;
  for (const m of c.matchAll(RANGE)) out = out.replace(m[0], () => `>= ${m[1]}, <= ${m[11]} `);
  return out;
}

/**
 * Parsed constraints by text. Charts repeat the same few constraints
 * (">=1.21-0" in every template's helper), so parsing once pays off; the
 * cache is bounded and holds only immutable results.
 */
const constraintCache = new BoundedCache<string, Constraints | Error>(512);

/** semver.NewConstraint. */
export function parseConstraints(constraint: string): Constraints {
  const hit = constraintCache.getOrCreate(constraint, () => {
    try {
      return parseConstraintsUncached(constraint);
    } catch (e) {
      return e as Error;
    }
  });
  if (hit instanceof Error) throw new Error(hit.message);
  return hit;
}

function parseConstraintsUncached(constraint: string): Constraints {
  const groups: Constraint[][] = [];
  const groupHasPre: boolean[] = [];
  for (const or of rewriteRange(constraint).split('||')) {
    if (!VALID.test(or)) throw new Error(`improper constraint: ${or}`);
    const found = Array.from(or.matchAll(FIND), (m) => m[0]);
    const parsed = (found.length > 0 ? found : [or]).map(parseOne);
    groups.push(parsed);
    groupHasPre.push(parsed.some((c) => c.con.pre !== ''));
  }
  return { groups, groupHasPre };
}

function checkOne(v: SemverVersion, c: Constraint): boolean {
  const con = c.con;
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : compareVersions(v, con) === 0;
    case '!=':
      if (c.dirty) {
        if (con.major !== v.major) return true;
        if (con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.pre !== '' || con.pre !== '') return comparePrerelease(v.pre, con.pre) !== 0;
          return false;
        }
      }
      return compareVersions(v, con) !== 0;
    case '>':
      if (!c.dirty) return compareVersions(v, con) > 0;
      if (v.major > con.major) return true;
      if (v.major < con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > con.minor;
      return compareVersions(v, con) > 0;
    case '<':
      return compareVersions(v, con) < 0;
    case '>=':
    case '=>':
      return compareVersions(v, con) >= 0;
    case '<=':
    case '=<':
      if (!c.dirty) return compareVersions(v, con) <= 0;
      if (v.major > con.major) return false;
      if (v.major === con.major && v.minor > con.minor && !c.minorDirty) return false;
      return true;
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      return caret(v, c);
  }
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  const con = c.con;
  if (compareVersions(v, con) < 0) return false;
  // ~0.0.0 accepts everything, like >=0.0.0.
  if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== con.major) return false;
  if (v.minor !== con.minor && !c.minorDirty) return false;
  return true;
}

function caret(v: SemverVersion, c: Constraint): boolean {
  const con = c.con;
  if (compareVersions(v, con) < 0) return false;
  if (con.major > 0n || c.minorDirty) return v.major === con.major;
  if (v.major > 0n) return false;
  if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
  if (v.minor > 0n) return false;
  return v.patch === con.patch;
}

/** Constraints.Check: some OR group whose every constraint holds. */
export function checkConstraints(cs: Constraints, v: SemverVersion): boolean {
  return cs.groups.some((group, i) => {
    // A prerelease version only counts when its group asks for prereleases.
    if (v.pre !== '' && !cs.groupHasPre[i]) return false;
    return group.every((c) => checkOne(v, c));
  });
}

/**
 * Whether `version` satisfies `constraint`, as Helm checks a chart's
 * kubeVersion: an unparsable constraint or version is simply not satisfied.
 */
export function semverSatisfies(constraint: string, version: string): boolean {
  try {
    return checkConstraints(parseConstraints(constraint), parseVersion(version));
  } catch {
    return false;
  }
}

export const semverFuncs: Record<string, GoFunction> = declareSignatures({
  semver: (v) => parseVersion(strArg(v)),
  semverCompare: (constraint, version) => {
    const cs = parseConstraints(strArg(constraint));
    return checkConstraints(cs, parseVersion(strArg(version)));
  },
}, { semver: 'string', semverCompare: 'string,string' });
