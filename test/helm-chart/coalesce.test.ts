import { describe, expect, it } from 'vitest';
import { Chart } from '../../src/helm/chart/chart.js';
import { coalesceValues, mergeMaps } from '../../src/helm/chart/coalesce.js';
import { emptyMetadata } from '../../src/helm/chart/metadata.js';
import { processDependencies } from '../../src/helm/chart/dependencies.js';
import { readValuesFile } from '../../src/helm/chart/values-yaml.js';
import { getOrigin, type GoMap } from '../../src/helm/go/value.js';

function chart(name: string, values: string, deps: Chart[] = [], depMeta?: Partial<ReturnType<typeof emptyMetadata>>): Chart {
  const md = { ...emptyMetadata(), name, version: '0.1.0', apiVersion: 'v2', ...depMeta };
  const c = new Chart(md, readValuesFile(values, `${name}/values.yaml`));
  c.addDependency(...deps);
  return c;
}

function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}

describe('coalescing values', () => {
  it('puts user values over defaults, subchart defaults under the subchart name, globals down', () => {
    const sub = chart('backend', 'replicas: 1\nimage: {tag: local}\nglobal: {env: sub}\n');
    const parent = chart('todo', 'global: {env: dev, domain: x}\nbackend: {replicas: 2}\nfrontend: {}\n', [sub]);
    const warnings: string[] = [];
    const out = coalesceValues((m) => warnings.push(m), parent, readValuesFile('backend: {image: {tag: v2}}\n', 'user.yaml'));
    expect(plain(out)).toEqual({
      global: { env: 'dev', domain: 'x' },
      frontend: {},
      backend: { replicas: 2, image: { tag: 'v2' }, global: { env: 'dev', domain: 'x' } },
    });
    expect(warnings).toEqual([]);
    // Origins follow the values: the tag came from the user's file, replicas from the parent's values.yaml.
    expect(getOrigin((out.backend as GoMap).image as object, 'tag')).toMatchObject({ file: 'user.yaml', line: 1 });
    expect(getOrigin(out.backend as object, 'replicas')).toMatchObject({ file: 'todo/values.yaml', line: 2, column: 21 });
  });

  it('deletes a default when the user sets it to null', () => {
    const c = chart('c', 'a: 1\nb: {x: 1, y: 2}\n');
    const out = coalesceValues(() => {}, c, readValuesFile('a: null\nb: {y: null}\n', 'u.yaml'));
    expect(plain(out)).toEqual({ b: { x: 1 } });
  });

  it('warns like Helm on tables versus non-tables', () => {
    const c = chart('c', 'a: {x: 1}\nb: 3\n');
    const warnings: string[] = [];
    const out = coalesceValues((m) => warnings.push(m), c, readValuesFile('a: 5\nb: {z: 1}\n', 'u.yaml'));
    expect(plain(out)).toEqual({ a: 5, b: { z: 1 } });
    expect(warnings).toEqual(['warning: skipped value for c.b: Not a table.']);
    const w2: string[] = [];
    const sub = chart('s', 'tls: {auto: false, ca: {k: 1}}\n');
    coalesceValues((m) => w2.push(m), chart('p', 's: {tls: {auto: {a: 1}, ca: 0.000001}}\n', [sub]), null);
    expect(w2).toEqual([
      'warning: destination for p.s.tls.auto is a table. Ignoring non-table value (false)',
      'warning: cannot overwrite table with non table for p.s.tls.ca (map[k:1])',
    ]);
  });

  it('reads YAML 1.1 keys as Helm does (y becomes "true")', () => {
    expect(plain(readValuesFile('y: 1\nn: 2\non: 3\n', 'v.yaml'))).toEqual({ true: 3, false: 2 });
  });

  it('mergeMaps merges maps and replaces everything else', () => {
    const a = readValuesFile('m: {a: 1, b: 2}\nl: [1, 2]\n', 'a.yaml');
    const b = readValuesFile('m: {b: 3}\nl: [9]\n', 'b.yaml');
    expect(plain(mergeMaps(a, b))).toEqual({ m: { a: 1, b: 3 }, l: [9] });
  });
});

describe('dependencies', () => {
  const deps = (extra = '') => [
    { ...dep('frontend'), condition: 'frontend.enabled' },
    { ...dep('backend'), tags: ['api'] },
    { ...dep('backend'), alias: 'worker' },
    ...(extra ? [dep(extra)] : []),
  ];
  function dep(name: string) {
    return { name, version: '~0.1.0', repository: '', condition: '', tags: [] as string[], enabled: false, importValues: [], alias: '' };
  }

  it('applies conditions, tags and aliases', () => {
    const parent = chart('todo', 'frontend: {enabled: false}\ntags: {api: true}\n', [chart('frontend', 'x: 1\n'), chart('backend', 'port: 8000\n')], {
      dependencies: deps(),
    });
    processDependencies(() => {}, parent, Object.create(null) as GoMap);
    expect(parent.dependencies().map((d) => d.name())).toEqual(['backend', 'worker']);
    expect(parent.metadata.dependencies!.map((d) => d.name)).toEqual(['backend', 'worker']);
  });

  it('imports values from subcharts in both forms', () => {
    const sub = chart('db', 'exports: {conn: {host: db, port: 5432}}\nsettings: {size: 5}\n');
    const parent = chart('app', 'local: 1\n', [sub], {
      dependencies: [{ ...dep('db'), version: '0.1.0', importValues: ['conn', { child: 'settings', parent: 'dbSettings' } as never] }],
    });
    processDependencies(() => {}, parent, Object.create(null) as GoMap);
    expect(plain(parent.values)).toMatchObject({ local: 1, host: 'db', port: 5432, dbSettings: { size: 5 } });
  });
});

describe('coalescing errors', () => {
  it('a subchart key that is not a table is a type mismatch, as in Helm', () => {
    const sub = chart('sub', 'a: 1\n');
    expect(() => coalesceValues(() => {}, chart('p', 'sub:\n', [sub]), null)).toThrow('type mismatch on sub: %!t(<nil>)');
    expect(() => coalesceValues(() => {}, chart('p', 'sub: text\n', [sub]), null)).toThrow('type mismatch on sub: %!t(string=text)');
  });
});

describe('globals and nulls through three levels', () => {
  it('copies globals down without touching the parent, lets null delete defaults only where Helm does', () => {
    const db = chart('db', 'global: {tier: {d: db}}\nport: 1\n');
    const cart = chart('cart', 'size: s\nglobal: {tier: {c: cart}}\nitems: {max: 3, min: 1}\n', [db]);
    const shop = chart('shop', 'global: {tier: {p: shop}}\ncart: {size: m, items: {max: x}}\n', [cart]);
    const user = readValuesFile('global: {region: eu}\ncart: {size: null, items: {min: null}, global: {zone: a, tier: {x: 1}}}\n', 'user.yaml');
    const before = JSON.stringify(user);
    const out = coalesceValues(() => {}, shop, user);
    expect(plain(out)).toEqual({
      global: { region: 'eu', tier: { p: 'shop' } },
      cart: {
        items: { max: 'x' },
        global: { zone: 'a', region: 'eu', tier: { p: 'shop', x: 1, c: 'cart' } },
        db: { global: { zone: 'a', region: 'eu', tier: { p: 'shop', x: 1, c: 'cart', d: 'db' } }, port: 1 },
      },
    });
    // The user's values are not modified.
    expect(JSON.stringify(user)).toBe(before);
  });
});
