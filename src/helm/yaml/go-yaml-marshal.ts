/**
 * toYaml's pipeline, sigs.k8s.io/yaml.Marshal: the value is written as JSON
 * by encoding/json, that JSON is read back by yaml.v2 (so integers stay
 * integers and every map key is a string) and the result is written by
 * yaml.v2. Going through JSON is why float64 1000000 prints as 1000000 but
 * 1.5e6 written by JSON as 1500000 also prints as an integer, and why
 * 0.00001 prints as 1e-05 (yaml.v2 formats floats with %g).
 */
import type { GoValue } from '../template/value.js';
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

function treeToNode(t: JsonTree): YamlNode {
  if (t === null) return { kind: 'scalar', value: 'null', style: 'plain' };
  if (typeof t === 'boolean') return { kind: 'scalar', value: String(t), style: 'plain' };
  if (typeof t === 'string') {
    if (hasYamlControlChar(t)) throw new Error('yaml: control characters are not allowed');
    return yamlV2StringNode(foldNel(t));
  }
  if (Array.isArray(t)) return { kind: 'seq', items: t.map(treeToNode) };
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
      pairs.push([yamlV2StringNode(k), treeToNode(t.get(k) as JsonTree)]);
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
