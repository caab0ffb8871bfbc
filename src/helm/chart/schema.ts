/**
 * values.schema.json validation (chartutil.ValidateAgainstSchema): the
 * chart's schema against its coalesced values, then each subchart's schema
 * against the values under its name. ajv is loaded only when a chart has a
 * schema; messages imitate santhosh-tekuri/jsonschema v6 as Helm prints them.
 */
import { GoObject, isGoMap, type GoMap, type GoValue } from '../go/value.js';
import type { Chart } from './chart.js';
import { goInterfaceTypeName } from '../go/reflect.js';

type AjvError = { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string; data?: unknown };
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

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'object') return 'object';
  return typeof v;
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
    case 'type': {
      const want = Array.isArray(p.type) ? (p.type as string[]).join(' or ') : String(p.type).split(',').join(' or ');
      return `got ${jsonType(e.data)}, want ${want}`;
    }
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

/** One violation per failing location; required and additionalProperties list every name at once, as the library does. */
function violationsOf(errors: AjvError[]): Violation[] {
  const merged: { path: string; keyword: string; names: string[]; text: string }[] = [];
  for (const e of errors) {
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
    merged.push({ path: e.instancePath, keyword: e.keyword, names: [], text: describe(e) });
  }
  const out = new Map<string, Violation>();
  for (const m of merged) {
    let text = m.text;
    if (m.keyword === 'required') text = m.names.length === 1 ? `missing property ${quote(m.names[0])}` : `missing properties ${m.names.map(quote).join(', ')}`;
    if (m.keyword === 'additionalProperties') text = `additional properties ${m.names.map(quote).join(', ')} not allowed`;
    // The same line twice is said once.
    const line = violationLine(m.path, text);
    if (!out.has(line)) out.set(line, { pointer: m.path, path: pointerPath(m.path), message: text });
  }
  return [...out.values()];
}

/** A violation as Helm's message lists it. */
function violationLine(pointer: string, message: string): string {
  return `- at '${pointer}': ${message}`;
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
    const ajv = new Ctor({ strict: false, allErrors: true, verbose: true, validateFormats: false, validateSchema: false });
    validate = ajv.compile(schema);
  } catch (e) {
    return { text: `${(e as Error).message}\n`, violations: [] };
  }
  if (validate(toJson(values))) return undefined;
  const violations = violationsOf(validate.errors ?? []);
  return { text: `${violations.map((v) => violationLine(v.pointer, v.message)).join('\n')}\n`, violations };
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
      out.violations.push(...err.violations.map((v) => ({ chart: chart.name(), ...v })));
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
      out.violations.push(...err.violations);
    }
  }
  return out.text === '' ? undefined : out;
}

/** ValidateAgainstSchema; returns the error text (without Helm's heading) or undefined. */
export async function validateAgainstSchema(chart: Chart, values: GoMap): Promise<string | undefined> {
  return (await checkValuesSchema(chart, values))?.text;
}
