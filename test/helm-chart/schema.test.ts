import { describe, expect, it } from 'vitest';
import { Chart } from '../../src/helm/chart/chart.js';
import { emptyMetadata } from '../../src/helm/chart/metadata.js';
import { validateAgainstSchema } from '../../src/helm/chart/schema.js';
import { readValuesFile } from '../../src/helm/chart/values-yaml.js';

const enc = new TextEncoder();

function chart(name: string, schema?: object, deps: Chart[] = []): Chart {
  const c = new Chart({ ...emptyMetadata(), name, version: '1.0.0', apiVersion: 'v2' }, Object.create(null));
  if (schema) c.schema = enc.encode(JSON.stringify(schema));
  c.addDependency(...deps);
  return c;
}

describe('values.schema.json', () => {
  it('accepts valid values and reports nothing', async () => {
    const c = chart('app', { type: 'object', properties: { replicas: { type: 'integer' } } });
    expect(await validateAgainstSchema(c, readValuesFile('replicas: 2\n', 'v.yaml'))).toBeUndefined();
  });

  it('words errors like the jsonschema library Helm uses, one line per location', async () => {
    const c = chart('app', {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      required: ['image', 'service'],
      additionalProperties: false,
      properties: {
        replicas: { type: 'integer', minimum: 1 },
        pullPolicy: { enum: ['Always', 'Never'] },
        name: { type: 'string', pattern: '^[a-z]+$' },
        image: {},
        service: {},
      },
    });
    const err = await validateAgainstSchema(c, readValuesFile('replicas: 0\npullPolicy: Sometimes\nname: Bad\nextra: 1\nmore: 2\n', 'v.yaml'));
    expect(err).toBe(
      [
        'app:',
        "- at '': missing properties 'image', 'service'",
        "- at '/replicas': minimum: got 0, want 1",
        "- at '/pullPolicy': value must be one of 'Always', 'Never'",
        "- at '/name': 'Bad' does not match pattern '^[a-z]+$'",
        // validator.objValidate adds the additionalProperties error after every property's own.
        "- at '': additional properties 'extra', 'more' not allowed",
        '',
      ].join('\n'),
    );
  });

  it('checks subchart schemas against the values under their name, and 2020-12 schemas', async () => {
    const sub = chart('db', { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { port: { type: 'integer' } } });
    const parent = chart('app', undefined, [sub]);
    expect(await validateAgainstSchema(parent, readValuesFile('db:\n  port: "5432"\n', 'v.yaml'))).toBe("db:\n- at '/port': got string, want integer\n");
    expect(await validateAgainstSchema(parent, readValuesFile('db: 5\n', 'v.yaml'))).toBe('db:\ninvalid type for values: expected object (map), got float64\n');
  });

  // jsonschema v6 validator.validate: the type check uses typeOf (every number is
  // "number") and Types.ToStrings (fixed order), and returns at once, so no other
  // keyword of that schema is reported for the value.
  it('words type errors as jsonschema v6 does and stops at them', async () => {
    const c = chart('app', {
      type: 'object',
      properties: {
        a: { type: ['string', 'integer', 'null'], enum: [1, 2] },
        b: { type: 'string', minLength: 5 },
        c: { type: ['object', 'boolean'], required: ['x'], properties: { x: { type: 'string' } } },
        d: { enum: ['x'], pattern: '^y' },
      },
    });
    const err = await validateAgainstSchema(c, readValuesFile('a: [1]\nb: 12\nc: "s"\nd: z\n', 'v.yaml'));
    expect(err).toBe(
      [
        'app:',
        "- at '/a': got array, want null or integer or string",
        "- at '/b': got number, want string",
        "- at '/c': got string, want boolean or object",
        "- at '/d': value must be 'x'",
        '',
      ].join('\n'),
    );
  });

  // ValidationError.display: a value's evaluation with several errors is one group
  // ("validation failed") whose causes are indented under it; validator.validate
  // unwraps the top group only. ValidateAgainstSchema heads each chart's text.
  it('nests several errors of one value under it, for subcharts too', async () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        image: { type: 'object', properties: { tag: { type: 'string' }, pull: { enum: ['Always'] }, deep: { type: 'object', properties: { p: { type: 'string' }, q: { type: 'string' } } } } },
      },
    };
    const sub = chart('db', schema);
    const parent = chart('app', schema, [sub]);
    const values = 'name: 1\nimage:\n  tag: 2\n  pull: Never\n  deep: {p: 1, q: 2}\ndb:\n  image:\n    tag: 3\n    pull: x\n';
    expect(await validateAgainstSchema(parent, readValuesFile(values, 'v.yaml'))).toBe(
      [
        'app:',
        "- at '/name': got number, want string",
        "- at '/image': validation failed",
        "  - at '/image/tag': got number, want string",
        "  - at '/image/pull': value must be 'Always'",
        "  - at '/image/deep': validation failed",
        "    - at '/image/deep/p': got number, want string",
        "    - at '/image/deep/q': got number, want string",
        'db:',
        "- at '/image/tag': got number, want string",
        "- at '/image/pull': value must be 'Always'",
        '',
      ].join('\n'),
    );
  });

  it('treats --set integers (bigint) as JSON numbers', async () => {
    const c = chart('app', { type: 'object', properties: { n: { type: 'integer', maximum: 3 } } });
    const v = Object.create(null);
    v.n = 5n;
    expect(await validateAgainstSchema(c, v)).toBe("app:\n- at '/n': maximum: got 5, want 3\n");
  });
});
