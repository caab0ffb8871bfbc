/**
 * Go values as templates see them. This file is the contract between the
 * executor (src/helm/template), the function library (src/helm/sprig) and the
 * chart layer (src/helm/chart). Keep it small and stable.
 *
 * Mapping of Go types to JavaScript:
 * - nil interface / nil pointer:  null
 * - missing (an invalid reflect.Value, e.g. a map key that is not there): undefined
 * - bool: boolean;  string: string
 * - float64 (every number read from YAML/JSON values): number
 * - int (template constants, len, atoi, until...): bigint
 * - int64 (Sprig math, toDecimal, fromToml...), uint8 (a byte of a string),
 *   uint64 (semver parts) and the other sized integer kinds: a GoInt, which
 *   keeps the value as a bigint and the kind beside it. Go tells them apart
 *   (typeOf, printf %T, DeepEqual in has/uniq/without, Sprig's type switches
 *   such as `duration`, parameters typed int); comparisons, arithmetic,
 *   printing and serialization see only the number (use goIntValue).
 * - []interface{} and other slices: GoValue[]
 * - map[string]interface{}: GoMap, a plain object (prefer null prototype)
 * - []byte: Uint8Array
 * - anything else (time.Time, *semver.Version, .Release, .Chart, .Files,
 *   .Capabilities, durations...): a GoObject subclass
 */

export type GoMap = { [key: string]: GoValue };

export type GoValue =
  | undefined
  | null
  | boolean
  | number
  | bigint
  | string
  | GoValue[]
  | GoMap
  | Uint8Array
  | GoObject
  | GoFunction;

/** A function value (Go func), callable with `call`. */
export type GoFunction = (...args: GoValue[]) => GoValue;

/**
 * Go types of slices and maps that JavaScript cannot tell apart: Sprig
 * returns []string, []int and map[string]string in places, Helm's .Values is
 * a chartutil.Values. Untagged arrays are []interface {} and untagged maps
 * map[string]interface {}; typeOf, %T, %#v and type errors read the tag.
 */
const goTypeTags = new WeakMap<object, string>();

/** Records the Go type of a slice or map (e.g. "[]string"). Returns the value. */
export function tagGoType<T extends object>(value: T, goType: string): T {
  goTypeTags.set(value, goType);
  return value;
}

/** The type recorded by tagGoType, if any. */
export function goTypeTag(value: object): string | undefined {
  return goTypeTags.get(value);
}

/**
 * Go's nil slice and nil map, which JavaScript cannot tell from empty ones:
 * Sprig's `rest` of an empty list and Helm's `fromYaml "null"` return them.
 * They have no elements and print as `[]` / `map[]`, but encoding/json (so
 * toJson, and toYaml through it) writes them as `null`.
 */
const goNils = new WeakSet<object>();

/** Marks an empty array or map as Go's nil slice or map. Returns the value. */
export function goNil<T extends GoValue[] | GoMap>(value: T): T {
  goNils.add(value);
  return value;
}

/** Whether a value is a nil slice or map marked by goNil. */
export function isGoNil(value: GoValue): boolean {
  return typeof value === 'object' && value !== null && goNils.has(value);
}

/**
 * Methods of a named Go map type (Helm's chartutil.Values): a plain GoMap
 * registered with setMapMethods keeps working everywhere a map does, and the
 * executor looks its methods up before its keys, as Go does.
 */
export interface MapMethods {
  method(receiver: GoMap, name: string): GoFunction | undefined;
}

const mapMethods = new WeakMap<object, MapMethods>();

export function setMapMethods<M extends GoMap>(m: M, methods: MapMethods): M {
  mapMethods.set(m, methods);
  return m;
}

export function mapMethodsOf(m: GoMap): MapMethods | undefined {
  return mapMethods.get(m);
}

/** Sentinel: a GoObject has no such field or method. */
export const NO_FIELD: unique symbol = Symbol('no-field');

/**
 * A Go struct or other typed value. Field access (`.Name`) and method calls
 * (`.Files.Get "x"`) go through `field` and `method`; an unknown name is an
 * error in the executor ("can't evaluate field X in type T").
 */
export abstract class GoObject {
  /** Go type name as printf "%T" and typeOf show it, e.g. "*chart.Metadata", "time.Time". */
  abstract goType(): string;
  /** reflect.Kind name as kindOf shows it: "struct", "ptr", "map", ... */
  goKind(): string {
    return 'struct';
  }
  /**
   * For named integer types (time.Month, time.Duration, int64...): the number,
   * which comparisons and the integer verbs of printf use. Undefined otherwise.
   */
  intValue(): bigint | undefined {
    return undefined;
  }
  field(_name: string): GoValue | typeof NO_FIELD {
    return NO_FIELD;
  }
  method(_name: string): GoFunction | undefined {
    return undefined;
  }
  /** The text `%v` / `{{ . }}` prints (Go's fmt of the value, or its String() method). */
  abstract formatV(): string;
  /**
   * What an action `{{ .X }}` prints, when it differs from `%v`: an action
   * prints addressable values, so a pointer-receiver String() method applies
   * there but not in printf (`{{ .Capabilities.KubeVersion }}` is "v1.30.0",
   * `printf "%v"` of it is "{v1.30.0 1 30}").
   */
  formatAction(): string {
    return this.formatV();
  }
  /** Value used by toJson/toYaml (Go's json.Marshal of the value). */
  toJSONValue(): GoValue {
    return this.formatV();
  }
  /**
   * For named slice or map types (chartutil.Files is a map[string][]byte,
   * chartutil.VersionSet a []string): the slice or map that `range`, `len`
   * and `index` see. Undefined for structs.
   */
  underlying(): GoValue[] | GoMap | undefined {
    return undefined;
  }
}

/**
 * Go parameter types a function can declare so that the executor checks and
 * converts its arguments as text/template does (evalArg/validateType): an
 * untyped constant converts to the parameter type, a value of another type is
 * "wrong type for value; expected int; got float64", a count mismatch is
 * "wrong number of args for NAME: want 2 got 1". `any` is interface{} (nil
 * arrives as null), `value` is reflect.Value (missing stays undefined).
 */
/** The sized Go integer kinds; plain `int` is a bare bigint (the common, fast case). */
export type GoIntKind = 'int64' | 'int32' | 'int16' | 'int8' | 'uint' | 'uint64' | 'uint32' | 'uint16' | 'uint8';

/**
 * A Go integer of a kind other than `int`. A wrapper rather than a bigint of
 * its own because JS primitives cannot carry a tag; template constants and
 * `len`, the integers every chart uses, stay bare bigints and cost nothing.
 * Extending GoObject makes code that does not know about it treat it as an
 * opaque typed value that prints and serializes as its number.
 */
export class GoInt extends GoObject {
  constructor(
    readonly value: bigint,
    readonly kind: GoIntKind,
  ) {
    super();
  }
  goType(): string {
    return this.kind;
  }
  override goKind(): string {
    return this.kind;
  }
  override intValue(): bigint {
    return this.value;
  }
  formatV(): string {
    return this.value.toString();
  }
  override toJSONValue(): GoValue {
    return this.value;
  }
  /** True for the unsigned kinds (uint, uint8...), which `%#v` prints in hex. */
  get unsigned(): boolean {
    return this.kind.charCodeAt(0) === 0x75; // 'u'
  }
}

/** A Go int64 (wrapped to 64 bits as Go's arithmetic does). */
export function goInt64(v: bigint): GoInt {
  return new GoInt(BigInt.asIntN(64, v), 'int64');
}

/** The integer of an int (bigint) or of any sized integer kind (GoInt); undefined for other values. */
export function goIntValue(v: GoValue): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (v instanceof GoInt) return v.value;
  return undefined;
}

export type GoParamType = 'any' | 'value' | 'string' | 'int' | 'uint32' | 'float64' | 'bool' | 'map' | 'slice' | GoNamedParam;

/**
 * A parameter of a named struct type, e.g. `type:time.Time`: the argument must
 * be a GoObject whose goType() is that name ("wrong type for value; expected
 * time.Time; got string"), and a constant there is "can't handle ... for arg
 * of type time.Time".
 */
export type GoNamedParam = `type:${string}`;

export interface GoFuncSignature {
  params: GoParamType[];
  /** Element type of a trailing `...T` parameter. */
  variadic?: GoParamType;
}

const signatures = new WeakMap<GoFunction, GoFuncSignature>();

/** Declares the Go signature of a function (see GoParamType). Returns the function. */
export function withGoSignature<F extends GoFunction>(fn: F, sig: GoFuncSignature): F {
  signatures.set(fn, sig);
  return fn;
}

/** The signature declared with withGoSignature (or a `goSignature` property), if any. */
export function goSignatureOf(fn: GoFunction): GoFuncSignature | undefined {
  return signatures.get(fn) ?? (fn as GoFunction & { goSignature?: GoFuncSignature }).goSignature;
}

export function isGoMap(v: GoValue): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof GoObject);
}

/** Go's truthiness for if/with/and/or: the zero value of its type is false. */
export function isTrue(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case 'boolean': return v;
    case 'number': return v !== 0;
    case 'bigint': return v !== 0n;
    case 'string': return v.length > 0;
    case 'function': return true;
    default:
      if (Array.isArray(v)) return v.length > 0;
      if (v instanceof Uint8Array) return v.length > 0;
      if (v instanceof GoObject) {
        // A named integer (int64, time.Month, time.Duration) is false when zero; structs are always true.
        const n = v.intValue();
        return n === undefined || n !== 0n;
      }
      return Object.keys(v).length > 0;
  }
}

/** Where a value in the values tree was set: a file position or a --set flag. */
export interface ValueOrigin {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** e.g. "--set service.nodePort=29999" when the value came from the command line. */
  flag?: string;
}

/**
 * Origins of values, kept beside the values tree (primitives cannot carry
 * properties): for each map or list, the origin of each key or index.
 * The chart loader fills it; coalescing copies entries with the values;
 * the executor reads it when a field chain ends on a values leaf.
 */
const origins = new WeakMap<object, Map<string | number, ValueOrigin>>();

export function setOrigin(container: object, key: string | number, origin: ValueOrigin): void {
  let m = origins.get(container);
  if (!m) origins.set(container, (m = new Map()));
  m.set(key, origin);
}

export function getOrigin(container: object, key: string | number): ValueOrigin | undefined {
  return origins.get(container)?.get(key);
}

/** Copies the origin of `from[fromKey]` to `to[toKey]` when there is one. */
export function copyOrigin(from: object, fromKey: string | number, to: object, toKey: string | number): void {
  const o = getOrigin(from, fromKey);
  if (o) setOrigin(to, toKey, o);
}

/**
 * Where a document's own template called the named template or `tpl` that
 * printed a span: the whole `{{ include ... }}` (or `{{ template ... }}`)
 * action, 1-based, end-exclusive.
 */
export interface CallSite {
  template: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One span of rendered output and what produced it. Offsets are in UTF-16 units of the output string. */
export interface OutputSpan {
  start: number;
  end: number;
  /** Template name (e.g. "mychart/templates/service.yaml") and 1-based position of the text or action. */
  template: string;
  line: number;
  column: number;
  /** Set when the printed text came from a value of the values tree. */
  origin?: ValueOrigin;
  /**
   * 'text': a verbatim copy of template text starting at line:column (so an
   * offset inside the span maps to a template position by counting); 'action':
   * printed by the action whose `{{` is at line:column. Columns count UTF-16 units.
   */
  kind?: 'text' | 'action';
  /**
   * For 'action' spans: the position just past the action's closing `}}` (1-based,
   * end-exclusive), so a caller can mark the whole action without the template text.
   */
  endLine?: number;
  endColumn?: number;
  /**
   * Set when the span was printed through a call (include, template, tpl): the
   * outermost call site, in the template being executed at top level (the
   * document's own template). `template`, `line` and `column` stay the
   * innermost position that emitted the text.
   */
  site?: CallSite;
}

/** A rendered template: its text and the provenance of every span of it. */
export interface RenderedText {
  text: string;
  spans: OutputSpan[];
}
