/**
 * From rendered template files to release manifests, as Helm's releaseutil
 * does: split each file on `(?:^|\s*\n)---\s*`, drop empty documents, read
 * each document's head (apiVersion, kind, metadata.name/annotations), set
 * hooks (helm.sh/hook) apart, and stable-sort both by InstallOrder.
 * Every document keeps its offset in the rendered file for provenance.
 */
import jsyaml from 'js-yaml';
import { isGoMap, type GoMap, type GoValue } from '../go/value.js';
import { goLeadingSpace, goTrimSpace } from '../go/unicode.js';
import { compareGoStrings } from '../go/utf8.js';
import type { JsonTarget } from '../yaml/go-yaml-load.js';
import { jsonKind } from './metadata.js';
import { BoundedTextCache } from '../go/text-cache.js';
import { readYamlValues, YamlError } from './values-yaml.js';

export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim',
  'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role',
  'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet',
  'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
];

const ORDER = new Map(INSTALL_ORDER.map((k, i) => [k, i]));

const HOOK_EVENTS = new Set([
  'pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade', 'pre-rollback', 'post-rollback', 'test', 'test-success',
]);

/** A rendered file that is not valid YAML; `template` names it. */
export class ManifestError extends Error {
  constructor(
    message: string,
    readonly template?: string,
  ) {
    super(message);
  }
}

/** A piece of a rendered file: the trimmed document text and where it starts in the file. */
export interface SplitPiece {
  text: string;
  offset: number;
}

/** Go's strings.TrimSpace with the start offset of what remains. */
function trimWithOffset(s: string, base: number): SplitPiece {
  const lead = goLeadingSpace(s);
  const text = goTrimSpace(s);
  return { text, offset: base + (text === '' ? 0 : lead) };
}

/** RE2's `\s`: [\t\n\f\r ] (no vertical tab). */
function isRe2Space(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * releaseutil.SplitManifests, keeping offsets: the file is trimmed, split on
 * `(?:^|\s*\n)---\s*` and every non-empty piece trimmed again. The
 * separator is found by hand, with the same leftmost, non-overlapping
 * matches Go's regexp gives: a "---" at the very start, or one right after a
 * newline, taking the blanks before it (back to the previous separator) and
 * all the blanks after it. A regular expression here is quadratic on long
 * runs of indentation.
 */
export function splitManifests(file: string): SplitPiece[] {
  const whole = trimWithOffset(file, 0);
  const big = whole.text;
  const pieces: SplitPiece[] = [];
  const push = (from: number, to: number) => {
    const d = big.slice(from, to);
    if (d === '') return;
    pieces.push(trimWithOffset(d, whole.offset + from));
  };
  let last = 0;
  let from = 0;
  for (;;) {
    const b = big.indexOf('---', from);
    if (b < 0) break;
    let start: number;
    if (b === 0 && last === 0) start = 0;
    else if (b - 1 >= last && big.charCodeAt(b - 1) === 0x0a) {
      start = b - 1;
      while (start - 1 >= last && isRe2Space(big.charCodeAt(start - 1))) start--;
    } else {
      from = b + 1;
      continue;
    }
    let end = b + 3;
    while (end < big.length && isRe2Space(big.charCodeAt(end))) end++;
    push(last, start);
    last = end;
    from = end;
  }
  push(last, big.length);
  return pieces;
}

/** The fields Helm reads from every manifest. */
export interface SimpleHead {
  apiVersion: string;
  kind: string;
  name: string;
  annotations: Record<string, string> | null;
}

/** Strings a plain YAML 1.1 scalar would not leave as strings (booleans, numbers): when js-yaml gives one, ask the exact loader. */
const MAYBE_NOT_STRING_IN_YAML11 = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.?[0-9].*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/s;

function plainString(v: unknown): v is string | null | undefined {
  return v === undefined || v === null || (typeof v === 'string' && !MAYBE_NOT_STRING_IN_YAML11.test(v));
}

/**
 * A caller's own js-yaml parse of a rendered document (a linter parses each one anyway),
 * read instead of a parse of the renderer's: it must throw where js-yaml throws, and its
 * scalars may be typed the YAML 1.1 way (the head is only taken from plain strings that
 * both typings keep as strings). The value is only read.
 */
export type DocumentParser = (doc: string) => unknown;

/**
 * The head of a well-formed, ordinary document, read with js-yaml (about ten
 * times faster than the exact Go-YAML loader on large rendered CRDs).
 * Undefined whenever the exact loader could answer differently: a syntax
 * error, a head field that is not a string, or a string a YAML 1.1 reader
 * might type differently.
 */
function fastHead(doc: string, parse: DocumentParser = jsyaml.load): SimpleHead | undefined {
  let v: unknown;
  try {
    v = parse(doc);
  } catch {
    return undefined;
  }
  const head: SimpleHead = { apiVersion: '', kind: '', name: '', annotations: null };
  if (v === null || v === undefined) return head;
  if (typeof v !== 'object' || Array.isArray(v)) return undefined;
  const m = v as Record<string, unknown>;
  if (!plainString(m.apiVersion) || !plainString(m.kind)) return undefined;
  head.apiVersion = m.apiVersion ?? '';
  head.kind = m.kind ?? '';
  const md = m.metadata;
  if (md === undefined || md === null) return head;
  if (typeof md !== 'object' || Array.isArray(md)) return undefined;
  const mdm = md as Record<string, unknown>;
  if (!plainString(mdm.name)) return undefined;
  head.name = mdm.name ?? '';
  const ann = mdm.annotations;
  if (ann === undefined || ann === null) return head;
  if (typeof ann !== 'object' || Array.isArray(ann)) return undefined;
  head.annotations = {};
  for (const [k, val] of Object.entries(ann as Record<string, unknown>)) {
    if (!plainString(val)) return undefined;
    head.annotations[k] = val ?? '';
  }
  return head;
}

/**
 * releaseutil.SimpleHead as sigs.k8s.io/yaml's convertToJSONableObject walks
 * it: numbers and booleans in its string fields and annotation values become
 * strings (`big: 1000000` is "1000000"), so they are no decoding error.
 */
const SIMPLE_HEAD: JsonTarget = {
  kind: 'struct',
  fields: {
    apiVersion: { kind: 'string' },
    kind: { kind: 'string' },
    metadata: { kind: 'struct', fields: { name: { kind: 'string' }, annotations: { kind: 'map', elem: { kind: 'string' } } } },
  },
};

/**
 * Heads read the fast way, by document text: a lint renders a chart once per
 * ci values file and most documents come out the same each time. Bounded; the
 * heads are frozen since renders share them.
 */
const fastHeads = new BoundedTextCache<SimpleHead | null>(8_000_000);

/** Counters for the structural tests: how many documents were really loaded to read a head. */
export const headStats = { fastLoads: 0 };

function cachedFastHead(doc: string): SimpleHead | undefined {
  const head = fastHeads.get(doc, () => {
    headStats.fastLoads++;
    const h = fastHead(doc);
    if (h?.annotations) Object.freeze(h.annotations);
    return h ? Object.freeze(h) : null;
  });
  return head ?? undefined;
}

/** yaml.Unmarshal into releaseutil.SimpleHead, with Go's error text; `parse`: the caller's parse to read it from (see DocumentParser). */
export function readHead(doc: string, path: string, parse?: DocumentParser): SimpleHead {
  const fast = parse ? fastHead(doc, parse) : cachedFastHead(doc);
  if (fast) return fast;
  let v: GoValue;
  try {
    v = readYamlValues(doc, path, false, SIMPLE_HEAD);
  } catch (e) {
    if (e instanceof YamlError) throw new ManifestError(`YAML parse error on ${path}: ${e.message}`, path);
    throw e;
  }
  const head: SimpleHead = { apiVersion: '', kind: '', name: '', annotations: null };
  if (v === null || v === undefined) return head;
  const bad = (what: string, type: string, got: GoValue): never => {
    throw new ManifestError(`YAML parse error on ${path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(got)} into Go ${what} of type ${type}`, path);
  };
  if (!isGoMap(v)) bad('value', 'releaseutil.SimpleHead', v);
  const m = v as GoMap;
  const str = (x: GoValue, field: string): string => {
    if (x === undefined || x === null) return '';
    if (typeof x !== 'string') bad(`struct field SimpleHead.${field}`, 'string', x);
    return x as string;
  };
  head.apiVersion = str(m.apiVersion, 'apiVersion');
  head.kind = str(m.kind, 'kind');
  const md = m.metadata;
  if (md !== undefined && md !== null) {
    if (!isGoMap(md)) bad('struct field SimpleHead.metadata', 'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }', md);
    const mdm = md as GoMap;
    head.name = str(mdm.name, 'metadata.name');
    const ann = mdm.annotations;
    if (ann !== undefined && ann !== null) {
      if (!isGoMap(ann)) bad('struct field .metadata.annotations', 'map[string]string', ann);
      head.annotations = {};
      for (const [k, val] of Object.entries(ann as GoMap)) {
        if (val !== null && typeof val !== 'string') bad('struct field .metadata.annotations', 'string', val);
        head.annotations[k] = (val as string | null) ?? '';
      }
    }
  }
  return head;
}

export interface Manifest {
  /** Template name, e.g. "mychart/templates/svc.yaml". */
  name: string;
  content: string;
  head: SimpleHead;
  /** Offset of `content` in the rendered file. */
  offset: number;
}

export interface Hook extends Manifest {
  events: string[];
  weight: number;
}

function lessByKind(a: string, b: string): boolean {
  const first = ORDER.get(a);
  const second = ORDER.get(b);
  if (first === undefined && second === undefined) return a !== b ? compareGoStrings(a, b) < 0 : false;
  if (first === undefined) return false;
  if (second === undefined) return true;
  return first < second;
}

function stableSortByKind<T extends Manifest>(list: T[]): T[] {
  return list
    .map((m, i) => ({ m, i }))
    .sort((x, y) => {
      if (lessByKind(x.m.head.kind, y.m.head.kind)) return -1;
      if (lessByKind(y.m.head.kind, x.m.head.kind)) return 1;
      return x.i - y.i;
    })
    .map((x) => x.m);
}

/**
 * releaseutil.SortManifests: files in path order, documents in file order,
 * hooks apart; both lists sorted by kind. Unknown hook types are skipped
 * with Helm's log line.
 */
export function sortManifests(files: Map<string, string>, log: (msg: string) => void, parse?: DocumentParser): { hooks: Hook[]; manifests: Manifest[] } {
  const hooks: Hook[] = [];
  const generic: Manifest[] = [];
  const paths = [...files.keys()].sort(compareGoStrings);
  for (const path of paths) {
    const content = files.get(path)!;
    if (path.slice(path.lastIndexOf('/') + 1).startsWith('_')) continue;
    if (goTrimSpace(content) === '') continue;
    for (const piece of splitManifests(content)) {
      const head = readHead(piece.text, path, parse);
      const manifest: Manifest = { name: path, content: piece.text, head, offset: piece.offset };
      const hookTypes = head.annotations && Object.keys(head.annotations).length > 0 ? head.annotations['helm.sh/hook'] : undefined;
      if (hookTypes === undefined) {
        generic.push(manifest);
        continue;
      }
      const events: string[] = [];
      let unknown = false;
      for (const t of hookTypes.split(',')) {
        const e = t.trim().toLowerCase();
        if (!HOOK_EVENTS.has(e)) {
          unknown = true;
          break;
        }
        events.push(e === 'test-success' ? 'test' : e);
      }
      if (unknown) {
        log(`info: skipping unknown hook: ${JSON.stringify(hookTypes)}`);
        continue;
      }
      const w = Number.parseInt(head.annotations!['helm.sh/hook-weight'] ?? '', 10);
      const weightText = head.annotations!['helm.sh/hook-weight'] ?? '';
      hooks.push({ ...manifest, events, weight: /^[+-]?[0-9]+$/.test(weightText) ? w : 0 });
    }
  }
  return { hooks: stableSortByKind(hooks), manifests: stableSortByKind(generic) };
}
