/**
 * Helm's IsCompatibleRange (Masterminds/semver v3 constraints): used for a
 * chart's kubeVersion and for matching dependencies to the charts in
 * charts/. Supports `||`, `,`/space conjunctions, = != > < >= <= ~ ~> ^,
 * x/X/* wildcards and hyphen ranges; a prerelease version only satisfies a
 * comparison whose own version carries a prerelease, as in Masterminds.
 */

interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: string;
}

const VERSION = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function parseVersion(s: string): Version | undefined {
  const m = VERSION.exec(s);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), pre: m[4] ?? '' };
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (i >= x.length) return -1;
    if (i >= y.length) return 1;
    const xn = /^[0-9]+$/.test(x[i]);
    const yn = /^[0-9]+$/.test(y[i]);
    if (xn && yn) {
      const d = Number(x[i]) - Number(y[i]);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else if (xn) return -1;
    else if (yn) return 1;
    else if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major < b.major ? -1 : 1;
  if (a.minor !== b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch !== b.patch) return a.patch < b.patch ? -1 : 1;
  return comparePre(a.pre, b.pre);
}

/** A constraint version with wildcard information ("1.2.x" has minorSet, patch wild). */
interface CVersion extends Version {
  /** How many of major/minor/patch were given as numbers (wildcards and omissions stop it). */
  fixed: number;
  /** Whether the text was only a wildcard ("*", "x"). */
}

const CVERSION = /^v?([0-9]+|[xX*])(?:\.([0-9]+|[xX*]))?(?:\.([0-9]+|[xX*]))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function parseCVersion(s: string): CVersion | undefined {
  const m = CVERSION.exec(s);
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]];
  let fixed = 0;
  for (const p of parts) {
    if (p === undefined || /[xX*]/.test(p)) break;
    fixed++;
  }
  const num = (p: string | undefined, i: number) => (i < fixed ? Number(p) : 0);
  return { major: num(parts[0], 0), minor: num(parts[1], 1), patch: num(parts[2], 2), pre: m[4] ?? '', fixed };
}

type Check = (v: Version) => boolean;

function next(c: CVersion, level: number): Version {
  if (level === 0) return { major: c.major + 1, minor: 0, patch: 0, pre: '' };
  if (level === 1) return { major: c.major, minor: c.minor + 1, patch: 0, pre: '' };
  return { major: c.major, minor: c.minor, patch: c.patch + 1, pre: '' };
}

function compileOne(op: string, c: CVersion): Check {
  const base: Version = { major: c.major, minor: c.minor, patch: c.patch, pre: c.pre };
  // Masterminds: a prerelease version fails unless the constraint itself names a prerelease.
  const preOk = (v: Version) => v.pre === '' || c.pre !== '';
  const cmp = (v: Version) => compareVersions(v, base);
  switch (op) {
    case '':
    case '=':
      if (c.fixed === 3) return (v) => preOk(v) && cmp(v) === 0;
      if (c.fixed === 0) return (v) => preOk(v);
      return (v) => preOk(v) && cmp(v) >= 0 && compareVersions(v, next(c, c.fixed - 1)) < 0;
    case '!=':
      if (c.fixed === 3) return (v) => preOk(v) && cmp(v) !== 0;
      if (c.fixed === 0) return () => false;
      return (v) => preOk(v) && !(cmp(v) >= 0 && compareVersions(v, next(c, c.fixed - 1)) < 0);
    case '>':
      if (c.fixed === 3) return (v) => preOk(v) && cmp(v) > 0;
      if (c.fixed === 0) return () => false;
      return (v) => preOk(v) && compareVersions(v, next(c, c.fixed - 1)) >= 0;
    case '>=':
    case '=>':
      return (v) => preOk(v) && cmp(v) >= 0;
    case '<':
      return (v) => preOk(v) && cmp(v) < 0;
    case '<=':
    case '=<':
      if (c.fixed === 3) return (v) => preOk(v) && cmp(v) <= 0;
      if (c.fixed === 0) return (v) => preOk(v);
      return (v) => preOk(v) && compareVersions(v, next(c, c.fixed - 1)) < 0;
    case '~':
    case '~>': {
      const upper = c.fixed <= 1 ? next(c, 0) : next(c, 1);
      return (v) => preOk(v) && cmp(v) >= 0 && compareVersions(v, upper) < 0;
    }
    case '^': {
      let upper: Version;
      if (c.major > 0 || c.fixed <= 1) upper = next(c, 0);
      else if (c.minor > 0 || c.fixed === 2) upper = next(c, 1);
      else upper = next(c, 2);
      return (v) => preOk(v) && cmp(v) >= 0 && compareVersions(v, upper) < 0;
    }
  }
  return () => false;
}

const CONSTRAINT = /^\s*(!=|>=|=>|<=|=<|~>|[=<>~^])?\s*(\S+)\s*$/;

/** Compiles a constraint string; undefined when Masterminds would reject it. */
export function compileConstraint(text: string): Check | undefined {
  const groups: Check[][] = [];
  for (const orPart of text.split('||')) {
    const checks: Check[] = [];
    let s = orPart.trim();
    // Hyphen ranges: "1.2 - 1.4"
    s = s.replace(/(\S+)\s+-\s+(\S+)/g, '>=$1,<=$2');
    // Operators may be separated from their version by blanks: ">= 1.2".
    s = s.replace(/(!=|>=|=>|<=|=<|~>|[=<>~^])\s+/g, '$1');
    const items = s.split(/[\s,]+/).filter((x) => x !== '');
    // An empty constraint means "*" in Masterminds.
    if (items.length === 0) items.push('*');
    for (const item of items) {
      const m = CONSTRAINT.exec(item);
      if (!m) return undefined;
      const cv = parseCVersion(m[2]);
      if (!cv) return undefined;
      checks.push(compileOne(m[1] ?? '', cv));
    }
    groups.push(checks);
  }
  return (v) => groups.some((g) => g.every((c) => c(v)));
}

/** Helm's chartutil.IsCompatibleRange. */
export function isCompatibleRange(constraint: string, version: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  const check = compileConstraint(constraint);
  if (!check) return false;
  return check(v);
}
