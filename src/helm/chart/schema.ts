/**
 * values.schema.json validation (chartutil.ValidateAgainstSchema): the
 * chart's schema against its coalesced values, then each subchart's schema
 * against the values under its name. ajv is loaded only when a chart has a
 * schema; messages imitate santhosh-tekuri/jsonschema v6 as Helm prints them.
 */
import { GoObject, isGoMap, type GoMap, type GoValue } from '../go/value.js';
import type { Chart } from './chart.js';
import { goInterfaceTypeName } from '../go/reflect.js';
import { goRegExpForAjv } from '../go/regexp.js';

type AjvError = { instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown>; message?: string; data?: unknown };
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
type AjvLike = { compile(schema: unknown): Validate };
type AjvCtor = new (opts: Record<string, unknown>) => AjvLike;

let ajvClasses: Promise<{ draft7: AjvCtor; draft2020: AjvCtor; draft2019: AjvCtor }> | undefined;

function loadAjv() {
  ajvClasses ??= (async () => {
    const [d7, d2020, d2019] = await Promise.all([import('ajv'), import('ajv/dist/2020.js'), import('ajv/dist/2019.js')]);
    const pick = (m: unknown): AjvCtor => ((m as { default?: AjvCtor }).default ?? (m as AjvCtor)) as AjvCtor;
    return { draft7: pick(d7), draft2020: pick(d2020), draft2019: pick(d2019) };
  })();
  return ajvClasses;
}

/** Values as JSON sees them (bigint to number, bytes to base64, Go objects to their JSON). */
function toJson(v: GoValue): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof GoObject) return toJson(v.toJSONValue());
  if (Array.isArray(v)) return v.map(toJson);
  if (isGoMap(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = toJson(v[k]);
    return out;
  }
  return v === undefined ? null : v;
}

/**
 * The library's typeOf: every number is "number" (an integer value that a
 * `type: string` refuses is "got number"); `integer` is only ever wanted.
 */
function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** The library's Types.ToStrings: allowed types in its fixed order, whatever the schema's order. */
const TYPE_ORDER = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'];

function wantedTypes(t: unknown): string {
  const listed = Array.isArray(t) ? (t as string[]) : String(t).split(',');
  return TYPE_ORDER.filter((x) => listed.includes(x)).join(' or ');
}

/** The jsonschema library's quote(): Go %q in single quotes. */
function quote(x: string): string {
  return `'${JSON.stringify(x).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** display(): strings quoted, other primitives as Go's %v. */
function display(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (v === null) return '<nil>';
  if (typeof v === 'object') return 'value';
  return String(v);
}

function describe(e: AjvError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'type':
      return `got ${jsonType(e.data)}, want ${wantedTypes(p.type)}`;
    case 'required':
      return `missing property ${quote(String(p.missingProperty))}`;
    case 'enum': {
      const want = p.allowedValues as unknown[];
      if (want.some((x) => typeof x === 'object' && x !== null)) return 'enum failed';
      return want.length === 1 ? `value must be ${display(want[0])}` : `value must be one of ${want.map(display).join(', ')}`;
    }
    case 'const':
      return typeof p.allowedValue === 'object' && p.allowedValue !== null ? 'const failed' : `value must be ${display(p.allowedValue)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${e.keyword}: got ${String(e.data)}, want ${String(p.limit)}`;
    case 'multipleOf':
      return `multipleOf: got ${String(e.data)}, want ${String(p.multipleOf)}`;
    case 'additionalProperties':
      return `additional properties ${quote(String(p.additionalProperty))} not allowed`;
    case 'pattern':
      return `${quote(String(e.data))} does not match pattern ${quote(String(p.pattern))}`;
    case 'minLength':
    case 'maxLength':
      return `${e.keyword}: got ${[...String(e.data)].length}, want ${String(p.limit)}`;
    case 'minItems':
    case 'maxItems':
      return `${e.keyword}: got ${(e.data as unknown[]).length}, want ${String(p.limit)}`;
    case 'minProperties':
    case 'maxProperties':
      return `${e.keyword}: got ${Object.keys(e.data as object).length}, want ${String(p.limit)}`;
    case 'uniqueItems':
      return `items at ${String(p.j)} and ${String(p.i)} are equal`;
    case 'format':
      return `${display(e.data)} is not valid ${String(p.format)}`;
    case 'false schema':
      return 'false schema';
    default:
      return e.message ?? e.keyword;
  }
}

/**
 * describe's text without the value, for the keywords whose text quotes it (the linter prints
 * this one for values that may be secrets; `template` prints Helm's text).
 */
function describeWithoutValue(e: AjvError): string | undefined {
  const p = e.params;
  switch (e.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${e.keyword}: want ${String(p.limit)}`;
    case 'multipleOf':
      return `multipleOf: want ${String(p.multipleOf)}`;
    case 'pattern':
      return `value does not match pattern ${quote(String(p.pattern))}`;
    case 'format':
      return `value is not valid ${String(p.format)}`;
    default:
      return undefined;
  }
}

/** One values.schema.json violation: the chart whose schema says it, where in its values, and why. */
export interface SchemaViolation {
  /** Name of the chart whose schema failed (as Helm's message heads it). */
  chart: string;
  /** JSON pointer into that chart's values, as written in the message (e.g. `/image/tag`). */
  pointer: string;
  /** The pointer as a path of keys and indexes. */
  path: (string | number)[];
  /** The violation's text after `at '<pointer>': `. */
  message: string;
  /** When `message` quotes the value: the same text without it, and the value (to decide whether it may be a secret). */
  valueFree?: string;
  value?: unknown;
}

/** A violation found by one schema (its chart is added by the caller). */
type Violation = Omit<SchemaViolation, 'chart'>;

/** The values path a JSON pointer (`/a/0/b~1c`) names. */
function pointerPath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * The keywords the library checks first, in its order, each ending the
 * schema's evaluation of that value when it fails (validator.validate returns
 * at once): nothing else that schema says about the value or below it is
 * reported.
 */
const SHORT_CIRCUIT = ['type', 'const', 'enum', 'format'];

/** Whether `path` is the JSON pointer `base` or one below it. */
function within(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/** Drops what the library never reaches after a type, const, enum or format failure. */
function shortCircuit(errors: AjvError[]): AjvError[] {
  const stops: { node: string; at: string; e: AjvError }[] = [];
  for (const keyword of SHORT_CIRCUIT) {
    for (const e of errors) {
      if (e.keyword !== keyword) continue;
      const node = e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
      if (stops.some((s) => s.e !== e && within(e.instancePath, s.at) && e.schemaPath.startsWith(`${s.node}/`))) continue;
      stops.push({ node, at: e.instancePath, e });
    }
  }
  return errors.filter((e) => !stops.some((s) => s.e !== e && within(e.instancePath, s.at) && e.schemaPath.startsWith(`${s.node}/`)));
}

/** One violation per failing keyword; required and additionalProperties list every name at once, as the library does. */
function violationsOf(errors: AjvError[]): (Violation & { keyword: string })[] {
  const merged: { path: string; keyword: string; names: string[]; text: string; valueFree?: string; value?: unknown }[] = [];
  for (const e of shortCircuit(errors)) {
    if (['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not'].includes(e.keyword) && errors.length > 1) continue;
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      const name = String(e.keyword === 'required' ? e.params.missingProperty : e.params.additionalProperty);
      const prev = merged.find((m) => m.path === e.instancePath && m.keyword === e.keyword);
      if (prev) {
        if (!prev.names.includes(name)) prev.names.push(name);
        continue;
      }
      merged.push({ path: e.instancePath, keyword: e.keyword, names: [name], text: '' });
      continue;
    }
    const valueFree = describeWithoutValue(e);
    merged.push({ path: e.instancePath, keyword: e.keyword, names: [], text: describe(e), ...(valueFree !== undefined ? { valueFree, value: e.data } : {}) });
  }
  const out = new Map<string, Violation & { keyword: string }>();
  for (const m of merged) {
    let text = m.text;
    if (m.keyword === 'required') text = m.names.length === 1 ? `missing property ${quote(m.names[0])}` : `missing properties ${m.names.map(quote).join(', ')}`;
    if (m.keyword === 'additionalProperties') text = `additional properties ${m.names.map(quote).join(', ')} not allowed`;
    // The same line twice is said once.
    const key = `${m.path}\n${text}`;
    if (!out.has(key)) out.set(key, { pointer: m.path, path: pointerPath(m.path), message: text, keyword: m.keyword, ...(m.valueFree !== undefined ? { valueFree: m.valueFree, value: m.value } : {}) });
  }
  return [...out.values()];
}

/**
 * Where a keyword's error comes among those of one object's evaluation
 * (validator.objValidate): the counts and `required` first, then what each
 * property's schema said, then `additionalProperties` (one error listing all
 * the names), then the rest in the order found.
 */
function rank(keyword: string | undefined): number {
  if (keyword === undefined) return 1; // a property's or item's own evaluation
  if (['minProperties', 'maxProperties', 'required', 'dependencies', 'minItems', 'maxItems', 'uniqueItems'].includes(keyword)) return 0;
  if (keyword === 'additionalProperties') return 2;
  return 3;
}

/** An error as the library's ValidationError tree holds it: one violation, or a group of a value's several. */
type Entry = { pointer: string; message: string } | { pointer: string; causes: Entry[] };

/**
 * The library's error tree: a schema's evaluation of one value returns its
 * single error as is, or a group ("validation failed") of several; each
 * property or item is its own evaluation. Groups nest, indented.
 */
function errorTree(violations: (Violation & { keyword: string })[]): Entry[] {
  interface Node { pointer: string; items: { keyword?: string; entry?: Entry; child?: Node }[]; children: Map<string, Node> }
  const root: Node = { pointer: '', items: [], children: new Map() };
  for (const v of violations) {
    let node = root;
    const segments = v.pointer === '' ? [] : v.pointer.split('/').slice(1);
    for (const seg of segments) {
      let child = node.children.get(seg);
      if (!child) {
        child = { pointer: `${node.pointer}/${seg}`, items: [], children: new Map() };
        node.children.set(seg, child);
        node.items.push({ child });
      }
      node = child;
    }
    node.items.push({ keyword: v.keyword, entry: { pointer: v.pointer, message: v.message } });
  }
  const entries = (node: Node): Entry[] =>
    node.items
      .map((item, i) => ({ item, i, r: rank(item.child ? undefined : item.keyword) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map(({ item }) => {
        if (item.entry) return item.entry;
        const sub = entries(item.child as Node);
        return sub.length === 1 ? sub[0] : { pointer: (item.child as Node).pointer, causes: sub };
      });
  const top = entries(root);
  // validator.validate unwraps one group at the top (the root's, or the single error's).
  return top.length === 1 && 'causes' in top[0] ? top[0].causes : top;
}

/** The tree as ValidationError.Error() prints it, one "- at '<pointer>': ..." line per error. */
function treeLines(entries: Entry[], depth = 0): string[] {
  return entries.flatMap((e) => {
    const head = `${'  '.repeat(depth)}- at '${e.pointer}': `;
    return 'causes' in e ? [`${head}validation failed`, ...treeLines(e.causes, depth + 1)] : [`${head}${e.message}`];
  });
}

/** What one schema said: the text under its chart's heading, and the violations in it. */
interface SchemaCheck {
  text: string;
  violations: Violation[];
}

async function validateOne(values: GoMap, schemaBytes: Uint8Array): Promise<SchemaCheck | undefined> {
  let schema: Record<string, unknown>;
  try {
    schema = JSON.parse(new TextDecoder().decode(schemaBytes)) as Record<string, unknown>;
  } catch (e) {
    return { text: `${(e as Error).message}\n`, violations: [] };
  }
  const { draft7, draft2020, draft2019 } = await loadAjv();
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  let Ctor = draft7;
  if (declared.includes('2020-12')) Ctor = draft2020;
  else if (declared.includes('2019-09')) Ctor = draft2019;
  else if (declared !== '' && !declared.includes('draft-07') && !declared.includes('draft-06')) {
    // ajv has no meta-schema for draft-04 and older here: validate with draft-07 rules.
    schema = { ...schema };
    delete schema.$schema;
  }
  let validate: Validate;
  try {
    // Patterns run on Go's regexp (RE2): linear time, and Go's syntax, as Helm's validator.
    const ajv = new Ctor({ strict: false, allErrors: true, verbose: true, validateFormats: false, validateSchema: false, code: { regExp: goRegExpForAjv } });
    validate = ajv.compile(schema);
  } catch (e) {
    return { text: `${refLoop(e) ?? (e as Error).message}\n`, violations: [] };
  }
  try {
    if (validate(toJson(values))) return undefined;
  } catch (e) {
    const loop = refLoop(e);
    if (loop === undefined) throw e;
    return { text: `${loop}\n`, violations: [] };
  }
  const found = violationsOf(validate.errors ?? []);
  const violations = found.map(({ pointer, path, message, valueFree, value }) => ({ pointer, path, message, ...(valueFree !== undefined ? { valueFree, value } : {}) }));
  return { text: `${treeLines(errorTree(found)).join('\n')}\n`, violations };
}

/**
 * A `$ref` that leads back to itself without consuming the value (`{"$ref": "#"}`) recurses
 * until JavaScript's stack runs out: say what it is, never "Maximum call stack size exceeded".
 */
function refLoop(e: unknown): string | undefined {
  if (!(e instanceof RangeError) || !e.message.includes('call stack')) return undefined;
  return 'values.schema.json: $ref refers back to itself without end (a schema that references itself)';
}

/** A failed values.schema.json check: Helm's text (without its heading) and each violation with its chart. */
export interface ValuesSchemaFailure {
  text: string;
  violations: SchemaViolation[];
}

/** ValidateAgainstSchema, keeping the violations as data; undefined when the values pass. */
export async function checkValuesSchema(chart: Chart, values: GoMap): Promise<ValuesSchemaFailure | undefined> {
  const out: ValuesSchemaFailure = { text: '', violations: [] };
  if (chart.schema) {
    const err = await validateOne(values, chart.schema);
    if (err !== undefined) {
      out.text += `${chart.name()}:\n${err.text}`;
      for (const v of err.violations) out.violations.push({ chart: chart.name(), ...v });
    }
  }
  for (const sub of chart.dependencies()) {
    const raw = values[sub.name()];
    if (raw === undefined || raw === null) continue;
    if (!isGoMap(raw)) {
      out.text += `${sub.name()}:\ninvalid type for values: expected object (map), got ${goInterfaceTypeName(raw)}\n`;
      continue;
    }
    const err = await checkValuesSchema(sub, raw);
    if (err !== undefined) {
      out.text += err.text;
      for (const v of err.violations) out.violations.push(v);
    }
  }
  return out.text === '' ? undefined : out;
}

/** ValidateAgainstSchema; returns the error text (without Helm's heading) or undefined. */
export async function validateAgainstSchema(chart: Chart, values: GoMap): Promise<string | undefined> {
  return (await checkValuesSchema(chart, values))?.text;
}
