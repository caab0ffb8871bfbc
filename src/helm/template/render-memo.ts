/**
 * Templates whose output one render of a chart can take from another render of the same
 * chart. A linter renders a chart once with its defaults and once per ci values file; those
 * renders differ only in values, and most templates read none of the values that differ.
 *
 * While a template runs (with everything it includes), a `TemplateRecording` notes what its
 * output can depend on beyond the chart itself:
 * - the top-level keys it reads from each chart scope's `.Values` (the executor's field
 *   reads, `index`/`get`/`hasKey` on `.Values`); anything that reads a whole `.Values` (printing
 *   it, ranging over it, `toYaml $`, its methods) makes the template one that is never reused;
 * - the provenance of strings that earlier templates of the render left in the render's table
 *   (`RenderContext.strSpans`), and what it leaves there itself;
 * - the render budget it used.
 * A template that changes a shared object (`set`/`unset`/`merge...` on values or a scope's
 * data), or calls a function whose result is not a function of its arguments (random, time,
 * keys and certificates), is never reused, and after such a change nothing else in that render
 * is recorded or reused: later templates could see the change.
 *
 * A later render reuses a recorded output when every recorded key holds an equal value, with
 * equal origins, type tags and nil marks, at every depth; when every recorded string
 * provenance is equal; and when the budget left allows it. The caller guarantees the rest is
 * the same: the same loaded chart, template set, release, capabilities and options
 * (`RenderMemo.forKey`). Values are compared, not hashed: equality is exact.
 */
import { GoInt, GoObject, getOrigin, goTypeTag, isGoMap, isGoNil, mapMethodsOf, type GoMap, type GoValue, type OutputSpan, type RenderedText, type ValueOrigin, type CallSite } from '../go/value.js';

/** Functions whose result is not a function of their arguments (Sprig's random, time and key functions). */
const IMPURE = new Set([
  'randAlpha', 'randAlphaNum', 'randAscii', 'randNumeric', 'randInt', 'randBytes', 'uuidv4', 'shuffle',
  'bcrypt', 'htpasswd', 'encryptAES', 'genPrivateKey', 'genCA', 'genCAWithKey', 'genSelfSignedCert',
  'genSelfSignedCertWithKey', 'genSignedCert', 'genSignedCertWithKey',
  'now', 'date', 'dateInZone', 'date_in_zone', 'htmlDate', 'htmlDateInZone', 'ago', 'durationRound',
]);

/** Functions that only hold their arguments (in the map or list they make, or as their result). */
const HOLDING = new Set(['dict', 'list', 'tuple', 'ternary']);

/** Functions that look at the maps and lists they are given, not inside them. */
const SHALLOW = new Set([
  'default', 'coalesce', 'empty', 'first', 'last', 'append', 'push', 'prepend', 'mustAppend', 'mustPush', 'mustPrepend',
  'kindOf', 'kindIs', 'typeOf', 'typeIs', 'typeIsLike', 'required', 'fail', 'keys', 'pluck', 'pick', 'omit',
]);

const MERGES = new Set(['merge', 'mustMerge', 'mergeOverwrite', 'mustMergeOverwrite']);

/** A map or list of a render's values: where it is (its parent and key, or the scope whose `.Values` it is). */
export class ValueNode {
  constructor(
    readonly value: GoMap | GoValue[],
    readonly parent: ValueNode | undefined,
    readonly key: string | number,
    /** For a root: the chart scope (its full path). */
    readonly scope: string,
  ) {}
}

type Key = string | number;

/** One render's values: each chart scope's `.Values` and everything inside, and what templates must not change. */
export class RenderValues {
  readonly roots: GoMap[] = [];
  readonly scopes: string[] = [];
  private readonly nodes = new WeakMap<object, ValueNode>();
  /** Each scope's data map and the maps in it (`.Subcharts`): shared, not values. */
  private readonly scopeObjects = new Set<object>();
  /** Set when a template changed a shared object: nothing after it is recorded or reused. */
  mutated = false;

  /** A chart scope (its full path), its data map and its `.Values`. */
  addScope(scope: string, data: GoMap, values: GoMap): void {
    this.scopeObjects.add(data);
    for (const v of Object.values(data)) if (isGoMap(v) && v !== values) this.scopeObjects.add(v);
    this.roots.push(values);
    this.scopes.push(scope);
  }

  /** Names every map and list inside the roots; call once every scope is added. */
  seal(): void {
    const stack: ValueNode[] = [];
    for (let i = 0; i < this.roots.length; i++) {
      if (this.nodes.has(this.roots[i])) continue; // a subchart's values inside its parent's: named from the parent
      const n = new ValueNode(this.roots[i], undefined, '', this.scopes[i]);
      this.nodes.set(this.roots[i], n);
      stack.push(n);
    }
    while (stack.length > 0) {
      const n = stack.pop()!;
      const o = n.value;
      const add = (v: GoValue, k: Key) => {
        if (v === null || typeof v !== 'object' || v instanceof GoObject || v instanceof Uint8Array || this.nodes.has(v)) return;
        const c = new ValueNode(v as GoMap | GoValue[], n, k, n.scope);
        this.nodes.set(v, c);
        stack.push(c);
      };
      if (Array.isArray(o)) for (let i = 0; i < o.length; i++) add(o[i], i);
      else for (const k of Object.keys(o)) add(o[k], k);
    }
  }

  node(v: unknown): ValueNode | undefined {
    return typeof v === 'object' && v !== null ? this.nodes.get(v) : undefined;
  }

  isShared(v: unknown): boolean {
    return typeof v === 'object' && v !== null && (this.nodes.has(v) || this.scopeObjects.has(v));
  }

  /** The node at the same place in this render's values, if there is one of the same kind. */
  resolve(n: ValueNode, cache: Map<ValueNode, GoMap | GoValue[] | undefined>): GoMap | GoValue[] | undefined {
    if (cache.has(n)) return cache.get(n);
    let out: GoMap | GoValue[] | undefined;
    if (n.parent === undefined) {
      const i = this.scopes.indexOf(n.scope);
      out = i >= 0 ? this.roots[i] : undefined;
    } else {
      const p = this.resolve(n.parent, cache);
      const v = p === undefined ? undefined : Array.isArray(p) ? p[n.key as number] : Object.prototype.hasOwnProperty.call(p, n.key) ? p[n.key as string] : undefined;
      out = v !== null && typeof v === 'object' && Array.isArray(v) === Array.isArray(n.value) && !(v instanceof GoObject) && !(v instanceof Uint8Array) ? (v as GoMap | GoValue[]) : undefined;
    }
    cache.set(n, out);
    return out;
  }

  /** Whether a map or list holds a shared object (the target of a merge). */
  reachesShared(v: GoValue): boolean {
    let found = false;
    walkMade(v, this, () => (found = true), true);
    return found;
  }
}

/**
 * Walks a map or list a template made (and what it holds), calling `found` for each values node
 * in it without going inside; with `shared`, also for scope objects.
 */
function walkMade(v: GoValue, values: RenderValues, found: (n: ValueNode | undefined) => void, shared = false): void {
  const seen = new Set<object>();
  const stack: GoValue[] = [v];
  while (stack.length > 0) {
    const o = stack.pop();
    if (o === null || typeof o !== 'object' || o instanceof GoObject || o instanceof Uint8Array || seen.has(o)) continue;
    seen.add(o);
    const n = values.node(o);
    if (n !== undefined || (shared && values.isShared(o))) {
      found(n);
      continue;
    }
    for (const x of Array.isArray(o) ? o : Object.values(o as GoMap)) stack.push(x);
  }
}

const WHOLE = Symbol('whole');

/** What one top-level template's output depended on, noted while it runs. */
export class TemplateRecording {
  /** Per values node read: the keys read from it, or WHOLE when all of it was. */
  readonly reads = new Map<ValueNode, Set<Key> | typeof WHOLE>();
  /** Never reuse this output. */
  impure = false;
  readonly strReads: Array<[string, OutputSpan[] | undefined]> = [];
  readonly strWrites: Array<[string, OutputSpan[]]> = [];
  private readonly readKeys = new Set<string>();
  private readonly ownKeys = new Set<string>();

  constructor(readonly values: RenderValues) {}

  private key(n: ValueNode, k: Key): void {
    const r = this.reads.get(n);
    if (r === WHOLE) return;
    if (r === undefined) this.reads.set(n, new Set([k]));
    else r.add(k);
  }

  private whole(n: ValueNode): void {
    this.reads.set(n, WHOLE);
  }

  /** A field read `m.key` by the executor. */
  field(m: GoMap, key: string): void {
    const n = this.values.node(m);
    if (n !== undefined) this.key(n, key);
  }

  /** A value looked at as a whole (tested for truth, ranged over, a method called on it). */
  top(v: GoValue): void {
    const n = this.values.node(v);
    if (n !== undefined) this.whole(n);
  }

  /** A value printed: everything inside it is read. */
  use(v: GoValue): void {
    if (typeof v !== 'object' || v === null || v instanceof GoObject) return;
    const n = this.values.node(v);
    if (n !== undefined) this.whole(n);
    else walkMade(v, this.values, (x) => x && this.whole(x));
  }

  /** A function call with its evaluated arguments, before it runs. */
  call(name: string, argv: GoValue[]): void {
    if (IMPURE.has(name)) {
      this.impure = true;
      return;
    }
    if (name === 'include' || name === 'tpl' || HOLDING.has(name)) return; // include and tpl: the executor notes their reads
    const values = this.values;
    if (name === 'index' || name === 'get' || name === 'hasKey') {
      let c: GoValue = argv[0];
      for (let i = 1; i < argv.length && c !== null && typeof c === 'object'; i++) {
        const k = argv[i];
        const key = typeof k === 'string' ? k : typeof k === 'bigint' ? Number(k) : k instanceof GoInt ? Number(k.value) : undefined;
        if (key === undefined) return this.use(c);
        const n = values.node(c);
        if (n !== undefined) this.key(n, key);
        c = Array.isArray(c) ? c[key as number] : isGoMap(c) ? c[key] : undefined;
      }
      return;
    }
    if (name === 'set' || name === 'unset') {
      if (values.isShared(argv[0])) values.mutated = true;
      return;
    }
    if (MERGES.has(name)) {
      // mergo changes its first map, and, through the references it copies, maps of earlier sources.
      if (values.reachesShared(argv[0]) || (argv.length > 2 && argv.slice(1, -1).some((a) => values.reachesShared(a)))) values.mutated = true;
    }
    const shallow = SHALLOW.has(name);
    for (const a of argv) {
      if (typeof a !== 'object' || a === null || a instanceof GoObject) continue;
      const n = values.node(a);
      if (n !== undefined) this.whole(n);
      else if (!shallow) walkMade(a, values, (x) => x && this.whole(x));
    }
  }

  /** RenderContext.strSpans read by this template. */
  readSpans(key: string, current: OutputSpan[] | undefined): void {
    if (this.ownKeys.has(key) || this.readKeys.has(key)) return;
    this.readKeys.add(key);
    this.strReads.push([key, current]);
  }

  wroteSpans(key: string, spans: OutputSpan[]): void {
    this.ownKeys.add(key);
    this.strWrites.push([key, spans]);
  }
}

/** The string-provenance table of a render, noting what the recording template reads and writes. */
export class SpanTable extends Map<string, OutputSpan[]> {
  rec: TemplateRecording | undefined = undefined;

  override get(key: string): OutputSpan[] | undefined {
    const v = super.get(key);
    if (this.rec !== undefined) this.rec.readSpans(key, v);
    return v;
  }

  override has(key: string): boolean {
    if (this.rec !== undefined) this.rec.readSpans(key, super.get(key));
    return super.has(key);
  }

  override set(key: string, spans: OutputSpan[]): this {
    if (this.rec !== undefined) this.rec.wroteSpans(key, spans);
    return super.set(key, spans);
  }

  /** The value without noting a read. */
  peek(key: string): OutputSpan[] | undefined {
    return super.get(key);
  }
}

interface Entry {
  reads: Array<[ValueNode, Key[] | typeof WHOLE]>;
  strReads: Array<[string, OutputSpan[] | undefined]>;
  strWrites: Array<[string, OutputSpan[]]>;
  steps: number;
  bytes: number;
  result: RenderedText;
}

/** Outputs kept per template; a chart's renders rarely need more variants of one template. */
const MAX_ENTRIES = 8;

/**
 * Recorded outputs of one chart's templates, shared by its renders. The key says what must be
 * the same besides values (template set, release, capabilities...); outputs under another key
 * are never used.
 */
export class RenderMemo {
  private readonly byKey = new Map<string, Map<string, Entry[]>>();
  /** Templates reused and run, in all renders; those reused by the last render (for tests). */
  reused = 0;
  ran = 0;
  lastReused: string[] = [];

  forKey(key: string): TemplateMemo {
    this.lastReused = [];
    let m = this.byKey.get(key);
    if (m === undefined) this.byKey.set(key, (m = new Map()));
    return new TemplateMemo(m, this);
  }
}

/** One render's view of a RenderMemo. */
export class TemplateMemo {
  private readonly resolved = new Map<ValueNode, GoMap | GoValue[] | undefined>();
  private readonly same = new Map<ValueNode, Map<Key | typeof WHOLE, boolean>>();

  constructor(
    private readonly entries: Map<string, Entry[]>,
    private readonly owner: RenderMemo,
  ) {}

  /** A recorded output valid for this render, if any. */
  find(name: string, values: RenderValues, strSpans: SpanTable, budgetLeft: { steps: number; bytes: number }): Entry | undefined {
    if (values.mutated) return undefined;
    const list = this.entries.get(name);
    if (list === undefined) return undefined;
    for (const e of list) {
      if (e.steps > budgetLeft.steps || e.bytes > budgetLeft.bytes) continue;
      if (!e.reads.every(([n, keys]) => this.sameReads(n, keys, values))) continue;
      if (!e.strReads.every(([k, v]) => sameSpanList(strSpans.peek(k), v))) continue;
      this.owner.reused++;
      this.owner.lastReused.push(name);
      return e;
    }
    return undefined;
  }

  save(name: string, rec: TemplateRecording, result: RenderedText, steps: number, bytes: number): void {
    this.owner.ran++;
    if (rec.impure || rec.values.mutated) return;
    const reads: Entry['reads'] = [];
    for (const [n, keys] of rec.reads) reads.push([n, keys === WHOLE ? WHOLE : [...keys]]);
    let list = this.entries.get(name);
    if (list === undefined) this.entries.set(name, (list = []));
    if (list.length >= MAX_ENTRIES) list.shift();
    list.push({ reads, strReads: rec.strReads, strWrites: rec.strWrites, steps, bytes, result });
  }

  private sameReads(n: ValueNode, keys: Key[] | typeof WHOLE, values: RenderValues): boolean {
    const now = values.resolve(n, this.resolved);
    if (now === undefined) return false;
    if (now === n.value) return true;
    let known = this.same.get(n);
    if (known === undefined) this.same.set(n, (known = new Map()));
    if (keys === WHOLE || n.parent !== undefined) {
      // A node inside the values is mostly unchanged as a whole: one comparison answers every key.
      let same = known.get(WHOLE);
      if (same === undefined) known.set(WHOLE, (same = sameNode(n, now, values, this.resolved)));
      if (same || keys === WHOLE) return same;
    }
    for (const k of keys) {
      let same = known.get(k);
      if (same === undefined) known.set(k, (same = sameEntry(n.value, now, k)));
      if (!same) return false;
    }
    return true;
  }
}

/** A node used whole: equal values, and the same origin where its parent holds it (printing it may show that origin). */
function sameNode(n: ValueNode, now: GoMap | GoValue[], values: RenderValues, resolved: Map<ValueNode, GoMap | GoValue[] | undefined>): boolean {
  if (!sameValue(n.value, now)) return false;
  if (n.parent === undefined) return true;
  const parentNow = values.resolve(n.parent, resolved);
  return parentNow !== undefined && sameOrigin(getOrigin(n.parent.value, n.key), getOrigin(parentNow, n.key));
}

/** `a[k]` and `b[k]` alike for a template that reads that entry: present alike, equal leaves or maps and lists of one kind, same origin. */
function sameEntry(a: GoMap | GoValue[], b: GoMap | GoValue[], k: Key): boolean {
  const has = (o: GoMap | GoValue[]) => (Array.isArray(o) ? typeof k === 'number' && k >= 0 && k < o.length : Object.prototype.hasOwnProperty.call(o, k));
  const ha = has(a);
  if (ha !== has(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && a.length !== (b as GoValue[]).length) return false;
  if (!ha) return true;
  const x = (a as Record<Key, GoValue>)[k];
  const y = (b as Record<Key, GoValue>)[k];
  if (!isContainer(x) || !isContainer(y)) return sameOrigin(getOrigin(a, k), getOrigin(b, k)) && sameValue(x, y);
  // A map or list: its insides, and its own origin, are compared where it is used whole (sameNode).
  return Array.isArray(x) === Array.isArray(y) && goTypeTag(x) === goTypeTag(y) && isGoNil(x) === isGoNil(y) && (Array.isArray(x) || mapMethodsOf(x as GoMap) === mapMethodsOf(y as GoMap));
}

function isContainer(v: GoValue): v is GoMap | GoValue[] {
  return v !== null && typeof v === 'object' && !(v instanceof GoObject) && !(v instanceof Uint8Array);
}

/** Values equal as templates see them: same kinds, keys in the same order, origins, type tags and nil marks. */
export function sameValue(a: GoValue, b: GoValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof GoInt) return b instanceof GoInt && a.kind === b.kind && a.value === b.value;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (goTypeTag(a) !== goTypeTag(b) || isGoNil(a) !== isGoNil(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i]) || !sameOrigin(getOrigin(a, i), getOrigin(b, i))) return false;
    return true;
  }
  if (!isGoMap(a) || !isGoMap(b) || mapMethodsOf(a) !== mapMethodsOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    if (k !== kb[i] || !sameValue(a[k], b[k]) || !sameOrigin(getOrigin(a, k), getOrigin(b, k))) return false;
  }
  return true;
}

function sameOrigin(a: ValueOrigin | undefined, b: ValueOrigin | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.file === b.file && a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn && a.flag === b.flag;
}

function sameSite(a: CallSite | undefined, b: CallSite | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.template === b.template && a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

function sameSpanList(a: OutputSpan[] | undefined, b: OutputSpan[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.start !== y.start || x.end !== y.end || x.template !== y.template || x.line !== y.line || x.column !== y.column || x.kind !== y.kind) return false;
    if (x.endLine !== y.endLine || x.endColumn !== y.endColumn || !sameOrigin(x.origin, y.origin) || !sameSite(x.site, y.site)) return false;
    if (Object.keys(x).length !== Object.keys(y).length) return false;
  }
  return true;
}
