/**
 * Turns the text of one manifest file into resources: split into documents,
 * parse each with js-yaml (fast, YAML 1.1 like Kubernetes), and keep only the
 * text span for positions, which are computed lazily by DocumentLocator.
 * One broken document never hides the others.
 */
import yaml from 'js-yaml';
import type { Location, ResourcePath } from '../types.js';
import type { NodeLocation, Resource, SourceDocument } from '../engine/resource.js';
import { groupOf } from '../k8s/api-groups.js';
import { CLUSTER_SCOPED_KINDS } from '../k8s/kinds.js';
import { DocumentLocator, type LocateTarget } from './locate.js';
import { FileText } from './file-text.js';
import { ownString } from '../engine/own-string.js';
import { jsonSyntaxError } from './json-syntax.js';
import { reasonWithoutInputText, tokenBefore } from './yaml-error-text.js';
import { splitYamlDocuments, type DocumentChunk } from './split.js';
import { YAML11_SCHEMA } from './yaml11-schema.js';

/** A problem found while loading, before any rule runs (always rule `yaml-syntax`). */
export interface LoadProblem {
  ruleId: 'yaml-syntax' | 'helm-render';
  severity?: 'error' | 'warning' | 'info';
  message: string;
  location: Location;
}

export interface ParsedFile {
  resources: Resource[];
  problems: LoadProblem[];
  /** Documents that parsed to something (used for suppression comments). */
  documents: SourceDocument[];
  /** True when no document looked like a Kubernetes object (e.g. a CI file); such files are skipped. */
  notKubernetes: boolean;
}

export interface ParseOptions {
  /** Namespace of namespaced objects that set none. */
  defaultNamespace: string;
  /** JSON files parse as one document. */
  json?: boolean;
  /** Where a `# Source:` comment's template is on disk (src/load/source-comment.ts); without it, no related location. */
  resolveSource?: (source: string) => string | undefined;
  /**
   * The file was named on the command line: every document must be a Kubernetes object
   * (as kubeconform expects). Files found by walking a directory are skipped instead
   * when nothing in them looks like Kubernetes (CI files, tool configs).
   */
  strict?: boolean;
  /** Parse only the documents whose text passes (the rest are skipped unread): a quick look for some kinds. */
  only?: (documentText: string) => boolean;
}

/** Where resources go as they are made: a list, or a stream that checks them in batches (src/lint-units.ts). */
export interface ResourceSink {
  push(resource: Resource): unknown;
}

/** Bounds that keep hostile input (alias bombs, absurd nesting) from hanging or crashing us. */
const MAX_EXPANDED_NODES = 1_000_000;
const MAX_DEPTH = 500;
/** Ten times the largest object the API server stores (etcd's 1.5 MB request limit), as expanded by aliases. */
const MAX_EXPANDED_BYTES = 16 * 2 ** 20;

export class TextDocument implements SourceDocument {
  private locator: DocumentLocator | undefined;
  /** Where the document's text is in the file's, and the file line it starts on (0-based): numbers, not the splitter's chunk object. */
  private readonly start_: number;
  private readonly end: number;
  private readonly line: number;

  constructor(
    readonly file: string,
    readonly index: number,
    /** The file's text, shared by its documents (off the heap once a stream keeps this document: see kept()). */
    private readonly fileText: FileText,
    chunk: DocumentChunk,
    readonly source?: string,
    /** The `# Source:` template on disk (display path), when it exists there. */
    private readonly sourceFile?: string,
  ) {
    this.start_ = chunk.start;
    this.end = chunk.end;
    this.line = chunk.line;
  }

  private loc(): DocumentLocator {
    return (this.locator ??= new DocumentLocator(this.fileText.slice(this.start_, this.end)));
  }

  release(): void {
    this.locator = undefined;
  }

  /**
   * Kept by a stream once its batch ran (SourceDocument.kept): no locator, and the file's text
   * off the V8 heap (src/load/file-text.ts); a cross-resource finding is placed as before.
   */
  kept(): SourceDocument {
    this.fileText.keep();
    this.locator = undefined;
    return this;
  }

  locate(path: ResourcePath, target: LocateTarget = 'value'): NodeLocation {
    const r = this.loc().locate(path, target);
    // Saved `helm template` output: its `# Source:` comment names the template to edit.
    if (this.sourceFile) return { location: this.shift(r), related: [{ file: this.sourceFile, line: 1, column: 1, message: 'rendered from this template (# Source: comment)' }] };
    return { location: this.shift(r) };
  }

  start(): Location {
    return this.shift(this.loc().start());
  }

  private shift(r: { line: number; column: number; endLine: number; endColumn: number }): Location {
    return {
      file: this.file,
      line: r.line + this.line,
      column: r.column,
      endLine: r.endLine + this.line,
      endColumn: r.endColumn,
    };
  }
}

/**
 * The resources, problems and documents of one file. With `sink`, each resource goes there
 * as soon as its document is parsed (and `resources` stays empty): a file that yields a
 * resource is a Kubernetes file, so nothing sent is ever taken back.
 */
export function parseManifestText(text: string, file: string, opts: ParseOptions, sink?: ResourceSink): ParsedFile {
  const out: ParsedFile = { resources: [], problems: [], documents: [], notKubernetes: false };
  const into = { resources: sink ?? out.resources, problems: out.problems };
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep offsets; a BOM is not content
  // A file that never mentions apiVersion or kind is not a manifest (a CI file, a tsconfig...): skip it whole.
  if (!opts.strict && !/(?:^|[\s{,"'])(?:apiVersion|kind)["']?\s*:/m.test(text)) {
    out.notKubernetes = text.trim() !== '';
    return out;
  }
  const chunks = opts.json ? [{ start: 0, end: text.length, line: 0 }] : splitYamlDocuments(text);
  let sawKubernetes = false;
  const shapeless: Array<{ doc: TextDocument; message: string }> = [];
  const fileText = new FileText(text);
  chunks.forEach((chunk, index) => {
    const chunkText = text.slice(chunk.start, chunk.end);
    if (opts.only && !opts.only(chunkText)) return;
    const sourceMatch = /^# Source: (.+)$/m.exec(chunkText.slice(0, 2000));
    // A string of its own: a view of the text would keep it all while the document is kept (a large input's stream).
    const source = sourceMatch ? ownString(sourceMatch[1].trim()) : undefined;
    const doc = new TextDocument(file, index, fileText, chunk, source, source ? opts.resolveSource?.(source) : undefined);
    let value: unknown;
    try {
      if (opts.json) value = JSON.parse(chunkText);
      else {
        const loaded = loadYamlDocument(chunkText);
        value = loaded.value;
        if (loaded.duplicate) out.problems.push(syntaxProblem(loaded.duplicate, file, chunk, chunkText, false));
      }
    } catch (e) {
      out.problems.push(syntaxProblem(e, file, chunk, chunkText, !!opts.json));
      return;
    }
    if (value === undefined || value === null) return; // empty or comment-only document
    out.documents.push(doc);
    // Without an alias (`*name`) there is no expansion to bound, and js-yaml already caps nesting.
    const bound = chunkText.includes('*') ? checkBounds(value, chunkText.length) : undefined;
    if (bound) {
      out.problems.push({ ruleId: 'yaml-syntax', message: bound, location: doc.start() });
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      shapeless.push({ doc, message: `document is a ${Array.isArray(value) ? 'list' : typeof value}, not a Kubernetes object (a mapping with apiVersion and kind)` });
      return;
    }
    const obj = value as Record<string, unknown>;
    const hasApi = typeof obj.apiVersion === 'string' && obj.apiVersion !== '';
    const hasKind = typeof obj.kind === 'string' && obj.kind !== '';
    if (!hasApi || !hasKind) {
      if ('apiVersion' in obj || 'kind' in obj) sawKubernetes = true;
      const missing = [!hasApi && 'apiVersion', !hasKind && 'kind'].filter(Boolean).join(' and ');
      shapeless.push({ doc, message: `document has no ${missing}: not a Kubernetes object` });
      return;
    }
    sawKubernetes = true;
    if (isHelmTestHook(obj)) return;
    addResources(into, obj, doc, ROOT, opts);
  });
  fileText.parsed();
  if (sawKubernetes || opts.strict) {
    for (const s of shapeless) out.problems.push({ ruleId: 'yaml-syntax', message: s.message, location: s.doc.start() });
  } else if (shapeless.length > 0) {
    out.notKubernetes = true;
  }
  return out;
}

/**
 * One YAML document as Kubernetes reads it (YAML 1.1). A key written twice is
 * a yaml-syntax error (YAML forbids it, and kustomize rejects the file), but
 * `kubectl apply -f` and Helm decode non-strictly and keep the last value: the
 * error comes back as `duplicate`, and `value` is the object with the last
 * value, so the other rules lint what would be applied rather than losing the
 * whole resource (and claiming, say, that a Service selects no pod).
 * Any other syntax error throws.
 */
export function loadYamlDocument(text: string): { value: unknown; duplicate?: Error } {
  try {
    return { value: yaml.load(text, { schema: YAML11_SCHEMA }) };
  } catch (e) {
    if ((e as { reason?: string })?.reason !== 'duplicated mapping key') throw e;
    // js-yaml's `json` mode lets a later key override an earlier one, as Go's decoders do.
    const value = yaml.load(text, { schema: YAML11_SCHEMA, json: true });
    const mark = (e as { mark?: { position: number } }).mark;
    // The mark is at the repeated key: name it.
    const key = mark ? /^(?:"([^"\n]*)"|'([^'\n]*)'|([^\s:#][^:#\n]*?))\s*:/.exec(text.slice(mark.position, mark.position + 300)) : null;
    const name = key ? (key[1] ?? key[2] ?? key[3]) : undefined;
    const reason = `duplicated mapping key${name === undefined ? '' : ` "${name}"`}: kubectl apply and Helm keep the last value (which the other rules lint), kustomize rejects the file`;
    return { value, duplicate: Object.assign(new Error(reason), { reason, mark, length: key ? key[0].replace(/\s*:$/, '').length : 1 }) };
  }
}

/** The path of a document's own object: one array for all (a large input holds 100,000 of them). */
const ROOT: ResourcePath = Object.freeze([]);

/** The `helm test` events; a document hooked only to these is a test pod, not part of the deployment. */
const HELM_TEST_EVENTS = new Set(['test', 'test-success', 'test-failure']);

/**
 * A document whose `helm.sh/hook` lists only test events: chart mode does not lint
 * these (src/load/charts.ts), so raw mode (saved `helm template` output) skips them too.
 */
function isHelmTestHook(obj: Record<string, unknown>): boolean {
  const meta = obj.metadata as { annotations?: Record<string, unknown> } | undefined;
  const hook = meta?.annotations?.['helm.sh/hook'];
  if (typeof hook !== 'string') return false;
  const events = hook.split(',').map((e) => e.trim().toLowerCase());
  return events.every((e) => HELM_TEST_EVENTS.has(e));
}

/** Adds the resource (or, for `List` kinds, its items) that one parsed object is; used for files and for rendered charts. */
export function addResources(out: { resources: ResourceSink; problems: LoadProblem[] }, obj: Record<string, any>, doc: SourceDocument, basePath: ResourcePath, opts: Pick<ParseOptions, 'defaultNamespace'>): void {
  const kind = String(obj.kind);
  if ((kind === 'List' || kind.endsWith('List')) && Array.isArray(obj.items)) {
    obj.items.forEach((item: unknown, i: number) => {
      const path = [...basePath, 'items', i];
      if (item && typeof item === 'object' && !Array.isArray(item) && typeof (item as any).kind === 'string' && typeof (item as any).apiVersion === 'string') {
        addResources(out, item as Record<string, any>, doc, path, opts);
      } else {
        out.problems.push({ ruleId: 'yaml-syntax', message: `item ${i} of the ${kind} is not a Kubernetes object (no apiVersion or kind)`, location: doc.locate(path).location });
      }
    });
    return;
  }
  const apiVersion = String(obj.apiVersion);
  const meta = obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? meta.generateName : '';
  const explicitNs = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  const clusterScoped = CLUSTER_SCOPED_KINDS.has(kind);
  out.resources.push({
    apiVersion,
    kind,
    group: groupOf(apiVersion),
    name,
    namespace: clusterScoped ? undefined : explicitNs ?? opts.defaultNamespace,
    namespaceExplicit: explicitNs !== undefined,
    object: obj,
    doc,
    basePath,
  });
}

function syntaxProblem(e: unknown, file: string, chunk: DocumentChunk, chunkText: string, json: boolean): LoadProblem {
  let line = chunk.line + 1;
  let column = 1;
  // How many characters the finding spans: the repeated key for a duplicate, else one.
  let length = e instanceof Error && typeof (e as { length?: unknown }).length === 'number' ? (e as unknown as { length: number }).length : 1;
  let message = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError) {
    message = 'document is nested too deeply to parse';
  } else if (e && typeof e === 'object' && 'mark' in e && (e as any).mark) {
    const mark = (e as any).mark as { line: number; column: number; position: number };
    line = chunk.line + mark.line + 1;
    column = mark.column + 1;
    const reason: string = (e as any).reason ?? message;
    // Alias and tag names come from the input (maybe a secret): not repeated, the span covers them.
    message = reasonWithoutInputText(reason);
    const token = message === reason ? undefined : tokenBefore(chunkText, mark.position, reason);
    if (token) {
      column += token.start - mark.position;
      length = token.length;
    }
    const depth = /maxDepth \((\d+)\)/.exec(message);
    if (depth) message = `document is nested more than ${depth[1]} levels deep`;
  } else if (json) {
    // Node's message quotes the text around the fault (a secret, often) and has no position: our own scan says where and why.
    const error = jsonSyntaxError(chunkText);
    message = error?.message ?? 'invalid JSON';
    if (error) {
      const before = chunkText.slice(0, error.offset);
      line = chunk.line + before.split('\n').length;
      column = error.offset - before.lastIndexOf('\n');
    }
  }
  return { ruleId: 'yaml-syntax', message, location: { file, line, column, endLine: line, endColumn: column + length } };
}

/**
 * Rejects alias bombs and absurd nesting: counts nodes and bytes (string lengths, keys
 * included) as if aliases were expanded. Bytes matter as much as nodes: one 1 MB string
 * aliased 200 times is few nodes but 200 MB once a rule or a formatter copies it.
 * The byte bound applies only to what aliases amplified (more than twice the text).
 */
function checkBounds(root: unknown, textLength: number): string | undefined {
  const sizes = new Map<object, { nodes: number; bytes: number }>();
  const unbounded = { nodes: MAX_EXPANDED_NODES + 1, bytes: Infinity };
  let tooDeep = false;
  const scalarBytes = (v: unknown): number => (typeof v === 'string' ? v.length : 8);
  const size = (v: unknown, depth: number): { nodes: number; bytes: number } => {
    if (v === null || typeof v !== 'object') return { nodes: 1, bytes: scalarBytes(v) };
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return unbounded;
    }
    const known = sizes.get(v);
    if (known !== undefined) return known;
    sizes.set(v, unbounded); // a cycle counts as unbounded
    let nodes = 1;
    let bytes = 2;
    const entries: [string | undefined, unknown][] = Array.isArray(v) ? v.map((x) => [undefined, x]) : Object.entries(v);
    for (const [key, item] of entries) {
      const s = size(item, depth + 1);
      nodes += s.nodes;
      bytes += s.bytes + (key === undefined ? 1 : key.length + 2);
      if (nodes > MAX_EXPANDED_NODES || bytes > MAX_EXPANDED_BYTES) break;
    }
    const total = { nodes, bytes };
    sizes.set(v, total);
    return total;
  };
  const { nodes, bytes } = size(root, 0);
  if (tooDeep) return `document is nested more than ${MAX_DEPTH} levels deep`;
  if (nodes > MAX_EXPANDED_NODES) return `document expands to more than ${MAX_EXPANDED_NODES} nodes through aliases (an alias bomb?)`;
  if (bytes > MAX_EXPANDED_BYTES && bytes > 2 * textLength) {
    return `document expands to more than ${MAX_EXPANDED_BYTES / 2 ** 20} MiB through aliases (an alias bomb?)`;
  }
  return undefined;
}
