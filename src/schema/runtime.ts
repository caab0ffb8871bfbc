/**
 * Runs the generated validators of schemas/k8s/ (scripts/gen-k8s-schemas.mjs):
 * loads a kind's module on first use (CommonJS, so a synchronous rule can
 * require it lazily), links the shared definitions it needs, and hands every
 * module the helpers below, which check leaf values and word the messages.
 *
 * A generated module is `module.exports = function (R, need) { ...; return root }`
 * where `root(object, path)` walks the object, `path` being a stack of keys.
 */
import path from 'node:path';
import { requireWithCodeCache } from '../code-cache.js';
import { packageRoot } from '../package-root.js';
import type { PathSegment, ResourcePath } from '../types.js';
import { formatPath } from '../types.js';
import { isQuantityString, QUANTITY_RE } from '../k8s/quantity.js';
import { didYouMean } from './suggest.js';
import { k8sSchemasDir, kindModuleOf } from './schema-index.js';

/** One problem found in an object: where (a path inside it) and what. */
export interface SchemaIssue {
  path: ResourcePath;
  message: string;
  /** An unknown field (reported only in strict mode). */
  unknownField?: true;
  /**
   * The same message naming the value's type instead of quoting the value, when `message`
   * quotes it: k8s-schema prints this one for values that may be secrets.
   */
  valueFree?: string;
}

type Path = PathSegment[];
type Walker = (o: Record<string, unknown>, p: Path) => void;
type ModuleFactory = (r: Runtime, need: (id: string) => Walker) => Walker;

/** `string "three"`, `integer 3`, `number 1.5`, `boolean true`, `null`, `array`, `object`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string': return `string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`;
    case 'number': return Number.isInteger(v) ? `integer ${v}` : `number ${v}`;
    case 'boolean': return `boolean ${v}`;
    case 'object': return 'object';
    default: return typeof v;
  }
}

/** What describeValue says without the value itself: `string`, `integer`, `null`, `object`... */
export function describeType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function at(p: ResourcePath): string {
  return p.length === 0 ? '' : `${formatPath(p)}: `;
}

/**
 * The helpers generated code calls. The scalar checks take (value, key,
 * path) and skip null (an optional field set to null is "not set"); the
 * error reporters take the path of the parent and the key.
 */
export class Runtime {
  out: SchemaIssue[] = [];
  readonly qre = QUANTITY_RE;

  readonly s = (v: unknown, k: PathSegment, p: Path): void => {
    if (v !== null && typeof v !== 'string') this.type(p, k, v, 'string');
  };
  readonly i = (v: unknown, k: PathSegment, p: Path): void => {
    if (v !== null && (typeof v !== 'number' || v % 1 !== 0)) this.type(p, k, v, 'integer');
  };
  readonly i32 = (v: unknown, k: PathSegment, p: Path): void => {
    if (v === null) return;
    if (typeof v !== 'number' || v % 1 !== 0) this.type(p, k, v, 'integer');
    else if (v > 2147483647 || v < -2147483648) this.range(p, k, v);
  };
  readonly n = (v: unknown, k: PathSegment, p: Path): void => {
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) this.type(p, k, v, 'number');
  };
  readonly b = (v: unknown, k: PathSegment, p: Path): void => {
    if (v !== null && typeof v !== 'boolean') this.type(p, k, v, 'boolean');
  };
  readonly q = (v: unknown, k: PathSegment, p: Path): void => {
    if (v === null) return;
    if (typeof v === 'string' ? !isQuantityString(v) : typeof v !== 'number' || !Number.isFinite(v)) this.qty(p, k, v);
  };
  readonly is = (v: unknown, k: PathSegment, p: Path): void => {
    if (v !== null && typeof v !== 'string' && (typeof v !== 'number' || v % 1 !== 0)) this.type(p, k, v, 'integer or string');
  };
  readonly ns = (v: unknown, k: PathSegment, p: Path): void => {
    if (v !== null && typeof v !== 'string' && (typeof v !== 'number' || !Number.isFinite(v))) this.type(p, k, v, 'number or string');
  };
  readonly bs = (v: unknown, k: PathSegment, p: Path): void => {
    if (v !== null && typeof v !== 'string' && typeof v !== 'boolean') this.type(p, k, v, 'boolean or string');
  };
  readonly o = (v: unknown, k: PathSegment, p: Path): void => {
    if (v !== null && (typeof v !== 'object' || Array.isArray(v))) this.type(p, k, v, 'object');
  };
  readonly e = (v: unknown, k: PathSegment, p: Path, allowed: ReadonlySet<string>): void => {
    if (v !== null && (typeof v !== 'string' || !allowed.has(v))) this.enumv(p, k, v, allowed);
  };

  type(p: Path, k: PathSegment, v: unknown, expected: string): void {
    const where = [...p, k];
    const got = describeValue(v);
    const type = describeType(v);
    this.out.push({ path: where, message: `${at(where)}expected ${expected}, got ${got}`, ...(got !== type ? { valueFree: `${at(where)}expected ${expected}, got ${type}` } : {}) });
  }

  range(p: Path, k: PathSegment, v: number): void {
    const where = [...p, k];
    this.out.push({ path: where, message: `${at(where)}${v} is out of range for a 32-bit integer`, valueFree: `${at(where)}integer out of range for a 32-bit integer` });
  }

  qty(p: Path, k: PathSegment, v: unknown): void {
    if (typeof v !== 'string') {
      this.type(p, k, v, 'quantity (string or number)');
      return;
    }
    const where = [...p, k];
    const expected = '(expected a number with an optional suffix, e.g. 500m, 0.5, 128Mi, 1G)';
    this.out.push({ path: where, message: `${at(where)}invalid quantity ${JSON.stringify(v)} ${expected}`, valueFree: `${at(where)}invalid quantity ${expected}` });
  }

  enumv(p: Path, k: PathSegment, v: unknown, allowed: ReadonlySet<string>): void {
    if (typeof v !== 'string') {
      this.type(p, k, v, 'string');
      return;
    }
    const where = [...p, k];
    const list = [...allowed].map((a) => JSON.stringify(a)).join(', ');
    this.out.push({ path: where, message: `${at(where)}unsupported value ${JSON.stringify(v)}${didYouMean(v, allowed)}; expected one of ${list}`, valueFree: `${at(where)}unsupported value; expected one of ${list}` });
  }

  /** `info` is [title, ...field names] of the object's definition. */
  unknown(p: Path, k: string, info: readonly string[]): void {
    this.out.push({ path: [...p, k], message: `unknown field ${JSON.stringify(k)} in ${info[0]}${didYouMean(k, info.slice(1))}`, unknownField: true });
  }

  /** A required field that is absent (undefined) or null. */
  missing(p: Path, k: string, v: unknown, info: readonly string[], expected: string): void {
    if (v === null) this.type(p, k, v, expected);
    else this.out.push({ path: [...p], message: `missing required field ${JSON.stringify(k)} in ${info[0]}` });
  }
}

const runtime = new Runtime();
const shared = new Map<string, Walker>();
const kinds = new Map<string, KindValidator | null>();

function load(rel: string): Walker {
  const factory = requireWithCodeCache(packageRoot(), path.join(k8sSchemasDir(), rel)) as ModuleFactory;
  return factory(runtime, need);
}

/**
 * A shared definition, loaded the first time an object reaches it (a pod
 * without volumes never loads the Volume module). Also breaks any cycle
 * between shared modules, since nothing loads while a module is being made.
 */
function need(id: string): Walker {
  let w = shared.get(id);
  if (!w) {
    let real: Walker | undefined;
    w = (o, p) => (real ??= load(`_shared/${id}.cjs`))(o, p);
    shared.set(id, w);
  }
  return w;
}

/** Validates objects of one built-in kind. */
export class KindValidator {
  constructor(private readonly walk: Walker) {}

  /**
   * The problems of `obj`, in the order of the walk; [] when it is valid.
   * `basePath` is where `obj` sits in its resource (paths and messages start there).
   */
  validate(obj: Record<string, unknown>, basePath: ResourcePath = []): SchemaIssue[] {
    const out: SchemaIssue[] = [];
    const saved = runtime.out;
    runtime.out = out;
    try {
      this.walk(obj, [...basePath]);
    } finally {
      runtime.out = saved;
    }
    return out;
  }
}

/** The validator of a built-in apiVersion/kind (loaded on first use), or undefined when there is no schema for it. */
export function builtinValidator(apiVersion: string, kind: string): KindValidator | undefined {
  const key = `${apiVersion}\0${kind}`;
  let v = kinds.get(key);
  if (v === undefined) {
    const rel = kindModuleOf(apiVersion, kind);
    v = rel === undefined ? null : new KindValidator(load(rel));
    kinds.set(key, v);
  }
  return v ?? undefined;
}

/** Checks `metadata` of a custom resource as ObjectMeta (through ConfigMap's validator, whose other fields are all optional). */
export function validateObjectMeta(meta: unknown): SchemaIssue[] {
  return builtinValidator('v1', 'ConfigMap')!.validate({ metadata: meta });
}
