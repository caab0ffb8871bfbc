/**
 * toYaml's pipeline, sigs.k8s.io/yaml.Marshal: the value is written as JSON
 * by encoding/json, that JSON is read back by yaml.v2 (so integers stay
 * integers and every map key is a string) and the result is written by
 * yaml.v2. Going through JSON is why float64 1000000 prints as 1000000 but
 * 1.5e6 written by JSON as 1500000 also prints as an integer, and why
 * 0.00001 prints as 1e-05 (yaml.v2 formats floats with %g).
 *
 * The round trip is done on values, not on JSON text: each step's effect
 * (number text, string repairs, key order, the errors either side raises)
 * is applied directly, which the goldens check against the real pipeline.
 */
import { getOrigin, GoObject, isGoMap, isGoNil, type GoValue, type ValueOrigin } from '../go/value.js';
import { formatFloatG, formatJsonFloat } from '../go/float-format.js';
import { base64Std, enterContainer, quoteJsonString } from './go-json.js';
import { compareGoStrings } from '../go/utf8.js';
import { emitGoYaml, type YamlNode } from './go-yaml-emit.js';
import { sortYamlKeys } from './go-yaml-keys.js';
import { isBase60Float, resolvePlain } from './go-yaml-resolve.js';

/** yaml.v2's stringv: which style a string asks for before the emitter checks it. */
export function yamlV2StringNode(s: string): YamlNode {
  if (s.includes('\n')) return { kind: 'scalar', value: s, style: 'literal' };
  const plain = resolvePlain(s).tag === 'str' && !isBase60Float(s);
  return { kind: 'scalar', value: s, style: plain ? 'plain' : 'double' };
}

/** Characters encoding/json leaves raw that yaml.v2's reader refuses: DEL, C1 controls but NEL, U+FFFE, U+FFFF. */
const YAML_CONTROL = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

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
  return s.replace(/ *\u0085(?: *\u0085)* */g, (m) => {
    const breaks = m.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

/** yaml.v2 reads integers of int64 or uint64 range as integers, larger ones as floats. */
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

const YAML_FLOW_KEY_ERROR = "yaml: line 1: did not find expected ',' or '}'";

/** Origins of the leaves written, when asked for. */
type OriginOf = Map<YamlNode, ValueOrigin>;

class K8sYamlBuilder {
  /** The first error the YAML side would raise; JSON errors win over it, as json.Marshal runs first. */
  yamlError: string | undefined;

  /** Containers being converted, to report a cycle the way encoding/json does. */
  private readonly onPath = new Set<object>();

  constructor(private readonly origins?: OriginOf) {}

  private yamlFail(msg: string): void {
    this.yamlError ??= msg;
  }

  /** A string as yaml.v2 reads it back from encoding/json's text. */
  private text(s: string): string {
    if (PRINTABLE_ASCII.test(s)) return s;
    s = s.replace(LONE_SURROGATE, '\ufffd');
    if (YAML_CONTROL.test(s)) this.yamlFail('yaml: control characters are not allowed');
    return s.includes('\u0085') ? foldNel(s) : s;
  }

  private scalar(value: string): YamlNode {
    return { kind: 'scalar', value, style: 'plain' };
  }

  node(v: GoValue): YamlNode {
    if (v === undefined || v === null) return this.scalar('null');
    switch (typeof v) {
      case 'boolean':
        return this.scalar(v ? 'true' : 'false');
      case 'bigint':
        return this.scalar(v.toString());
      case 'number': {
        if (Number.isSafeInteger(v)) return this.scalar(String(v));
        if (!Number.isFinite(v)) throw new Error(`json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`);
        // JSON writes %f or %e; yaml.v2 reads integers back as ints, the rest as floats it prints with %g.
        const t = formatJsonFloat(v);
        if (/^-?\d+$/.test(t)) {
          const i = BigInt(t);
          if (i >= INT64_MIN && i <= UINT64_MAX) return this.scalar(i.toString());
          return this.scalar(formatFloatG(v));
        }
        const r = resolvePlain(t);
        return this.scalar(r.tag === 'float' ? formatFloatG(r.value) : t);
      }
      case 'string':
        return yamlV2StringNode(this.text(v));
      case 'function':
        throw new Error('json: unsupported type: func(...interface {}) interface {}');
    }
    if (v instanceof Uint8Array) return this.scalar(base64Std(v));
    if (v instanceof GoObject) return this.node(v.toJSONValue());
    // json.Marshal writes a nil slice or map as null.
    if (isGoNil(v)) return this.scalar('null');
    if (Array.isArray(v)) {
      enterContainer(v, this.onPath);
      const items = v.map((e, i) => this.withOrigin(this.node(e), v, i));
      this.onPath.delete(v);
      return { kind: 'seq', items };
    }
    if (!isGoMap(v)) return this.scalar('null');
    enterContainer(v, this.onPath);
    // json.Marshal visits keys in byte order (which decides the first error); yaml.v2 then sorts its own way.
    const values = new Map<string, YamlNode>();
    const keys = Object.keys(v);
    // UTF-16 order is byte order unless a key has a surrogate pair.
    if (keys.some((k) => SURROGATE.test(k))) keys.sort(compareGoStrings);
    else keys.sort();
    for (const k of keys) {
      const key = this.text(k);
      // A key is at most 6 JSON characters per UTF-16 unit, so only long keys need measuring.
      if (k.includes('\u0085') || (k.length > MAX_SIMPLE_KEY / 6 && Array.from(quoteJsonString(k, true)).length > MAX_SIMPLE_KEY)) {
        this.yamlFail(YAML_FLOW_KEY_ERROR);
      }
      values.set(key, this.withOrigin(this.node(v[k]), v, k));
    }
    this.onPath.delete(v);
    const pairs: Array<[YamlNode, YamlNode]> = sortYamlKeys([...values.keys()]).map((k) => [yamlV2StringNode(k), values.get(k) as YamlNode]);
    return { kind: 'map', pairs };
  }

  private withOrigin(node: YamlNode, container: object, key: string | number): YamlNode {
    if (this.origins) {
      const o = getOrigin(container, key);
      if (o) this.origins.set(node, o);
    }
    return node;
  }
}

function buildNode(v: GoValue, origins?: OriginOf): YamlNode {
  const b = new K8sYamlBuilder(origins);
  let node: YamlNode;
  try {
    node = b.node(v);
  } catch (e) {
    throw new Error(`error marshaling into JSON: ${(e as Error).message}`);
  }
  if (b.yamlError !== undefined) throw new Error(b.yamlError);
  return node;
}

/**
 * sigs.k8s.io/yaml.Marshal(v) as text ending in "\n". Throws an Error with
 * the Go message ("error marshaling into JSON: json: unsupported value: NaN").
 */
export function marshalK8sYaml(v: GoValue): string {
  return emitGoYaml(buildNode(v));
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
  const origins: OriginOf = new Map();
  const root = buildNode(v, origins);
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
