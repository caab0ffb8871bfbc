/**
 * toYamlPretty's pipeline: yaml.v3's Encoder with SetIndent(2) on the Go
 * value itself (no JSON round trip). So float64 1000000 prints as 1e+06,
 * int64 stays an integer, sequences are indented under their key, long
 * strings are not folded (yaml.v3 starts with no line width) and keys sort
 * with yaml.v3's variant of keyList.Less.
 */
import { GoObject, isGoMap, type GoValue } from '../go/value.js';
import { GoTime } from '../go/time.js';
import { formatFloatG } from '../go/float-format.js';
import { emitGoYaml, type YamlNode } from './go-yaml-emit.js';
import { sortYamlKeys } from './go-yaml-keys.js';
import { yamlV2StringNode } from './go-yaml-marshal.js';

function plain(value: string): YamlNode {
  return { kind: 'scalar', value, style: 'plain' };
}

/** yaml.v3 formats floats with %g and spells the special values the YAML way. */
function floatText(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  return formatFloatG(f);
}

function toNode(v: GoValue): YamlNode {
  if (v === null || v === undefined) return plain('null');
  switch (typeof v) {
    case 'boolean':
      return plain(String(v));
    case 'number':
      return plain(floatText(v));
    case 'bigint':
      return plain(v.toString());
    case 'string':
      // yaml.v3 quotes the same strings as yaml.v2: its resolver dropped the
      // YAML 1.1 booleans but the encoder still quotes them (isOldBool).
      return yamlV2StringNode(v);
    case 'function':
      throw new Error('cannot marshal type: func(...interface {}) interface {}');
  }
  if (v instanceof GoTime) return plain(v.format('2006-01-02T15:04:05.999999999Z07:00'));
  if (v instanceof GoObject) return toNode(v.toJSONValue());
  // A []byte is a slice like any other for yaml.v3: a sequence of integers.
  if (v instanceof Uint8Array) return { kind: 'seq', items: Array.from(v, (b) => plain(String(b))) };
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(toNode) };
  if (isGoMap(v)) {
    return { kind: 'map', pairs: sortYamlKeys(Object.keys(v), true).map((k) => [yamlV2StringNode(k), toNode(v[k])]) };
  }
  return plain('null');
}

/** yaml.v3 Encoder(indent 2).Encode(v) as text ending in "\n". */
export function marshalYamlV3(v: GoValue): string {
  return emitGoYaml(toNode(v), { v3: true, indent: 2 });
}
