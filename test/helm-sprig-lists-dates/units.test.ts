/**
 * Unit checks of the list, dict, semver, date and crypto functions that the
 * golden table cannot reach: named
 * slice types, the kubeVersion checker the chart loader uses, and how dates
 * and versions present themselves to toJson and field access.
 */
import { describe, expect, it } from 'vitest';
import { GoInt, GoObject, NO_FIELD, type GoValue } from '../../src/helm/go/value.js';
import { collectionFuncs as c } from '../../src/helm/sprig/collections.js';
import { semverFuncs, semverSatisfies, SemverVersion } from '../../src/helm/sprig/semver.js';
import { dateFuncs } from '../../src/helm/sprig/dates.js';
import { GoTime } from '../../src/helm/go/time.js';

process.env.TZ = 'UTC';

class VersionSet extends GoObject {
  goType(): string {
    return 'chartutil.VersionSet';
  }
  override goKind(): string {
    return 'slice';
  }
  formatV(): string {
    return '[v1 apps/v1]';
  }
  override underlying(): GoValue[] {
    return ['v1', 'apps/v1'];
  }
}

describe('named slice types', () => {
  it('list functions see the slice under a GoObject such as chartutil.VersionSet', () => {
    const vs = new VersionSet();
    expect(c.first(vs)).toBe('v1');
    expect(c.has('apps/v1', vs)).toBe(true);
    expect(c.has('batch/v1', vs)).toBe(false);
    expect(c.append(vs, 'x')).toEqual(['v1', 'apps/v1', 'x']);
  });
});

describe('semverSatisfies (Chart.yaml kubeVersion)', () => {
  it.each([
    ['>= 1.19.0-0', 'v1.20.0', true],
    ['>= 1.19.0-0', 'v1.18.9', false],
    ['>=1.16.0-0 <1.30.0-0', 'v1.29.3-eks-1234', true],
    ['>=1.16.0-0 <1.30.0-0', 'v1.30.0', false],
    ['>=1.22.0', 'v1.25.3-gke.1', false],
    ['~1.20', 'v1.20.15', true],
    ['^1.20', 'v2.0.0', false],
    ['1.19.x || 1.21.x', 'v1.21.4', true],
    ['not a constraint', 'v1.20.0', false],
    ['>=1.19', 'not a version', false],
  ])('%s with %s is %s', (constraint, version, want) => {
    expect(semverSatisfies(constraint, version)).toBe(want);
  });
});

describe('objects in templates', () => {
  it('a parsed version answers its methods as fields and marshals as its string', () => {
    const v = semverFuncs.semver('v1.2.3-rc.1+b5') as SemverVersion;
    expect(v.goType()).toBe('*semver.Version');
    expect(v.field('Major')).toEqual(new GoInt(1n, 'uint64'));
    expect(v.field('Prerelease')).toBe('rc.1');
    expect(v.field('Nope')).toBe(NO_FIELD);
    expect(v.toJSONValue()).toBe('1.2.3-rc.1+b5');
    const next = v.method('IncMinor')!() as SemverVersion;
    expect(next.goType()).toBe('semver.Version');
    // Original has a pointer receiver, so a Version value does not have it.
    expect(next.method('Original')).toBeUndefined();
    expect(next.formatV()).toBe('1.3.0');
  });

  it('a time marshals as RFC 3339 with nanoseconds, as json.Marshal does', () => {
    const t = dateFuncs.toDate('2006-01-02T15:04:05.999999999Z07:00', '2024-03-15T10:20:30.5+02:00') as GoTime;
    expect(t.toJSONValue()).toBe('2024-03-15T10:20:30.5+02:00');
    expect(t.goType()).toBe('time.Time');
    expect(t.goKind()).toBe('struct');
    expect(t.method('UnixNano')!()).toEqual(new GoInt(1710490830500000000n, 'int64'));
  });
});
