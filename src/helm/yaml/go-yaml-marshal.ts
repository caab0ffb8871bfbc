/**
 * toYaml's pipeline, sigs.k8s.io/yaml.Marshal: the value is written as JSON
 * by encoding/json, that JSON is read back by yaml.v2 (so integers stay
 * integers and every map key is a string) and the result is written by
 * yaml.v2. Going through JSON is why float64 1000000 prints as 1000000 but
 * 1.5e6 written by JSON as 1500000 also prints as an integer, and why
 * 0.00001 prints as 1e-05 (yaml.v2 formats floats with %g).
 */
import { getOrigin, GoObject, isGoMap, type GoValue, type ValueOrigin } from '../template/value.js';
import { formatFloatG } from './go-float.js';
import { marshalGoJson, parseJsonTree, quoteJsonString } from './go-json.js';
import { emitGoYaml, type YamlNode } from './go-yaml-emit.js';
import { sortYamlKeys } from './go-yaml-keys.js';
import { isBase60Float, resolvePlain } from './go-yaml-resolve.js';

type JsonTree = ReturnType<typeof parseJsonTree>;

/** yaml.v2's stringv: which style a string asks for before the emitter checks it. */
export function yamlV2StringNode(s: string): YamlNode {
  if (s.includes('\n')) return { kind: 'scalar', value: s, style: 'literal' };
  const plain = resolvePlain(s).tag === 'str' && !isBase60Float(s);
  return { kind: 'scalar', value: s, style: plain ? 'plain' : 'double' };
}

/** Characters yaml.v2's reader refuses in its input that encoding/json leaves raw (it escapes those below 0x20). */
function hasYamlControlChar(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x7f || c === 0x85) continue;
    if ((c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000) continue;
    return true;
  }
  return false;
}

/** yaml.v2 reading the JSON text: a quoted key longer than 1024 characters is no longer a simple key. */
const MAX_SIMPLE_KEY = 1024;

/**
 * encoding/json leaves U+0085 (NEL) raw, and yaml.v2 reads it in the quoted
 * JSON string as a line break: folded to a space, or to n-1 newlines for n
 * breaks, with the spaces around the breaks dropped (tabs are escaped in
 * JSON, so they stay). A key with a break is no longer a simple key, which
 * is a syntax error in the flow mapping.
 */
function foldNel(s: string): string {
  if (!s.includes('\u0085')) return s;
  return s.replace(/ *\u0085(?: *\u0085)* */g, (m) => {
    const breaks = m.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

function numberNode(text: string): YamlNode {
  const r = resolvePlain(text);
  let out: string;
  if (r.tag === 'int') out = r.value.toString();
  else if (r.tag === 'float') out = formatFloatG(r.value);
  else out = text;
  return { kind: 'scalar', value: out, style: 'plain' };
}

/**
 * The values-tree origin of a leaf, found by walking the original Go value
 * beside the JSON tree (same keys, same indexes). Filled only when asked for.
 */
type OriginOf = Map<YamlNode, ValueOrigin>;

function childOf(orig: GoValue, key: string | number): GoValue {
  if (orig instanceof GoObject) return undefined;
  if (Array.isArray(orig) && typeof key === 'number') return orig[key];
  if (isGoMap(orig) && typeof key === 'string') return orig[key];
  return undefined;
}

function originOf(orig: GoValue, key: string | number): ValueOrigin | undefined {
  if (orig === null || typeof orig !== 'object' || orig instanceof GoObject || orig instanceof Uint8Array) return undefined;
  return getOrigin(orig, key);
}

function treeToNode(t: JsonTree, orig?: GoValue, origins?: OriginOf): YamlNode {
  if (t === null) return { kind: 'scalar', value: 'null', style: 'plain' };
  if (typeof t === 'boolean') return { kind: 'scalar', value: String(t), style: 'plain' };
  if (typeof t === 'string') {
    if (hasYamlControlChar(t)) throw new Error('yaml: control characters are not allowed');
    return yamlV2StringNode(foldNel(t));
  }
  if (Array.isArray(t)) {
    return {
      kind: 'seq',
      items: t.map((e, i) => {
        const node = treeToNode(e, origins && childOf(orig, i), origins);
        const o = origins && originOf(orig, i);
        if (o) origins?.set(node, o);
        return node;
      }),
    };
  }
  if (t instanceof Map) {
    const pairs: Array<[YamlNode, YamlNode]> = [];
    for (const k of t.keys()) {
      if (hasYamlControlChar(k)) throw new Error('yaml: control characters are not allowed');
      if (Array.from(quoteJsonString(k, true)).length > MAX_SIMPLE_KEY) {
        throw new Error("yaml: line 1: did not find expected ',' or '}'");
      }
      if (k.includes('\u0085')) throw new Error("yaml: line 1: did not find expected ',' or '}'");
    }
    for (const k of sortYamlKeys([...t.keys()])) {
      const value = treeToNode(t.get(k) as JsonTree, origins && childOf(orig, k), origins);
      const o = origins && originOf(orig, k);
      if (o) origins?.set(value, o);
      pairs.push([yamlV2StringNode(k), value]);
    }
    return { kind: 'map', pairs };
  }
  return numberNode(t.num);
}

/**
 * sigs.k8s.io/yaml.Marshal(v) as text ending in "\n". Throws an Error with
 * the Go message ("error marshaling into JSON: json: unsupported value: NaN").
 */
export function marshalK8sYaml(v: GoValue): string {
  let json: string;
  try {
    json = marshalGoJson(v, { escapeHTML: true });
  } catch (e) {
    throw new Error(`error marshaling into JSON: ${(e as Error).message}`);
  }
  return emitGoYaml(treeToNode(parseJsonTree(json, 'error')));
}

/** A range of toYaml's output and the values-tree origin of the leaf written there. */
export interface YamlOriginSpan {
  start: number;
  end: number;
  origin: ValueOrigin;
}

/**
 * marshalK8sYaml plus, for each scalar written from a values-tree leaf that
 * has an origin (setOrigin), its range in the text: for a map entry from the
 * key to the end of the value, for a list item the item itself. Offsets are
 * UTF-16 units of the returned text (which ends in "\n", like marshalK8sYaml).
 */
export function marshalK8sYamlWithOrigins(v: GoValue): { text: string; spans: YamlOriginSpan[] } {
  let json: string;
  try {
    json = marshalGoJson(v, { escapeHTML: true });
  } catch (e) {
    throw new Error(`error marshaling into JSON: ${(e as Error).message}`);
  }
  const origins: OriginOf = new Map();
  const root = treeToNode(parseJsonTree(json, 'error'), v, origins);
  // The key of each map value, so that a leaf's span can start at its key.
  const keyOf = new Map<YamlNode, YamlNode>();
  const walk = (n: YamlNode): void => {
    if (n.kind === 'map') {
      for (const [k, val] of n.pairs) {
        keyOf.set(val, k);
        walk(val);
      }
    } else if (n.kind === 'seq') n.items.forEach(walk);
  };
  walk(root);
  const ranges = new Map<YamlNode, [number, number]>();
  const text = emitGoYaml(root, { onNode: (node, start, end) => ranges.set(node, [start, end]) });
  const spans: YamlOriginSpan[] = [];
  for (const [node, origin] of origins) {
    if (node.kind !== 'scalar') continue;
    const r = ranges.get(node);
    if (!r) continue;
    const key = keyOf.get(node);
    const start = key ? (ranges.get(key)?.[0] ?? r[0]) : r[0];
    spans.push({ start, end: r[1], origin });
  }
  spans.sort((a, b) => a.start - b.start);
  return { text, spans };
}
