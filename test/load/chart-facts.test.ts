/** ChartFacts: Chart.yaml read once with positions, and image versions worked out on first request. */
import { describe, expect, it } from 'vitest';
import { chartFacts, formatFloat32G, readChartYaml, type ChartTexts } from '../../src/load/chart-facts.js';
import { formatFloatG } from '../../src/helm/go/float-format.js';

const at = (line: number, column: number, endLine: number, endColumn: number) => ({ file: 'c/Chart.yaml', line, column, endLine, endColumn });

describe('readChartYaml', () => {
  it('reads the checked fields as YAML 1.1, with the value as written and its place', () => {
    const meta = readChartYaml('apiVersion: v2\nname: todo\nversion: 1.10\nappVersion:\ndependencies:\n  - name: db\n    version: 1.2.3\n  - version: 2\n  - name: cache\n', 'c/Chart.yaml');
    expect(meta).toEqual({
      kind: 'map',
      location: at(1, 1, 10, 1),
      fields: {
        apiVersion: { value: 'v2', source: 'v2', location: at(1, 13, 1, 15), helm: 'v2' },
        name: { value: 'todo', source: 'todo', location: at(2, 7, 2, 11), helm: 'todo' },
        version: { value: 1.1, source: '1.10', location: at(3, 10, 3, 14), helm: '1.1' },
        appVersion: { value: null, source: '', location: at(4, 12, 4, 12), helm: '' },
      },
      dependencies: [
        { name: 'db', version: '1.2.3', location: at(6, 11, 6, 13) },
        { name: 'cache', location: at(9, 11, 9, 16) },
      ],
    });
  });

  it('says where Chart.yaml stops parsing, and when it is not a mapping', () => {
    expect(readChartYaml('name: [a\n', 'c/Chart.yaml')).toMatchObject({ kind: 'unparsable', location: { file: 'c/Chart.yaml', line: 2 } });
    expect(readChartYaml('- a\n', 'c/Chart.yaml')).toEqual({ kind: 'not-a-map', location: at(1, 1, 2, 1) });
  });
});

describe('helmString', () => {
  const helm = (text: string) => {
    const meta = readChartYaml(`appVersion: ${text}\n`, 'c/Chart.yaml');
    return meta.kind === 'map' ? meta.fields.appVersion?.helm : undefined;
  };
  it('is the text sigs.k8s.io/yaml stores in a string field: floats as float32 %g, ints in decimal, booleans, timestamps as written', () => {
    expect(['1.10', '3.14159265', '1.0', '1e6', '0.00001', '1_000', '0x1F', '0777', '10', 'yes', 'true', '~', '2024-01-01', '1:30', '"1.10"', '.inf'].map(helm)).toEqual([
      '1.1', '3.1415927', '1', '1e+06', '1e-05', '1000', '31', '511', '10', 'true', 'true', '', '2024-01-01', '1:30', '1.10', '+Inf',
    ]);
  });
  it('formats floats as Go strconv.FormatFloat(f, \'g\', -1, 32) does', () => {
    const xs = [1.1, 0.1, 2.5, -1.75, 1e21, 1e-5, 0.0001, 123456789, 1000000, 999999, 100000, 16777217, 1e38, 1.5e-45, 7e-10];
    for (let i = 1; i < 2000; i++) xs.push(Math.sin(i) * 10 ** ((i % 50) - 25));
    expect(xs.filter((x) => formatFloat32G(x) !== formatFloatG(x, 32))).toEqual([]);
  });
});

describe('chartFacts', () => {
  const sub: ChartTexts = { chartYaml: 'name: db\nappVersion: 2.0.0\n', valuesYaml: 'image:\n  repository: todo-db\n  tag: ""\n', subcharts: new Map() };
  const texts: ChartTexts = {
    chartYaml: 'apiVersion: v2\nname: todo\nversion: 1.0.0\nappVersion: "1.4.0"\n',
    valuesYaml: 'frontend:\n  image:\n    repository: todo-frontend\n    tag: 1.3.0\nworker:\n  imageTag: 1.2.0\n',
    subcharts: new Map([['db', sub]]),
  };
  const facts = chartFacts({ dir: '/x/todo', file: 'charts/todo/Chart.yaml', texts, presentDependencies: ['db'] });

  it('gives the chart prefix and its Chart.yaml fields', () => {
    expect(facts.prefix).toBe('charts/todo/');
    expect(facts.chartYaml.kind).toBe('map');
    expect(facts.presentDependencies).toEqual(['db']);
  });

  it('works out the image versions of the chart and of a directory subchart, once each', () => {
    const own = facts.imageVersions()!;
    expect(own.appVersion).toEqual({ version: '1.4.0', what: "the chart's appVersion (charts/todo/Chart.yaml)", where: { file: 'charts/todo/Chart.yaml', line: 4, column: 13, endLine: 4, endColumn: 20, message: 'appVersion 1.4.0' } });
    expect([...own.repositories]).toEqual([['todo-frontend', { version: '1.3.0', what: 'frontend.image.tag in charts/todo/values.yaml', where: { file: 'charts/todo/values.yaml', line: 4, column: 10, endLine: 4, endColumn: 15, message: 'frontend.image.tag: 1.3.0' } }]]);
    expect(own.looseTags.map((t) => t.what)).toEqual(['worker.imageTag in charts/todo/values.yaml']);
    expect(facts.imageVersions()).toBe(own);
    const db = facts.imageVersions(['db'])!;
    expect(db.prefix).toBe('charts/todo/charts/db/');
    expect(db.appVersion?.version).toBe('2.0.0');
    expect([...db.repositories]).toEqual([['todo-db', '']]);
    expect(facts.imageVersions(['db'])).toBe(db);
  });

  it('knows no versions for a subchart that is not a directory', () => {
    expect(facts.imageVersions(['cache'])).toBeUndefined();
  });
});
