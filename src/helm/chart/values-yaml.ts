/**
 * Reading values files (values.yaml, `-f` files) as Helm does: YAML 1.1
 * scalars (y/n/on/off booleans, 0777 octal), numbers as float64, dates kept
 * as strings, `<<` merges, and every leaf's position recorded as its origin.
 *
 * This is the chart layer's adapter; it uses the `yaml` package directly
 * until the shared Go-YAML loader (src/helm/yaml) is available.
 */
import { parseDocument, isMap, isSeq, isScalar, isAlias, isPair, LineCounter, type Node, type Document } from 'yaml';
import { setOrigin, type GoMap, type GoValue } from '../template/value.js';

export class YamlError extends Error {}

const DROPPED_TAGS = new Set(['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set']);

type TagLike = { tag: string; format?: string };

function goYamlTags(tags: unknown[]): unknown[] {
  return tags.filter((t) => {
    const tag = t as TagLike;
    if (DROPPED_TAGS.has(tag.tag)) return false;
    // Sexagesimal numbers (1:30) are YAML 1.1 but go-yaml reads them as strings.
    return tag.format !== 'TIME';
  });
}

/** The message sigs.k8s.io/yaml would give, as close as we can get it. */
function yamlErrorMessage(doc: Document, lc: LineCounter): string {
  const err = doc.errors[0];
  const line = lc.linePos(err.pos[0]).line;
  let what = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'MULTILINE_IMPLICIT_KEY') what = 'could not find expected \':\'';
  else if (err.code === 'BAD_INDENT') what = 'did not find expected key';
  else if (err.code === 'DUPLICATE_KEY') what = 'mapping key already defined';
  else if (err.code === 'TAB_AS_INDENT') what = 'found character that cannot start any token';
  return `error converting YAML to JSON: yaml: line ${line}: ${what}`;
}

interface Converted {
  value: GoValue;
}

/**
 * Parses one YAML document into Go values (maps are null-prototype objects),
 * recording origins as `file:line:col` of each value. Returns undefined for
 * an empty document.
 */
export function readYamlValues(text: string, file: string, withOrigins = true): GoValue {
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.1',
    customTags: goYamlTags as never,
    lineCounter: lc,
    keepSourceTokens: false,
    uniqueKeys: false,
    merge: true,
    strict: false,
  });
  if (doc.errors.length > 0) throw new YamlError(yamlErrorMessage(doc, lc));
  const anchorsSeen = new Map<Node, Converted>();
  const convert = (node: unknown): GoValue => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return target ? convert(target) : null;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
      if (typeof v === 'bigint') return Number(v);
      if (v === undefined) return null;
      return v as GoValue;
    }
    if (isSeq(node)) {
      const out: GoValue[] = [];
      node.items.forEach((item, i) => {
        out.push(convert(item));
        if (withOrigins) record(out, i, item as Node);
      });
      return out;
    }
    if (isMap(node)) {
      const cached = anchorsSeen.get(node as Node);
      if (cached) return cached.value;
      const out: GoMap = Object.create(null) as GoMap;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        if (isScalar(keyNode) && keyNode.value === '<<' && keyNode.type === 'PLAIN') {
          mergeInto(out, pair.value);
          continue;
        }
        const key = keyString(convert(keyNode));
        out[key] = convert(pair.value);
        if (withOrigins) record(out, key, (pair.value ?? pair.key) as Node);
      }
      return out;
    }
    return null;
  };
  const mergeInto = (out: GoMap, src: unknown): void => {
    const sources = isSeq(src) ? src.items : [src];
    for (const s of sources) {
      const v = convert(s);
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k, val] of Object.entries(v as GoMap)) if (!(k in out)) out[k] = val;
      }
    }
  };
  const record = (container: object, key: string | number, node: Node | null | undefined): void => {
    const range = node?.range;
    if (!range) return;
    const start = lc.linePos(range[0]);
    const end = lc.linePos(range[1]);
    setOrigin(container, key, { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col });
  };
  return convert(doc.contents);
}

/** Map keys become strings as sigs.k8s.io/yaml makes them (through JSON). */
function keyString(k: GoValue): string {
  if (k === null || k === undefined) return 'null';
  if (typeof k === 'string') return k;
  if (typeof k === 'number') return String(k);
  return String(k);
}

/** A values document: an empty file is an empty map; anything but a map is Helm's unmarshal error. */
export function readValuesFile(text: string, file: string): GoMap {
  const v = readYamlValues(text, file);
  if (v === null || v === undefined) return Object.create(null) as GoMap;
  if (typeof v !== 'object' || Array.isArray(v)) {
    const kind = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number';
    throw new YamlError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
  }
  return v as GoMap;
}
