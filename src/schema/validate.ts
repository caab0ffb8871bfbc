/**
 * Strict validation of built-in Kubernetes objects against the schema tables:
 * types, required fields, enums, quantities, int-or-string, and unknown
 * fields (with a "did you mean"). `null` on an optional field means "not set",
 * as the API server reads it; on a required field it is a wrong type.
 *
 * The tables are compiled into linked nodes on first use (per definition), so
 * validating is a walk with a switch per value and no allocation unless
 * something is wrong.
 */
import type { PathSegment, ResourcePath } from '../types.js';
import { formatPath } from '../types.js';
import { didYouMean } from './suggest.js';
import { readTable, sharedTableRel, tableFileOf, type TableDef, type TableFile, type TableNode } from './tables.js';
import { isQuantityString } from './quantity-syntax.js';

/** One problem found in an object: where (a path inside it) and what. */
export interface SchemaIssue {
  path: ResourcePath;
  message: string;
  /** An unknown field (reported only in strict mode). */
  unknownField?: true;
}

const enum K {
  Str, Int, Num, Bool, Any, AnyObject, Quantity, IntOrStr, NumOrStr, BoolOrStr, Enum, Arr, Map, Def, Union,
}

interface Node {
  k: K;
  /** Enum: allowed values. */
  values?: ReadonlySet<string>;
  /** Arr, Map: the element node. */
  item?: Node;
  /** Def: definition id, resolved on first use. */
  ref?: string;
  def?: Def;
  /** Union: the alternatives. */
  anyOf?: Node[];
}

interface Def {
  title: string;
  /** undefined: free-form object (anything goes inside). */
  props?: Map<string, Node>;
  required: string[];
}

const SIMPLE: Record<string, K> = {
  s: K.Str, i: K.Int, n: K.Num, b: K.Bool, '*': K.Any, o: K.AnyObject, q: K.Quantity, is: K.IntOrStr, ns: K.NumOrStr, bs: K.BoolOrStr,
};

/**
 * A set of definitions that can be compiled on demand. `loadMissing` is asked
 * for a definition no loaded table has (the built-ins load a shared table).
 */
export class DefRegistry {
  private readonly raw = new Map<string, TableDef>();
  private readonly compiled = new Map<string, Def>();

  constructor(private readonly loadMissing: (id: string) => TableFile | undefined) {}

  add(table: TableFile): void {
    for (const [id, def] of Object.entries(table.defs)) if (!this.raw.has(id)) this.raw.set(id, def);
  }

  def(id: string): Def {
    const done = this.compiled.get(id);
    if (done) return done;
    let raw = this.raw.get(id);
    if (!raw) {
      const table = this.loadMissing(id);
      if (table) this.add(table);
      raw = this.raw.get(id);
      if (!raw) throw new Error(`schema definition ${id} not found`);
    }
    const def: Def = { title: raw.t, required: raw.q ?? [] };
    // Registered before its fields are compiled, so recursive definitions work.
    this.compiled.set(id, def);
    if (raw.p) {
      def.props = new Map();
      for (const [name, node] of Object.entries(raw.p)) def.props.set(name, compileNode(node));
    }
    return def;
  }
}

function compileNode(n: TableNode): Node {
  if (typeof n === 'string') {
    const k = SIMPLE[n];
    if (k === undefined) throw new Error(`unknown schema node "${n}"`);
    return { k };
  }
  if ('e' in n) return { k: K.Enum, values: new Set(n.e) };
  if ('a' in n) return { k: K.Arr, item: compileNode(n.a) };
  if ('m' in n) return { k: K.Map, item: compileNode(n.m) };
  if ('r' in n) return { k: K.Def, ref: n.r };
  return { k: K.Union, anyOf: n.u.map(compileNode) };
}

/** Validates objects of one kind (or any definition) of a registry. */
export class ObjectValidator {
  private readonly root: Node;

  constructor(private readonly registry: DefRegistry, rootId: string) {
    this.root = { k: K.Def, ref: rootId };
  }

  /**
   * The problems of `value`, in the order of the walk; [] when it is valid.
   * `basePath` is where `value` sits in its resource (paths and messages start there).
   */
  validate(value: unknown, basePath: ResourcePath = []): SchemaIssue[] {
    const out: SchemaIssue[] = [];
    this.check(this.root, value, [...basePath], out);
    return out;
  }

  private check(node: Node, value: unknown, path: PathSegment[], out: SchemaIssue[]): void {
    switch (node.k) {
      case K.Str:
        if (typeof value !== 'string') typeError(path, 'string', value, out);
        return;
      case K.Int:
        if (typeof value !== 'number' || !Number.isInteger(value)) typeError(path, 'integer', value, out);
        return;
      case K.Num:
        if (typeof value !== 'number' || !Number.isFinite(value)) typeError(path, 'number', value, out);
        return;
      case K.Bool:
        if (typeof value !== 'boolean') typeError(path, 'boolean', value, out);
        return;
      case K.Any:
        return;
      case K.AnyObject:
        if (!isObject(value)) typeError(path, 'object', value, out);
        return;
      case K.Quantity:
        if (typeof value === 'string') {
          if (!isQuantityString(value)) {
            out.push({ path: [...path], message: `${at(path)}invalid quantity ${JSON.stringify(value)} (expected a number with an optional suffix, e.g. 500m, 0.5, 128Mi, 1G)` });
          }
        } else if (typeof value !== 'number' || !Number.isFinite(value)) {
          typeError(path, 'quantity (string or number)', value, out);
        }
        return;
      case K.IntOrStr:
        if (typeof value !== 'string' && (typeof value !== 'number' || !Number.isInteger(value))) typeError(path, 'integer or string', value, out);
        return;
      case K.NumOrStr:
        if (typeof value !== 'string' && (typeof value !== 'number' || !Number.isFinite(value))) typeError(path, 'number or string', value, out);
        return;
      case K.BoolOrStr:
        if (typeof value !== 'string' && typeof value !== 'boolean') typeError(path, 'boolean or string', value, out);
        return;
      case K.Enum:
        if (typeof value !== 'string') typeError(path, 'string', value, out);
        else if (!node.values!.has(value)) {
          const allowed = [...node.values!].map((v) => JSON.stringify(v)).join(', ');
          out.push({ path: [...path], message: `${at(path)}unsupported value ${JSON.stringify(value)}${didYouMean(value, node.values!)}; expected one of ${allowed}` });
        }
        return;
      case K.Arr: {
        if (!Array.isArray(value)) {
          typeError(path, 'array', value, out);
          return;
        }
        const item = node.item!;
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          if (value[i] === null && item.k !== K.Any) typeError(path, describeExpected(item), null, out);
          else this.check(item, value[i], path, out);
          path.pop();
        }
        return;
      }
      case K.Map: {
        if (!isObject(value)) {
          typeError(path, 'object', value, out);
          return;
        }
        const item = node.item!;
        for (const key in value) {
          const v = value[key];
          path.push(key);
          if (v === null && item.k !== K.Any) typeError(path, describeExpected(item), null, out);
          else this.check(item, v, path, out);
          path.pop();
        }
        return;
      }
      case K.Def: {
        const def = (node.def ??= this.registry.def(node.ref!));
        // Free-form definitions (JSON, RawExtension, JSONSchemaPropsOrBool...) take any value.
        if (def.props === undefined) return;
        if (!isObject(value)) {
          typeError(path, 'object', value, out);
          return;
        }
        this.checkObject(def, value, path, out);
        return;
      }
      case K.Union:
        this.checkUnion(node, value, path, out);
        return;
    }
  }

  private checkObject(def: Def, obj: Record<string, unknown>, path: PathSegment[], out: SchemaIssue[]): void {
    const props = def.props;
    if (props === undefined) return;
    for (const key in obj) {
      const node = props.get(key);
      if (node === undefined) {
        out.push({ path: [...path, key], message: `unknown field ${JSON.stringify(key)} in ${def.title}${didYouMean(key, props.keys())}`, unknownField: true });
        continue;
      }
      const v = obj[key];
      if (v === null) continue; // an optional field set to null is "not set"; required ones are checked below
      path.push(key);
      this.check(node, v, path, out);
      path.pop();
    }
    for (const name of def.required) {
      const v = obj[name];
      if (v === undefined) {
        out.push({ path: [...path], message: `missing required field ${JSON.stringify(name)} in ${def.title}` });
      } else if (v === null) {
        const node = props.get(name)!;
        path.push(name);
        typeError(path, describeExpected(node), null, out);
        path.pop();
      }
    }
  }

  private checkUnion(node: Node, value: unknown, path: PathSegment[], out: SchemaIssue[]): void {
    const alternatives = node.anyOf!;
    let closest: SchemaIssue[] | undefined;
    for (const alt of alternatives) {
      const issues: SchemaIssue[] = [];
      this.check(alt, value, path, issues);
      if (issues.length === 0) return;
      // Report the alternative whose type fits the value, if any does.
      if (closest === undefined && sameShape(alt, value)) closest = issues;
    }
    if (closest) out.push(...closest);
    else typeError(path, alternatives.map(describeExpected).join(' or '), value, out);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameShape(node: Node, value: unknown): boolean {
  switch (node.k) {
    case K.Def: case K.Map: case K.AnyObject: return isObject(value);
    case K.Arr: return Array.isArray(value);
    case K.Bool: return typeof value === 'boolean';
    case K.Str: case K.Enum: return typeof value === 'string';
    default: return false;
  }
}

function describeExpected(node: Node): string {
  switch (node.k) {
    case K.Str: case K.Enum: return 'string';
    case K.Int: return 'integer';
    case K.Num: return 'number';
    case K.Bool: return 'boolean';
    case K.Any: return 'any value';
    case K.AnyObject: case K.Map: case K.Def: return 'object';
    case K.Quantity: return 'quantity (string or number)';
    case K.IntOrStr: return 'integer or string';
    case K.NumOrStr: return 'number or string';
    case K.BoolOrStr: return 'boolean or string';
    case K.Arr: return 'array';
    case K.Union: return node.anyOf!.map(describeExpected).join(' or ');
  }
}

function at(path: ResourcePath): string {
  return path.length === 0 ? '' : `${formatPath(path)}: `;
}

/** `string "three"`, `number 1.5`, `boolean true`, `null`, `array`, `object`. */
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

function typeError(path: PathSegment[], expected: string, value: unknown, out: SchemaIssue[]): void {
  out.push({ path: [...path], message: `${at(path)}expected ${expected}, got ${describeValue(value)}` });
}

// ---------------------------------------------------------------------------
// Built-in kinds.

const builtins = new DefRegistry((id) => readTable(sharedTableRel(id)));
const validators = new Map<string, ObjectValidator | null>();

/**
 * The validator of a built-in apiVersion/kind, or undefined when the tables
 * have none. Loads that kind's table on first use.
 */
export function builtinValidator(apiVersion: string, kind: string): ObjectValidator | undefined {
  const key = `${apiVersion}\0${kind}`;
  let v = validators.get(key);
  if (v === undefined) {
    const rel = tableFileOf(apiVersion, kind);
    if (rel === undefined) v = null;
    else {
      const table = readTable(rel);
      builtins.add(table);
      v = new ObjectValidator(builtins, table.root);
    }
    validators.set(key, v);
  }
  return v ?? undefined;
}

let objectMeta: ObjectValidator | undefined;

/** The validator of `metadata` (ObjectMeta), for custom resources. */
export function objectMetaValidator(): ObjectValidator {
  if (!objectMeta) {
    // ObjectMeta is part of every kind's table; ConfigMap's is the smallest to load.
    builtins.add(readTable(tableFileOf('v1', 'ConfigMap')!));
    objectMeta = new ObjectValidator(builtins, 'meta.v1.ObjectMeta');
  }
  return objectMeta;
}
