/**
 * Custom resources: validation against the `openAPIV3Schema` of their
 * CustomResourceDefinition, when the input (or the rule's `crds` option)
 * holds it. Those schemas are only known at run time, so they are compiled
 * with ajv then, loaded lazily (with require, as rules run synchronously) and
 * only when a custom resource has a CRD.
 */
import { createRequire } from 'node:module';
import type { PathSegment, ResourcePath } from '../types.js';
import { formatPath } from '../types.js';
import { didYouMean } from './suggest.js';
import { describeType, describeValue, validateObjectMeta, type SchemaIssue } from './runtime.js';
import { goRegExpForAjv } from '../go-regexp.js';

const require = createRequire(import.meta.url);

/** One served version of a CRD: the schema its objects must follow. */
export interface CrdVersion {
  group: string;
  version: string;
  kind: string;
  /** The structural schema, as written in the CRD; undefined when the CRD gives none. */
  schema: Record<string, unknown> | undefined;
  /** Name of the CRD that defines it, for messages. */
  crdName: string;
}

/** The custom kinds the input and the configured CRD files define. */
export class CrdCatalog {
  private readonly versions = new Map<string, CrdVersion>();
  private readonly groupKinds = new Set<string>();
  private readonly compiled = new Map<string, CrdValidator>();
  private ajv: AjvInstance | undefined;

  /** Adds a CustomResourceDefinition object (apiextensions.k8s.io v1 or v1beta1); ignores anything else. */
  add(crd: Record<string, any>): void {
    if (crd?.kind !== 'CustomResourceDefinition' || typeof crd.apiVersion !== 'string' || !crd.apiVersion.startsWith('apiextensions.k8s.io/')) return;
    const spec = crd.spec;
    const group = spec?.group;
    const kind = spec?.names?.kind;
    if (typeof group !== 'string' || typeof kind !== 'string') return;
    const crdName = typeof crd.metadata?.name === 'string' ? crd.metadata.name : `${spec.names.plural ?? kind}.${group}`;
    const versionNames: { name: string; schema: unknown }[] = [];
    if (Array.isArray(spec.versions)) {
      for (const v of spec.versions) {
        if (typeof v?.name === 'string') versionNames.push({ name: v.name, schema: v.schema?.openAPIV3Schema ?? spec.validation?.openAPIV3Schema });
      }
    } else if (typeof spec.version === 'string') {
      versionNames.push({ name: spec.version, schema: spec.validation?.openAPIV3Schema });
    }
    for (const { name, schema } of versionNames) {
      const key = `${group}/${name}\0${kind}`;
      if (this.versions.has(key)) continue;
      const s = schema && typeof schema === 'object' && !Array.isArray(schema) ? (schema as Record<string, unknown>) : undefined;
      this.versions.set(key, { group, version: name, kind, schema: s, crdName });
      this.groupKinds.add(`${group}\0${kind}`);
    }
  }

  get(apiVersion: string, kind: string): CrdVersion | undefined {
    return this.versions.get(`${apiVersion}\0${kind}`);
  }

  /** True when some CRD defines `kind` in `group` (in any version). */
  hasKind(group: string, kind: string): boolean {
    return this.groupKinds.has(`${group}\0${kind}`);
  }

  get size(): number {
    return this.versions.size;
  }

  validator(v: CrdVersion, strict: boolean): CrdValidator {
    const key = `${v.group}/${v.version}\0${v.kind}\0${strict}`;
    let c = this.compiled.get(key);
    if (!c) this.compiled.set(key, (c = new CrdValidator(v, strict, () => (this.ajv ??= newAjv()))));
    return c;
  }
}

// ---------------------------------------------------------------------------
// Structural schema -> JSON Schema for ajv.

/**
 * Rewrites a CRD's OpenAPI v3 structural schema into draft-07 JSON Schema:
 * `nullable` becomes a null type, `x-kubernetes-int-or-string` an
 * integer-or-string type, boolean `exclusiveMinimum`/`Maximum` numbers, and
 * (strict) objects that list their properties reject unknown fields unless
 * they preserve them.
 */
export function toJsonSchema(s: unknown, strict: boolean): unknown {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return s;
  const src = s as Record<string, any>;
  const out: Record<string, any> = {};
  // CRD patterns are Go (RE2) syntax, run by Go's regexp (goRegExpForAjv): linear time, and a pattern
  // Go cannot compile makes the schema fail to compile, as the API server refuses such a CRD.
  if (typeof src.pattern === 'string') out.pattern = src.pattern;
  for (const key of ['type', 'enum', 'required', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'minProperties', 'maxProperties', 'minimum', 'maximum']) {
    if (src[key] !== undefined) out[key] = src[key];
  }
  if (src.exclusiveMinimum === true && typeof src.minimum === 'number') {
    out.exclusiveMinimum = src.minimum;
    delete out.minimum;
  }
  if (src.exclusiveMaximum === true && typeof src.maximum === 'number') {
    out.exclusiveMaximum = src.maximum;
    delete out.maximum;
  }
  if (src['x-kubernetes-int-or-string'] === true) out.type = ['integer', 'string'];
  if (src.properties && typeof src.properties === 'object') {
    // fromEntries makes own properties even of `__proto__` (an assignment would set the prototype).
    out.properties = Object.fromEntries(Object.entries(src.properties).map(([k, v]) => [k, toJsonSchema(v, strict)]));
  }
  if (src.items !== undefined) out.items = Array.isArray(src.items) ? src.items.map((i: unknown) => toJsonSchema(i, strict)) : toJsonSchema(src.items, strict);
  if (src.additionalProperties !== undefined) out.additionalProperties = typeof src.additionalProperties === 'boolean' ? src.additionalProperties : toJsonSchema(src.additionalProperties, strict);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(src[key])) out[key] = src[key].map((x: unknown) => toJsonSchema(x, strict));
  }
  if (src.not !== undefined) out.not = toJsonSchema(src.not, strict);
  const preserve = src['x-kubernetes-preserve-unknown-fields'] === true || src['x-kubernetes-embedded-resource'] === true;
  if (strict && out.properties && out.additionalProperties === undefined && !preserve) out.additionalProperties = false;
  if (src['x-kubernetes-embedded-resource'] === true && out.properties) {
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...out.properties };
  }
  if (src.nullable === true) {
    if (out.type !== undefined) out.type = [...new Set([...(Array.isArray(out.type) ? out.type : [out.type]), 'null'])];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}


interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, any>;
  message?: string;
  parentSchema?: Record<string, any>;
  data?: unknown;
}

type AjvValidate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

interface AjvInstance {
  compile(schema: unknown): AjvValidate;
}

/** A new ajv instance. One per catalogue: ajv keeps every schema it compiled, so a shared one would outlive the lint. */
function newAjv(): AjvInstance {
  const Ajv = require('ajv').default as new (opts: Record<string, unknown>) => AjvInstance;
  // ownProperties: a property named constructor or toString is looked up on the object, not found on Object.prototype.
  // code.regExp: patterns run on Go's RE2 semantics in linear time, as the API server's validator does.
  return new Ajv({ allErrors: true, verbose: true, strict: false, validateFormats: false, validateSchema: false, ownProperties: true, code: { regExp: goRegExpForAjv } });
}

/** Validates custom resources of one CRD version. */
export class CrdValidator {
  private fn: AjvValidate | undefined;
  private compileError: string | undefined;
  private compileErrorSaid = false;

  constructor(
    readonly version: CrdVersion,
    private readonly strict = true,
    /** The catalogue's ajv, made on first use. */
    private readonly ajv: () => AjvInstance = newAjv,
  ) {}

  validate(obj: Record<string, unknown>): SchemaIssue[] {
    const out: SchemaIssue[] = [];
    const meta = obj.metadata;
    if (meta !== undefined && meta !== null) {
      for (const p of validateObjectMeta(meta)) out.push(p);
    }
    if (!this.version.schema) return out;
    const fn = this.compiled();
    if (!fn) {
      // Said once, on the first object of the kind: the CRD is at fault, not each object.
      if (!this.compileErrorSaid) out.push({ path: [], message: `the schema of CRD ${this.version.crdName} does not compile: ${this.compileError}` });
      this.compileErrorSaid = true;
      return out;
    }
    if (!fn(obj)) for (const p of translateAjvErrors(fn.errors ?? [], obj, this.version.kind)) out.push(p);
    return out;
  }

  private compiled(): AjvValidate | undefined {
    if (this.fn || this.compileError) return this.fn;
    const schema = toJsonSchema(this.version.schema, this.strict) as Record<string, any>;
    // The API server owns these at the top level whatever the CRD says.
    schema.properties = { ...(schema.properties ?? {}), apiVersion: {}, kind: {}, metadata: {} };
    if (Array.isArray(schema.required)) schema.required = schema.required.filter((n: string) => n !== 'metadata');
    try {
      this.fn = this.ajv().compile(schema);
    } catch (e) {
      this.compileError = (e as Error).message;
    }
    return this.fn;
  }
}

/** Turns ajv's errors into our messages and paths (array indexes as numbers). */
export function translateAjvErrors(errors: readonly AjvError[], root: unknown, kind: string): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  // Errors inside an anyOf/oneOf branch are noise once the combinator itself failed.
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  for (const e of errors) {
    if (combinators.some((c) => e.schemaPath.startsWith(c))) continue;
    const path = toPath(e.instancePath, root);
    const where = path.length === 0 ? kind : formatPath(path);
    let issue: SchemaIssue;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        const known = Object.keys(e.parentSchema?.properties ?? {});
        issue = { path: [...path, key], message: `unknown field ${JSON.stringify(key)} in ${where}${didYouMean(key, known)}`, unknownField: true };
        break;
      }
      case 'required':
        issue = { path, message: `missing required field ${JSON.stringify(String(e.params.missingProperty))} in ${where}` };
        break;
      case 'type': {
        const types = (Array.isArray(e.params.type) ? e.params.type : String(e.params.type).split(',')).filter((t: string) => t !== 'null');
        const got = describeValue(e.data);
        const type = describeType(e.data);
        const head = `${formatPath(path) || kind}: expected ${types.join(' or ')}, got `;
        issue = { path, message: head + got, ...(got !== type ? { valueFree: head + type } : {}) };
        break;
      }
      case 'enum': {
        const allowed = (e.params.allowedValues as unknown[]).filter((v) => v !== null);
        const value = e.data;
        const hint = typeof value === 'string' ? didYouMean(value, allowed.filter((v): v is string => typeof v === 'string')) : '';
        const list = allowed.map((v) => JSON.stringify(v)).join(', ');
        issue = { path, message: `${formatPath(path) || kind}: unsupported value ${JSON.stringify(value)}${hint}; expected one of ${list}`, valueFree: `${formatPath(path) || kind}: unsupported value; expected one of ${list}` };
        break;
      }
      default: {
        const limit = limitMessage(e);
        issue = { path, message: `${formatPath(path) || kind}: ${limit?.message ?? e.message ?? e.keyword}`, ...(limit ? { valueFree: `${formatPath(path) || kind}: ${limit.valueFree}` } : {}) };
      }
    }
    const key = `${formatPath(issue.path)}\0${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(issue);
    }
  }
  return out;
}

/** Bounds and patterns, worded with the offending value, and without it (for values that may be secrets). */
function limitMessage(e: AjvError): { message: string; valueFree: string } | undefined {
  const v = e.data;
  const limit = e.params.limit;
  const type = describeType(v);
  const both = (shown: string, rest: string) => ({ message: `${shown} ${rest}`, valueFree: `${type} value ${rest}` });
  const same = (text: string) => ({ message: text, valueFree: text });
  switch (e.keyword) {
    case 'minimum': return both(JSON.stringify(v), `is less than the minimum ${limit}`);
    case 'exclusiveMinimum': return both(JSON.stringify(v), `must be greater than ${limit}`);
    case 'maximum': return both(JSON.stringify(v), `is more than the maximum ${limit}`);
    case 'exclusiveMaximum': return both(JSON.stringify(v), `must be less than ${limit}`);
    case 'minLength': return both(JSON.stringify(v), `is shorter than ${limit} characters`);
    case 'maxLength': return both(describeValue(v), `is longer than ${limit} characters`);
    case 'minItems': return same(`has ${Array.isArray(v) ? v.length : '?'} items, fewer than ${limit}`);
    case 'maxItems': return same(`has ${Array.isArray(v) ? v.length : '?'} items, more than ${limit}`);
    case 'pattern': return both(JSON.stringify(v), `does not match the pattern ${e.params.pattern}`);
    default: return undefined;
  }
}

/** `/spec/items/0/name` -> ['spec', 'items', 0, 'name'], numbers where the data is an array. */
function toPath(pointer: string, root: unknown): ResourcePath {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      out.push(Number(key));
      node = node[Number(key)];
    } else {
      out.push(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}
