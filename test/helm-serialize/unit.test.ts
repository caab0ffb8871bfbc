// Behaviour the Go oracle cannot check (origins, Go 1.22+ escapes, values
// that gotpl cannot build) and the direct API of the YAML modules.
import { describe, expect, it } from 'vitest';
import { serializeFuncs } from '../../src/helm/sprig/serialize.js';
import { getOrigin, type GoMap, type GoValue } from '../../src/helm/go/value.js';
import { loadGoYaml } from '../../src/helm/yaml/go-yaml-load.js';
import { formatFloatE, formatFloatG, formatJsonFloat } from '../../src/helm/go/float-format.js';
import { yamlKeyLess, sortYamlKeys } from '../../src/helm/yaml/go-yaml-keys.js';
import { emitGoYaml } from '../../src/helm/yaml/go-yaml-emit.js';
import { marshalK8sYamlWithOrigins } from '../../src/helm/yaml/go-yaml-marshal.js';

function map(entries: Record<string, GoValue>): GoMap {
  return Object.assign(Object.create(null) as GoMap, entries);
}

describe('loadGoYaml origins', () => {
  const text = 'replicas: 3\nimage:\n  repository: nginx\n  tag: "1.25"\nports:\n- 80\n- name: https\n  port: 443\nempty:\n';
  const v = loadGoYaml(text, { file: 'values.yaml', origins: true }) as GoMap;

  it('points map values at the value, on 1-based lines and columns', () => {
    expect(getOrigin(v, 'replicas')).toEqual({ file: 'values.yaml', line: 1, column: 11, endLine: 1, endColumn: 12 });
    const image = v.image as GoMap;
    expect(getOrigin(image, 'tag')).toEqual({ file: 'values.yaml', line: 4, column: 8, endLine: 4, endColumn: 14 });
  });

  it('points list items at the item', () => {
    const ports = v.ports as GoValue[];
    expect(getOrigin(ports, 0)).toMatchObject({ line: 6, column: 3 });
    expect(getOrigin(ports, 1)).toMatchObject({ line: 7, column: 3 });
    expect(getOrigin(ports[1] as GoMap, 'port')).toMatchObject({ line: 8, column: 9 });
  });

  it('points an empty value at its key', () => {
    expect(v.empty).toBeNull();
    expect(getOrigin(v, 'empty')).toMatchObject({ line: 9, column: 1 });
  });

  it('records nothing unless asked', () => {
    const plain = loadGoYaml('a: 1\n') as GoMap;
    expect(getOrigin(plain, 'a')).toBeUndefined();
  });

  it('gives merged keys the origin of the merged value', () => {
    // ("y" would be the key "true": YAML 1.1 reads it as a boolean.)
    const m = loadGoYaml('base: &b\n  x: 1\nuse:\n  <<: *b\n  z: 2\n', { origins: true }) as GoMap;
    expect(getOrigin(m.use as GoMap, 'x')).toMatchObject({ line: 2, column: 6 });
    expect(getOrigin(m.use as GoMap, 'z')).toMatchObject({ line: 5, column: 6 });
  });
});

describe('loadGoYaml values', () => {
  it('types YAML 1.1 scalars as Helm values (numbers are float64)', () => {
    const v = loadGoYaml('a: 0777\nb: 0x1F\nc: yes\nn: 1\nd: 2020-01-01\ne: ~\nf: 1_000\n') as GoMap;
    expect(v).toEqual(map({ a: 511, b: 31, c: true, false: 1, d: '2020-01-01', e: null, f: 1000 }));
  });

  it('returns undefined for an empty document and fails with yaml.v2 messages', () => {
    expect(loadGoYaml('# nothing\n')).toBeUndefined();
    expect(() => loadGoYaml('a: b: c\n')).toThrow('error converting YAML to JSON: yaml: mapping values are not allowed in this context');
    expect(() => loadGoYaml('- a\n', { target: 'map' })).toThrow(
      'error unmarshaling JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
  });

  // sigs.k8s.io/yaml yamlToJSONTarget: json.Marshal refuses a float JSON cannot hold
  // (UnsupportedValueError, FormatFloat 'g'), meeting map keys in sorted order.
  it('fails on .inf, -.inf and .nan as json.Marshal does, first in sorted key order', () => {
    expect(() => loadGoYaml('a: .inf\n')).toThrow('error converting YAML to JSON: json: unsupported value: +Inf');
    expect(() => loadGoYaml('z: .nan\nb: [1, -.inf]\n')).toThrow('error converting YAML to JSON: json: unsupported value: -Inf');
    expect(() => loadGoYaml('- {z: .NaN}\n')).toThrow('error converting YAML to JSON: json: unsupported value: NaN');
    // As a key it is a string (".inf"), and a string field takes FormatFloat's text.
    expect(loadGoYaml('.inf: 1\n')).toEqual(map({ '.inf': 1 }));
    expect(loadGoYaml('v: .inf\n', { typed: { kind: 'struct', fields: { v: { kind: 'string' } } } })).toEqual(map({ v: '+Inf' }));
  });

  it('lets later duplicate keys win, as yaml.v2 does outside strict mode', () => {
    expect(loadGoYaml('a: 1\na: 2\n')).toEqual(map({ a: 2 }));
  });
});

describe('JSON escapes of Go 1.22+ (Helm v3.21 is built with a newer Go than the oracle)', () => {
  it('writes \\b and \\f as short escapes', () => {
    expect(serializeFuncs.toJson(['a\bb\fc'])).toBe('["a\\bb\\fc"]');
  });
});

describe('values the template oracle cannot build', () => {
  it('writes []byte as base64 in JSON and YAML', () => {
    const bytes = new Uint8Array([104, 105, 255]);
    expect(serializeFuncs.toJson(map({ b: bytes }))).toBe('{"b":"aGn/"}');
    expect(serializeFuncs.toYaml(map({ b: bytes }))).toBe('b: aGn/');
  });

  it('treats a missing value like nil', () => {
    expect(serializeFuncs.toYaml(undefined)).toBe('null');
    expect(serializeFuncs.toJson(undefined)).toBe('null');
  });

  it('swallows errors in toYaml and toJson but not in the must* variants', () => {
    expect(serializeFuncs.toYaml(NaN)).toBe('');
    expect(serializeFuncs.toJson(NaN)).toBe('');
    expect(() => serializeFuncs.mustToYaml(NaN)).toThrow('error marshaling into JSON: json: unsupported value: NaN');
    expect(() => serializeFuncs.mustToJson(Infinity)).toThrow('json: unsupported value: +Inf');
    expect(() => serializeFuncs.toRawJson(-Infinity)).toThrow('json: unsupported value: -Inf');
  });
});

describe('fromToml errors', () => {
  it('puts BurntSushi/toml v1.6\'s message in m["Error"] (more cases in toml-errors.test.ts)', () => {
    const m = serializeFuncs.fromToml('a = ') as GoMap;
    expect(Object.keys(m)).toEqual(['Error']);
    expect(m.Error).toBe('toml: line 1 (last key "a"): unexpected EOF; expected value');
  });
});

describe('Go number formatting', () => {
  it('formats %g, %e and encoding/json floats', () => {
    expect([1e6, 123456789, 0.0001, 0.00001, 1.5, -0, 1e21].map((f) => formatFloatG(f))).toEqual([
      '1e+06', '1.23456789e+08', '0.0001', '1e-05', '1.5', '-0', '1e+21',
    ]);
    expect(formatFloatG(0.1, 32)).toBe('0.1');
    expect(formatFloatG(16777217, 32)).toBe('1.6777216e+07');
    expect(formatFloatE(1500)).toBe('1.5e+03');
    expect([1e21, 1e-7, 0.000001, 123.456, -0].map(formatJsonFloat)).toEqual(['1e+21', '1e-7', '0.000001', '123.456', '-0']);
  });
});

describe('go-yaml key order', () => {
  it('sorts letters after other runes and digit runs by value', () => {
    expect(sortYamlKeys(['b10', 'a5', 'b2', 'Zed', '_under', '9', '010', 'a-b'])).toEqual(['_under', '9', '010', 'Zed', 'a-b', 'a5', 'b2', 'b10']);
    expect(yamlKeyLess('a', 'a')).toBe(false);
  });
});

describe('emitGoYaml', () => {
  it('writes a document with literal and quoted scalars', () => {
    const doc = emitGoYaml({
      kind: 'map',
      pairs: [
        [{ kind: 'scalar', value: 'a', style: 'plain' }, { kind: 'scalar', value: 'x\ny\n', style: 'literal' }],
        [{ kind: 'scalar', value: 'b', style: 'plain' }, { kind: 'seq', items: [{ kind: 'scalar', value: 'yes', style: 'double' }] }],
      ],
    });
    expect(doc).toBe('a: |\n  x\n  y\nb:\n- "yes"\n');
  });
});

describe('marshalK8sYamlWithOrigins', () => {
  it('maps each written leaf back to its values-file origin', () => {
    const text = 'image:\n  repository: nginx\n  tag: "1.25"\nports:\n- 80\n- 443\nlong: the quick brown fox jumps over the lazy dog and keeps on running far beyond the limit\n';
    const values = loadGoYaml(text, { file: 'values.yaml', origins: true }) as GoMap;
    const { text: out, spans } = marshalK8sYamlWithOrigins(values);
    expect(out).toBe(
      'image:\n  repository: nginx\n  tag: "1.25"\nlong: the quick brown fox jumps over the lazy dog and keeps on running far beyond\n  the limit\nports:\n- 80\n- 443\n',
    );
    const pieces = spans.map((s) => [out.slice(s.start, s.end), s.origin.line, s.origin.column]);
    expect(pieces).toEqual([
      ['repository: nginx', 2, 15],
      ['tag: "1.25"', 3, 8],
      ['long: the quick brown fox jumps over the lazy dog and keeps on running far beyond\n  the limit', 7, 7],
      ['80', 5, 3],
      ['443', 6, 3],
    ]);
  });

  it('writes the same text as toYaml', () => {
    const v = map({ a: [map({ b: 'x\ny\n' }), 'k'.repeat(130)], c: map({}) });
    expect(marshalK8sYamlWithOrigins(v).text).toBe(serializeFuncs.toYaml(v) + '\n');
  });
});

describe('loadGoYaml strict', () => {
  it('reports every duplicate key with the line of its value, like yaml.UnmarshalStrict', () => {
    expect(() => loadGoYaml('a: 1\nb:\n  c: 2\n  c: 3\na: 4\n', { strict: true })).toThrow(
      'error converting YAML to JSON: yaml: unmarshal errors:\n  line 4: key "c" already set in map\n  line 5: key "a" already set in map',
    );
    // (Both messages were checked with yaml.v2's UnmarshalStrict.)
    expect(() => loadGoYaml('a:\nb: 1\na:\n', { strict: true })).toThrow(
      'error converting YAML to JSON: yaml: unmarshal errors:\n  line 3: key "a" already set in map',
    );
  });

  it('keeps keys of different Go types apart and accepts unique keys', () => {
    expect(loadGoYaml('1: a\n"1": b\n', { strict: true })).toEqual(map({ 1: 'b' }));
    expect(loadGoYaml('a: 1\nb: 2\n', { strict: true })).toEqual(map({ a: 1, b: 2 }));
  });
});

describe('cycles', () => {
  it('are reported like encoding/json, and repeated (non-cyclic) containers are fine', () => {
    const m = map({ a: 1 });
    m.self = m;
    expect(() => serializeFuncs.mustToJson(m)).toThrow('json: unsupported value: encountered a cycle via map[string]interface {}');
    expect(() => serializeFuncs.mustToYaml(m)).toThrow(
      'error marshaling into JSON: json: unsupported value: encountered a cycle via map[string]interface {}',
    );
    expect(serializeFuncs.toYaml(m)).toBe('');
    const shared = map({});
    const list: GoValue[] = [1];
    expect(serializeFuncs.toJson([shared, shared, list, list])).toBe('[{},{},[1],[1]]');
    expect(serializeFuncs.toYaml([shared, shared, list, list])).toBe('- {}\n- {}\n- - 1\n- - 1');
  });
});

describe('alias bombs', () => {
  // (yaml.v2 gives the same error for this document; checked with Go.)
  it('stop with yaml.v2 "excessive aliasing" instead of expanding exponentially', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill('*' + prev).join(',')}]`);
    }
    expect(() => loadGoYaml(lines.join('\n') + '\n')).toThrow('error converting YAML to JSON: yaml: document contains excessive aliasing');
  });
});

describe('fromYaml of a text seen before', () => {
  it('gives each call its own copy: a template changing one result changes no other', () => {
    const text = `# ${Math.random()}\na:\n  b: [1, {c: x}]\nz: null\n`;
    const first = serializeFuncs.fromYaml(text) as GoMap;
    (first.a as GoMap).b = 'changed';
    delete first.z;
    const second = serializeFuncs.fromYaml(text) as GoMap;
    expect(second).toEqual(map({ a: map({ b: [1, map({ c: 'x' })] }), z: null }));
    expect(second).not.toBe(first);
    const [third, fourth] = [serializeFuncs.fromYamlArray('- {a: 1}\n'), serializeFuncs.fromYamlArray('- {a: 1}\n')] as GoValue[][];
    expect(third[0]).not.toBe(fourth[0]);
    expect(serializeFuncs.fromYaml('a: [\n')).toEqual(serializeFuncs.fromYaml('a: [\n'));
    expect((serializeFuncs.fromYaml('a: [\n') as GoMap).Error).toMatch(/^error converting YAML to JSON: yaml: /);
  });
});
