/**
 * Loading YAML into Go values the way Helm does (sigs.k8s.io/yaml.Unmarshal):
 * yaml.v2 reads the first document with YAML 1.1 typing, non-string keys
 * are turned into strings, and the tree goes through encoding/json, so every
 * number becomes a float64 (a JS number), timestamps stay strings, and
 * `y`/`no`/`on` are booleans (also as keys: `n:` becomes "false").
 *
 * The `yaml` package parses (failsafe schema, so every scalar arrives as
 * text with its style); typing, merge keys and key conversion follow yaml.v2.
 */
import {
  Alias,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YNode,
  type Scalar,
  type YAMLError,
} from 'yaml';
import { setOrigin, type GoMap, type GoValue } from '../go/value.js';
import { formatFloatG } from '../go/float-format.js';
import { resolvePlain, type ResolvedScalar } from './go-yaml-resolve.js';

export interface LoadOptions {
  /** File name recorded in origins. */
  file?: string;
  /** Record the position of each map value and list item with setOrigin. */
  origins?: boolean;
  /**
   * What the caller decodes into: interface{} ('any', the default),
   * map[string]interface{} ('map', Helm values and fromYaml) or
   * []interface{} ('slice', fromYamlArray). A mismatch is a JSON decoding error.
   */
  target?: 'any' | 'map' | 'slice';
  /**
   * sigs.k8s.io/yaml.UnmarshalStrict: a key given twice in one mapping is an
   * error ("yaml: unmarshal errors:\n  line 2: key \"a\" already set in map").
   * Helm's values loading and fromYaml are not strict: the later key wins.
   */
  strict?: boolean;
  /**
   * The Go type sigs.k8s.io/yaml.Unmarshal decodes into, when it is a struct
   * (Chart.yaml, Chart.lock, a manifest's head): its convertToJSONableObject
   * walks the tree beside the type and turns a number or boolean that lands
   * in a string field into a string. Without it the target is interface{}.
   */
  typed?: JsonTarget;
}

/**
 * The shape of a Go type as sigs.k8s.io/yaml's convertToJSONableObject sees
 * it: a string (where numbers and booleans become strings), a struct (its
 * fields by JSON name), a map or slice (its element), or anything else
 * (interface{}, bool, a type with its own UnmarshalJSON such as time.Time).
 */
export type JsonTarget =
  | { kind: 'string' }
  | { kind: 'struct'; fields: Record<string, JsonTarget> }
  | { kind: 'map' | 'slice'; elem: JsonTarget }
  | { kind: 'other' };

/**
 * The struct field a key decodes into, as convertToJSONableObject finds it:
 * the field with exactly that JSON name, else the first one equal under
 * case folding. Keys matching no field are converted untyped.
 */
function structField(fields: Record<string, JsonTarget>, key: string): JsonTarget | undefined {
  if (Object.hasOwn(fields, key)) return fields[key];
  const lower = key.toLowerCase();
  for (const [name, t] of Object.entries(fields)) if (name.toLowerCase() === lower) return t;
  return undefined;
}

/**
 * convertToJSONableObject's coercion of a scalar into a string field: ints
 * in base 10, floats with strconv.FormatFloat(f, 'g', -1, 32) (so 1.10 is
 * "1.1" and .inf is "+Inf"), booleans as "true"/"false".
 */
function scalarToString(v: V2Value): V2Value {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatFloatG(v, 32);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

/**
 * encoding/json.Marshal's refusal of a float JSON cannot hold, met in its
 * order (map keys sorted), as sigs.k8s.io/yaml's yamlToJSONTarget returns it.
 */
function firstNonFinite(v: GoValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : v;
  if (Array.isArray(v)) {
    for (const e of v) {
      const f = firstNonFinite(e);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  if (typeof v === 'object' && v !== null) {
    const m = v as GoMap;
    const keys = Object.keys(m).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const k of keys) {
      const f = firstNonFinite(m[k]);
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

const TAG_PREFIX = 'tag:yaml.org,2002:';

/** The yaml.v2 value of a node before the JSON round trip (numbers still typed). */
type V2Value = null | boolean | string | bigint | number | V2Value[] | V2Map;
/** A yaml.v2 map keeps typed keys until the JSON conversion. */
interface V2Map {
  kind: 'map';
  entries: Map<string, { key: V2Value; value: V2Value; node: YNode | null; keyNode: YNode }>;
}

function isV2Map(v: V2Value): v is V2Map {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * libyaml's wording and line for a syntax error the `yaml` package reports.
 * yaml.v2 prints scanner errors with their 1-based line and parser errors
 * with the 0-based line of the offending token, and leaves the line out when
 * that number is 0, so "a: b: c" has no line while "a:\n  - b\n c: d" says
 * "line 2". The mapping is by error kind and is approximate for rare errors.
 */
function libyamlError(err: YAMLError, text: string, lc: LineCounter): string {
  const offset = err.pos?.[0] ?? 0;
  const line1 = lc.linePos(offset).line;
  const scanner = (problem: string, line = line1): string => (line > 1 ? `line ${line}: ${problem}` : problem);
  const parser = (problem: string): string => (line1 - 1 > 0 ? `line ${line1 - 1}: ${problem}` : problem);
  const msg = err.message;
  // libyaml's parser, after closing the block collections indented deeper
  // than the offending line, expects another "- " if the innermost open one
  // is a sequence and another key if it is a mapping.
  const blockExpectation = (): string => {
    const lines = text.slice(0, offset).split('\n');
    const indentOf = (l: string): number => l.length - l.trimStart().length;
    const errLine = text.slice(text.lastIndexOf('\n', offset - 1) + 1).split('\n')[0];
    const errIndent = indentOf(errLine);
    for (let i = lines.length - 2; i >= 0; i--) {
      const l = lines[i];
      if (l.trim() === '' || l.trimStart().startsWith('#') || indentOf(l) > errIndent) continue;
      // The collections this line opens: a sequence at each "- ", then a mapping if a key follows.
      let col = indentOf(l);
      let kind = 'map';
      let rest = l.slice(col);
      while (/^-( |$)/.test(rest) && col <= errIndent) {
        kind = 'seq';
        const skip = rest.length - rest.slice(1).trimStart().length;
        col += skip;
        rest = rest.slice(skip);
        if (col <= errIndent && /^[^#]*?:( |$)/.test(rest)) kind = 'map';
      }
      return kind === 'seq' ? "did not find expected '-' indicator" : 'did not find expected key';
    }
    return 'did not find expected key';
  };
  // The ':' that turns a scalar into a key where none may start: libyaml stops there.
  const nextColonLine = (): number => {
    const m = /:(?=[ \t\r\n]|$)/.exec(text.slice(offset));
    return lc.linePos(m ? offset + m.index : offset).line;
  };
  // A tab after a plain scalar's line break "violates indentation"; elsewhere it cannot start a token.
  const tabProblem = (): string => {
    const before = text.slice(0, text.lastIndexOf('\n', offset - 1) + 1).replace(/\n$/, '');
    const prev = before.slice(before.lastIndexOf('\n') + 1);
    return /^\s*(-\s+)*[^\s#][^#]*?:\s+[^\s#|>'"{[&*!%@`]/.test(prev) || /^\s*-\s+[^\s#|>'"{[&*!%@`-]/.test(prev)
      ? 'found a tab character that violates indentation'
      : 'found character that cannot start any token';
  };
  switch (err.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return scanner('mapping values are not allowed in this context', nextColonLine());
    case 'TAB_AS_INDENT':
      return scanner(tabProblem());
    case 'BAD_SCALAR_START':
      return scanner('found character that cannot start any token');
    case 'BAD_DQ_ESCAPE':
      return scanner(/escape sequence \\[xuU]/.test(msg) ? 'did not find expected hexdecimal number' : 'found unknown escape character');
    case 'KEY_OVER_1024_CHARS':
      return scanner("could not find expected ':'");
    case 'MISSING_CHAR':
      if (/quote/i.test(msg)) return scanner('found unexpected end of stream');
      // A key with no ':' is noticed when the scanner reaches the next line.
      if (/Implicit map keys need to be followed by map values/.test(msg)) return scanner("could not find expected ':'", line1 + 1);
      if (/Sequence item without - indicator/.test(msg)) return parser("did not find expected '-' indicator");
      if (/flow map|\}/i.test(msg)) return parser("did not find expected ',' or '}'");
      if (/flow seq|\]/i.test(msg)) return parser("did not find expected ',' or ']'");
      return scanner("could not find expected ':'");
    case 'BAD_INDENT':
      if (/flow sequence/i.test(msg)) return parser("did not find expected ',' or ']'");
      if (/flow map/i.test(msg)) return parser("did not find expected ',' or '}'");
      return parser(blockExpectation());
    case 'UNEXPECTED_TOKEN':
      if (/block-seq-ind on same line/.test(msg)) return scanner('block sequence entries are not allowed in this context');
      if (/Unexpected , in flow/.test(msg)) return parser('did not find expected node content');
      return parser(blockExpectation());
    case 'BLOCK_IN_FLOW':
      return parser('did not find expected node content');
    default:
      return parser(blockExpectation());
  }
}

/** Go's %#v of a decoded yaml.v2 value, as "invalid map key" errors print it. */
function goSharpV(v: V2Value): string {
  if (v === null) return 'interface {}(nil)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatFloatG(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const parts = [...v.entries.values()].map((e) => `${goSharpV(e.key)}:${goSharpV(e.value)}`);
  return `map[interface {}]interface {}{${parts.join(', ')}}`;
}

class YamlV2Error extends Error {
  /** Where a syntax error is, 1-based (the offending token's real place, not the line libyaml's text names). */
  position?: YamlErrorPosition;
}

export interface YamlErrorPosition {
  line: number;
  column: number;
}

/**
 * An error of loadGoYaml: sigs.k8s.io/yaml's text, and for a syntax error the
 * place in the text it is at, so a caller can point at it without parsing the message.
 */
export class GoYamlError extends Error {
  constructor(
    message: string,
    readonly position?: YamlErrorPosition,
  ) {
    super(message);
  }
}

function fail(msg: string): never {
  throw new YamlV2Error(`yaml: ${msg}`);
}

interface Ctx {
  doc: Document;
  /** The YAML text, for reading scalars the way libyaml does. */
  source: string;
  lc: LineCounter;
  file: string;
  origins: boolean;
  /** Aliases being expanded, to catch an anchor that contains itself. */
  expanding: Set<YNode>;
  /** Duplicate-key errors collected in strict mode (yaml.v2 reports them all at the end). */
  strictErrors?: string[];
  /** yaml.v2's guard against alias bombs: nodes decoded, those decoded inside an alias, alias nesting. */
  decodeCount: number;
  aliasCount: number;
  aliasDepth: number;
  /** A float JSON cannot hold (±Inf, NaN) reached the JSON tree: json.Marshal will refuse it. */
  nonFinite?: boolean;
}

/** yaml.v2's allowed share of aliased nodes, shrinking from 99% to 10% between 400k and 4M decoded nodes. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

function tagOf(node: YNode): string | undefined {
  const t = (node as { tag?: string }).tag;
  return t === undefined || t === '' ? undefined : t;
}

function shortTag(tag: string): string {
  return tag.startsWith(TAG_PREFIX) ? '!!' + tag.slice(TAG_PREFIX.length) : tag;
}

/** yaml.v2's decoding of one scalar into interface{}. */
/** Characters YAML 1.1 (libyaml) reads as line breaks but YAML 1.2 (the `yaml` package) does not. */
const YAML11_BREAKS = /[\u0085\u2028\u2029]/;

const DQ_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', "'": "'", '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/**
 * libyaml's reading of a quoted scalar (source text with its quotes), used
 * when it contains NEL, LS or PS: YAML 1.1 folds at those too. Blanks before
 * a break are dropped, blanks after it skipped; a single '\n'-type break
 * becomes a space, LS and PS are kept.
 */
function decodeQuoted11(raw: string): string {
  const cps = Array.from(raw);
  const quote = cps[0];
  const single = quote === "'";
  let i = 1;
  let out = '';
  const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
  const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || (c !== undefined && YAML11_BREAKS.test(c));
  const readLine = (): string => {
    const c = cps[i];
    if (c === '\r' && cps[i + 1] === '\n') {
      i += 2;
      return '\n';
    }
    i++;
    return c === '\r' || c === '\n' || c === '\u0085' ? '\n' : c;
  };
  while (i < cps.length) {
    let leadingBlanks = false;
    while (i < cps.length && !isBlank(cps[i]) && !isBreak(cps[i])) {
      const c = cps[i];
      if (single && c === "'" && cps[i + 1] === "'") {
        out += "'";
        i += 2;
      } else if (c === quote) break;
      else if (!single && c === '\\' && isBreak(cps[i + 1])) {
        i++;
        readLine();
        leadingBlanks = true;
        break;
      } else if (!single && c === '\\') {
        const e = cps[i + 1];
        const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
        if (width) {
          out += String.fromCodePoint(parseInt(cps.slice(i + 2, i + 2 + width).join(''), 16));
          i += 2 + width;
        } else {
          out += DQ_ESCAPES[e] ?? e;
          i += 2;
        }
      } else {
        out += c;
        i++;
      }
    }
    if (cps[i] === quote && !(single && cps[i + 1] === quote)) break;
    let whitespaces = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    while (isBlank(cps[i]) || isBreak(cps[i])) {
      if (isBlank(cps[i])) {
        if (!leadingBlanks) whitespaces += cps[i];
        i++;
      } else if (!leadingBlanks) {
        whitespaces = '';
        leadingBreak = readLine();
        leadingBlanks = true;
      } else trailingBreaks += readLine();
    }
    if (leadingBlanks) {
      if (leadingBreak.startsWith('\n')) out += trailingBreaks === '' ? ' ' : trailingBreaks;
      else out += leadingBreak + trailingBreaks;
    } else out += whitespaces;
  }
  return out;
}

/**
 * The text of a scalar as libyaml reads it. Two differences from the `yaml`
 * package are patched: quoted scalars with YAML 1.1-only line breaks, and a
 * block scalar ending the input without a final line break (libyaml then
 * adds none, even with clip or keep chomping).
 */
function scalarText(node: Scalar, ctx: Ctx): string {
  let text = String(node.value ?? '');
  const range = node.range;
  if (!range) return text;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    const raw = ctx.source.slice(range[0], range[1]);
    if (YAML11_BREAKS.test(raw)) text = decodeQuoted11(raw);
  } else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const raw = ctx.source.slice(range[0], range[1]);
    if (text.endsWith('\n') && !/[\n\r]$/.test(raw)) text = text.slice(0, -1);
  }
  return text;
}

function scalarValue(node: Scalar, ctx: Ctx): V2Value {
  const text = scalarText(node, ctx);
  const tag = tagOf(node);
  const quotedOrBlock = node.type !== 'PLAIN' && node.type !== undefined;
  if (tag === undefined) {
    if (quotedOrBlock) return text;
    return fromResolved(resolvePlain(text));
  }
  if (tag === '!') return text;
  if (!tag.startsWith(TAG_PREFIX)) return text; // application tags: resolvable only as strings
  const want = tag.slice(TAG_PREFIX.length);
  if (want === 'str') return text;
  if (want === 'binary') {
    const clean = text.replace(/\s/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) fail('!!binary value contains invalid base64 data');
    return Buffer.from(clean, 'base64').toString('latin1');
  }
  if (!['bool', 'int', 'float', 'null', 'timestamp'].includes(want)) return text;
  const r = resolvePlain(text);
  if (r.tag === want) return fromResolved(r);
  if (want === 'float' && r.tag === 'int') return Number(r.value);
  return fail(`cannot decode ${shortTag(TAG_PREFIX + r.tag)} \`${text}\` as a ${shortTag(tag)}`);
}

function fromResolved(r: ResolvedScalar): V2Value {
  switch (r.tag) {
    case 'int':
    case 'float':
    case 'bool':
    case 'null':
    case 'str':
      return r.value;
    case 'timestamp':
    case 'merge':
      // Timestamps decode to their text for interface{} targets (yaml.v2's compatibility rule).
      return r.value;
  }
}

function isMergeKey(node: YNode): boolean {
  if (!isScalar(node)) return false;
  const tag = tagOf(node);
  if (node.value !== '<<') return false;
  return (tag === undefined && node.type === 'PLAIN') || tag === TAG_PREFIX + 'merge';
}

function deref(node: YNode, ctx: Ctx): YNode {
  if (!isAlias(node)) return node;
  const target = (node as Alias).resolve(ctx.doc);
  if (!target) fail(`unknown anchor '${(node as Alias).source}' referenced`);
  return target as YNode;
}

/** The string a yaml.v2 key becomes in JSON (sigs.k8s.io/yaml's key conversion). */
function keyString(k: V2Value): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'bigint') return k.toString();
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (typeof k === 'number') {
    if (Number.isNaN(k)) return '.nan';
    if (k === Infinity) return '.inf';
    if (k === -Infinity) return '-.inf';
    return formatFloatG(k, 32);
  }
  if (k === null) return 'null';
  return fail(`invalid map key: ${goSharpV(k)}`);
}

/** The YAML nodes of a converted sequence's items, kept for origins. */
const seqItemNodes = new WeakMap<V2Value[], Array<YNode | null>>();

function convert(node: YNode | null, ctx: Ctx): V2Value {
  ctx.decodeCount++;
  if (ctx.aliasDepth > 0) ctx.aliasCount++;
  if (ctx.aliasCount > 100 && ctx.decodeCount > 1000 && ctx.aliasCount / ctx.decodeCount > allowedAliasRatio(ctx.decodeCount)) {
    fail('document contains excessive aliasing');
  }
  if (node === null) return null;
  if (isAlias(node)) {
    const target = deref(node, ctx);
    if (ctx.expanding.has(target)) fail(`anchor '${(node as Alias).source}' value contains itself`);
    ctx.expanding.add(target);
    ctx.aliasDepth++;
    try {
      return convert(target, ctx);
    } finally {
      ctx.aliasDepth--;
      ctx.expanding.delete(target);
    }
  }
  if (isScalar(node)) return scalarValue(node, ctx);
  if (isSeq(node)) {
    const items = node.items as Array<YNode | null>;
    const out = items.map((item) => convert(item, ctx));
    if (ctx.origins) seqItemNodes.set(out, items);
    return out;
  }
  if (isMap(node)) {
    const out: V2Map = { kind: 'map', entries: new Map() };
    // Explicit keys by Go type and value, for strict mode (1 and "1" are different keys there).
    const seen = ctx.strictErrors ? new Set<string>() : undefined;
    for (const pair of node.items) {
      const keyNode = pair.key as YNode | null;
      const valueNode = pair.value as YNode | null;
      if (keyNode && isMergeKey(keyNode)) {
        merge(valueNode, out, ctx);
        continue;
      }
      const key = keyNode === null ? null : convert(keyNode, ctx);
      if (Array.isArray(key) || isV2Map(key)) keyString(key);
      const ks = keyString(key);
      if (seen) {
        const id = `${typeof key}:${String(key)}`;
        if (seen.has(id)) {
          const at = valueNode ?? keyNode ?? node;
          const line = ctx.lc.linePos(at.range?.[0] ?? 0).line;
          ctx.strictErrors?.push(`line ${line}: key ${goSharpV(key)} already set in map`);
          continue;
        }
        seen.add(id);
      }
      const value = convert(valueNode, ctx);
      out.entries.delete(ks);
      out.entries.set(ks, { key, value, node: valueNode, keyNode: keyNode ?? node });
    }
    return out;
  }
  return null;
}

/** yaml.v2's merge: a map's pairs are set into the target; a list of maps is applied last to first. */
function merge(valueNode: YNode | null, out: V2Map, ctx: Ctx): void {
  const wantMap = (): never => fail('map merge requires map or sequence of maps as the value');
  if (valueNode === null) return wantMap();
  const apply = (n: YNode): void => {
    const v = convert(n, ctx);
    if (!isV2Map(v)) wantMap();
    for (const [k, e] of (v as V2Map).entries) {
      out.entries.delete(k);
      out.entries.set(k, e);
    }
  };
  const target = deref(valueNode, ctx);
  if (isMap(target)) return apply(valueNode);
  if (isSeq(valueNode)) {
    for (let i = valueNode.items.length - 1; i >= 0; i--) {
      const item = valueNode.items[i] as YNode | null;
      if (item === null || !isMap(deref(item, ctx))) wantMap();
      apply(item as YNode);
    }
    return;
  }
  wantMap();
}

/** An empty value (`key:`) is a zero-width node; its key is the better place to point at. */
function hasExtent(node: YNode | null): node is YNode {
  return node !== null && node.range !== undefined && node.range !== null && node.range[1] > node.range[0];
}

function positionOf(node: YNode, ctx: Ctx): { file: string; line: number; column: number; endLine: number; endColumn: number } {
  const [start, end] = node.range ?? [0, 0];
  const s = ctx.lc.linePos(start);
  const e = ctx.lc.linePos(end);
  return { file: ctx.file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
}

/**
 * The JSON round trip: integers become float64 and Go maps are built as
 * null-prototype objects; `target` is the Go type being decoded into (see
 * JsonTarget). ±Inf and NaN stay numbers here and are refused afterwards,
 * as json.Marshal refuses them. Origins are recorded here because this is
 * where the final containers exist: a map value's origin is its value node
 * (the key when the value is empty), a list item's is the item.
 */
function toGo(v: V2Value, ctx: Ctx, target?: JsonTarget): GoValue {
  if (target?.kind === 'string') v = scalarToString(v);
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) ctx.nonFinite = true;
    return v;
  }
  if (Array.isArray(v)) {
    const elem = target?.kind === 'slice' ? target.elem : undefined;
    const out = v.map((e) => toGo(e, ctx, elem));
    const nodes = ctx.origins ? seqItemNodes.get(v) : undefined;
    nodes?.forEach((n, i) => {
      if (n) setOrigin(out, i, positionOf(n, ctx));
    });
    return out;
  }
  const m: GoMap = Object.create(null);
  for (const [k, e] of v.entries) {
    const t = target?.kind === 'struct' ? structField(target.fields, k) : target?.kind === 'map' ? target.elem : undefined;
    m[k] = toGo(e.value, ctx, t);
    if (ctx.origins) setOrigin(m, k, positionOf(hasExtent(e.node) ? e.node : e.keyNode, ctx));
  }
  return m;
}

function jsonKindOf(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/**
 * libyaml's yaml_parser_scan_directive on the directives that open the
 * stream: only %YAML and %TAG exist, and any other name is a scanner error
 * (the `yaml` package only warns). The line is left out on the first line,
 * as yaml.v2 prints a scanner error whose mark is on line 0.
 */
function checkDirectives(text: string): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^%([0-9A-Za-z_-]*)(.?)/.exec(line);
    if (!m) return;
    const where = i > 0 ? `line ${i + 1}: ` : '';
    if (m[1] === '') fail(`${where}could not find expected directive name`);
    if (m[2] !== '' && m[2] !== ' ' && m[2] !== '\t') fail(`${where}found unexpected non-alphabetical character`);
    if (m[1] !== 'YAML' && m[1] !== 'TAG') fail(`${where}found unknown directive name`);
  }
}

function parseFirstDocument(text: string, lc: LineCounter): Document | undefined {
  checkDirectives(text);
  const docs = parseAllDocuments(text, {
    version: '1.1',
    schema: 'failsafe',
    uniqueKeys: false,
    merge: false,
    lineCounter: lc,
    strict: false,
  });
  if (!Array.isArray(docs)) return undefined;
  const doc = docs[0];
  if (!doc) return undefined;
  const err = doc.errors[0];
  if (err) {
    const e = new YamlV2Error(`yaml: ${libyamlError(err, text, lc)}`);
    const at = lc.linePos(err.pos?.[0] ?? 0);
    e.position = { line: at.line, column: at.col };
    throw e;
  }
  return doc;
}

/**
 * sigs.k8s.io/yaml.Unmarshal(text, &target) for Helm values and fromYaml.
 * Returns undefined when the document is empty or null (the target is left
 * as it was). Throws Error("error converting YAML to JSON: yaml: ...") or
 * Error("error unmarshaling JSON: json: cannot unmarshal ...").
 */
export function loadGoYaml(text: string, opts: LoadOptions = {}): GoValue {
  const lc = new LineCounter();
  let go: GoValue;
  let ctx: Ctx | undefined;
  let root: YNode | null = null;
  try {
    const doc = parseFirstDocument(text, lc);
    if (!doc) return undefined;
    // decodeCount starts at 1 for the document node.
    ctx = {
      doc, source: text, lc, file: opts.file ?? '', origins: opts.origins ?? false, expanding: new Set(),
      decodeCount: 1, aliasCount: 0, aliasDepth: 0,
    };
    if (opts.strict) ctx.strictErrors = [];
    root = (doc.contents as YNode | null) ?? null;
    go = toGo(convert(root, ctx), ctx, opts.typed);
    if (ctx.strictErrors?.length) throw new YamlV2Error(`yaml: unmarshal errors:\n  ${ctx.strictErrors.join('\n  ')}`);
    const bad = ctx.nonFinite ? firstNonFinite(go) : undefined;
    if (bad !== undefined) throw new YamlV2Error(`json: unsupported value: ${formatFloatG(bad)}`);
  } catch (e) {
    if (e instanceof YamlV2Error) throw new GoYamlError(`error converting YAML to JSON: ${e.message}`, e.position);
    throw e;
  }
  const target = opts.target ?? 'any';
  if (go === null) return undefined;
  if (target !== 'any') {
    const kind = jsonKindOf(go);
    const want = target === 'map' ? 'object' : 'array';
    if (kind !== want) {
      const type = target === 'map' ? 'map[string]interface {}' : '[]interface {}';
      throw new Error(`error unmarshaling JSON: json: cannot unmarshal ${kind} into Go value of type ${type}`);
    }
  }
  return go;
}
