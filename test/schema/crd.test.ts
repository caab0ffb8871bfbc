/**
 * Custom resources against the openAPIV3Schema of their CRD (v1 and v1beta1
 * CRDs; the `crds` option's files are read in test/load/crds.test.ts), and the conversion of structural
 * schemas to JSON Schema.
 */
import { describe, expect, it } from 'vitest';
import { CrdCatalog, toJsonSchema } from '../../src/schema/crd.js';

const backupSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['schedule'],
      properties: {
        schedule: { type: 'string', pattern: '^\\S+ \\S+ \\S+ \\S+ \\S+$' },
        retain: { type: 'integer', minimum: 1, maximum: 30 },
        port: { 'x-kubernetes-int-or-string': true },
        mode: { type: 'string', enum: ['full', 'incremental'] },
        note: { type: 'string', nullable: true },
        targets: { type: 'array', maxItems: 2, items: { type: 'object', properties: { name: { type: 'string', minLength: 1 } } } },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } },
      },
    },
  },
};

function crdV1(schema: unknown = backupSchema) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'backups.todo.example.com' },
    spec: { group: 'todo.example.com', names: { kind: 'Backup', plural: 'backups' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }, { name: 'v2', served: true, storage: false }] },
  };
}

function check(catalog: CrdCatalog, obj: Record<string, unknown>, strict = true): string[] {
  const v = catalog.get(obj.apiVersion as string, obj.kind as string);
  if (!v) throw new Error('no CRD');
  return catalog.validator(v, strict).validate(obj).map((i) => `${i.path.join('/')} | ${i.message}`);
}

const backup = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'b' }) => ({ apiVersion: 'todo.example.com/v1', kind: 'Backup', metadata, spec });

describe('custom resources with their CRD in the input', () => {
  const catalog = new CrdCatalog();
  catalog.add(crdV1());

  it('accepts a valid object, with int-or-string, nullable, preserved and embedded fields', () => {
    expect(check(catalog, backup({ schedule: '0 3 * * *', retain: 7, port: 'http', note: null, extra: { anything: [1] }, template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { x: 1 } } }))).toEqual([]);
    expect(check(catalog, backup({ schedule: '0 3 * * *', port: 8080 }))).toEqual([]);
  });

  it('reports types, enums, bounds, patterns, required and unknown fields', () => {
    expect(check(catalog, backup({ schedul: '0 3 * * *', retain: 0, port: true, mode: 'ful', targets: [{ name: '' }, {}, {}] }))).toEqual([
      'spec | missing required field "schedule" in spec',
      'spec/schedul | unknown field "schedul" in spec (did you mean "schedule"?)',
      'spec/retain | spec.retain: 0 is less than the minimum 1',
      'spec/port | spec.port: expected integer or string, got boolean true',
      'spec/mode | spec.mode: unsupported value "ful" (did you mean "full"?); expected one of "full", "incremental"',
      'spec/targets | spec.targets: has 3 items, more than 2',
      'spec/targets/0/name | spec.targets[0].name: "" is shorter than 1 characters',
    ]);
    expect(check(catalog, backup({ schedule: 'daily', retain: 31 }))).toEqual([
      'spec/schedule | spec.schedule: "daily" does not match the pattern ^\\S+ \\S+ \\S+ \\S+ \\S+$',
      'spec/retain | spec.retain: 31 is more than the maximum 30',
    ]);
  });

  it('reports unknown top-level fields against the kind, and checks metadata as ObjectMeta', () => {
    expect(check(catalog, { ...backup({ schedule: '0 3 * * *' }, { name: 'b', lables: {} }), sepc: {} })).toEqual([
      'metadata/lables | unknown field "lables" in ObjectMeta (did you mean "labels"?)',
      'sepc | unknown field "sepc" in Backup (did you mean "spec"?)',
    ]);
  });

  it('does not report unknown fields when not strict', () => {
    const loose = new CrdCatalog();
    loose.add(crdV1());
    expect(check(loose, backup({ schedule: '0 3 * * *', whatever: 1 }), false)).toEqual([]);
  });

  it('accepts anything in a version whose CRD gives no schema', () => {
    expect(check(catalog, { apiVersion: 'todo.example.com/v2', kind: 'Backup', metadata: { name: 'b' }, spec: { free: true } })).toEqual([]);
  });

  it('knows which kinds and versions it defines', () => {
    expect(catalog.hasKind('todo.example.com', 'Backup')).toBe(true);
    expect(catalog.hasKind('todo.example.com', 'Restore')).toBe(false);
    expect(catalog.get('todo.example.com/v3', 'Backup')).toBeUndefined();
    expect(catalog.size).toBe(2);
  });

  it('says so when a CRD schema does not compile', () => {
    const bad = new CrdCatalog();
    bad.add(crdV1({ type: 'object', properties: { spec: { type: 'object', minLength: 'three' } } }));
    const [issue] = check(bad, backup({}));
    expect(issue).toMatch(/^ \| the schema of CRD backups.todo.example.com does not compile: /);
    expect(check(bad, backup({}))).toEqual([]);
  });

  it('runs patterns with Go\'s regexp (RE2): \\- in a class, (?i), each pattern its own', () => {
    const c = new CrdCatalog();
    c.add(crdV1({ type: 'object', properties: { spec: { type: 'object', properties: {
      name: { type: 'string', pattern: '^[a-z0-9\\-]+$' },
      host: { type: 'string', pattern: '(?i)^[a-z]+$' },
    } } } }));
    expect(check(c, backup({ name: 'a-b', host: 'ABC' }))).toEqual([]);
    expect(check(c, backup({ name: 'A_B' }))).toEqual(['spec/name | spec.name: "A_B" does not match the pattern ^[a-z0-9\\-]+$']);
  });

  it('a pattern Go cannot compile makes the CRD schema fail to compile, as the API server refuses it', () => {
    const c = new CrdCatalog();
    c.add(crdV1({ type: 'object', properties: { spec: { type: 'object', properties: { odd: { type: 'string', pattern: '(' } } } } }));
    expect(check(c, backup({ odd: 'x' }))).toEqual([' | the schema of CRD backups.todo.example.com does not compile: error parsing regexp: missing closing ): `(`']);
  });

  it('`^(a+)+$` against 40 characters ends (linear time)', () => {
    const c = new CrdCatalog();
    c.add(crdV1({ type: 'object', properties: { spec: { type: 'object', properties: { s: { type: 'string', pattern: '^(a+)+$' } } } } }));
    expect(check(c, backup({ s: `${'a'.repeat(40)}!` }))).toEqual([`spec/s | spec.s: "${'a'.repeat(40)}!" does not match the pattern ^(a+)+$`]);
  });
});

describe('apiextensions.k8s.io/v1beta1 CRDs', () => {
  it('use spec.validation for every version', () => {
    const catalog = new CrdCatalog();
    catalog.add({
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', version: 'v1alpha1', names: { kind: 'Widget', plural: 'widgets' }, validation: { openAPIV3Schema: { properties: { spec: { properties: { size: { type: 'integer' } } } } } } },
    });
    expect(check(catalog, { apiVersion: 'example.com/v1alpha1', kind: 'Widget', spec: { size: 'big' } })).toEqual(['spec/size | spec.size: expected integer, got string "big"']);
  });

  it('ignore objects that are not CRDs', () => {
    const catalog = new CrdCatalog();
    catalog.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    catalog.add({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: {} });
    expect(catalog.size).toBe(0);
  });
});

describe('toJsonSchema', () => {
  it('turns OpenAPI v3 structural schemas into strict draft-07', () => {
    expect(toJsonSchema({
      type: 'object',
      description: 'dropped',
      properties: {
        a: { type: 'integer', minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: true },
        b: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        c: { type: 'string', nullable: true, enum: ['x'] },
        d: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { e: { type: 'string' } } },
        f: { type: 'object', additionalProperties: { type: 'string' } },
      },
    }, true)).toEqual({
      type: 'object',
      properties: {
        a: { type: 'integer', exclusiveMinimum: 1, exclusiveMaximum: 9 },
        b: { type: ['integer', 'string'], anyOf: [{ type: 'integer' }, { type: 'string' }] },
        c: { type: ['string', 'null'], enum: ['x', null] },
        d: { type: 'object', properties: { e: { type: 'string' } } },
        f: { type: 'object', additionalProperties: { type: 'string' } },
      },
      additionalProperties: false,
    });
  });

  it('leaves objects open when not strict', () => {
    expect(toJsonSchema({ type: 'object', properties: { a: { type: 'string' } } }, false)).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
  });
});
