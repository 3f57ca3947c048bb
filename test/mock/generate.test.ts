import { beforeAll, describe, expect, test } from 'vitest';
import type { Ajv } from 'ajv';
import fc from 'fast-check';
import { createAjv } from '../../src/openapi/ajv-factory.js';
import type { JsonSchema } from '../../src/openapi/model.js';
import { generate } from '../../src/mock/generate.js';
import { sampleRegex } from '../../src/mock/regex-sample.js';
import { createRandom } from '../../src/mock/random.js';

let ajv: Ajv;
beforeAll(async () => {
  ajv = await createAjv('3.0');
  const addFormats = (await import('ajv-formats')) as unknown as { default: (a: Ajv) => Ajv };
  addFormats.default(ajv);
});
const valid = (schema: object, value: unknown) => {
  const ok = ajv.validate(schema, value);
  return ok ? '' : JSON.stringify(ajv.errors);
};

describe('generate', () => {
  const schemas: Record<string, JsonSchema> = {
    formats: {
      type: 'object',
      required: ['when', 'day', 'id', 'mail', 'link'],
      properties: {
        when: { type: 'string', format: 'date-time' },
        day: { type: 'string', format: 'date' },
        id: { type: 'string', format: 'uuid' },
        mail: { type: 'string', format: 'email' },
        link: { type: 'string', format: 'uri' },
      },
    },
    bounds: {
      type: 'object',
      required: ['a', 'b', 'c', 'd'],
      properties: {
        a: { type: 'integer', minimum: 5, maximum: 7 },
        b: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        c: { type: 'integer', multipleOf: 25, minimum: 30 },
        d: { type: 'string', minLength: 12, maxLength: 14 },
      },
    },
    enums: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', enum: ['A', 'B', 'C'] } },
    pattern: { type: 'string', pattern: '^[A-Z]{3}-\\d{2,4}$' },
    composed: {
      allOf: [
        { type: 'object', required: ['x'], properties: { x: { type: 'integer' } } },
        { required: ['y'], properties: { y: { type: 'boolean' } } },
      ],
    },
    nullable: { type: ['string', 'null'], maxLength: 3 },
    oneOf: { oneOf: [{ type: 'object', required: ['kind'], properties: { kind: { const: 'card' } } }, { type: 'string' }] },
    example: { type: 'object', properties: { code: { type: 'string', example: 'USD', pattern: '^[A-Z]{3}$' }, wrong: { type: 'integer', example: 'ten' } } },
  };

  for (const [name, schema] of Object.entries(schemas)) {
    test(`${name}: the value validates against its schema, for any seed`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => valid(schema as object, generate(schema, { seed })) === ''),
        { numRuns: 60 },
      );
    });
  }

  test('is deterministic for a seed and varies with it', () => {
    const schema = schemas.formats;
    expect(generate(schema, { seed: 7 })).toEqual(generate(schema, { seed: 7 }));
    const values = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(generate(schema, { seed }))));
    expect(values.size).toBeGreaterThan(1);
  });

  test('uses a schema example that fits, ignores one of the wrong type', () => {
    const value = generate(schemas.example, { seed: 1 }) as Record<string, unknown>;
    expect(value.code).toBe('USD');
    expect(typeof value.wrong).toBe('number');
  });

  test('arrays get one item by default so `$.items[0]` extractions find something', () => {
    expect(generate({ type: 'array', items: { type: 'integer' } }, { seed: 3 })).toHaveLength(1);
  });

  test('cyclic (dereferenced) schemas terminate', () => {
    const node: Record<string, unknown> = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
    (node.properties as Record<string, unknown>).children = { type: 'array', items: node };
    (node.properties as Record<string, unknown>).parent = node;
    const value = generate(node, { seed: 1 });
    expect(JSON.stringify(value).length).toBeLessThan(100_000);
  });

  test('readOnly fields are left out of requests, writeOnly ones out of responses', () => {
    const schema = { type: 'object', properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } } };
    expect(Object.keys(generate(schema, { seed: 1, direction: 'request' }) as object)).toEqual(['secret']);
    expect(Object.keys(generate(schema, { seed: 1, direction: 'response' }) as object)).toEqual(['id']);
  });
});

describe('sampleRegex', () => {
  test.each(['^[a-z0-9]{16}$', '^(visa|mastercard)$', '^\\+?[0-9]{7,12}$', '^cus_[A-Za-z0-9]+$', '^\\d{4}-\\d{2}$'])('%s', (pattern) => {
    for (let seed = 0; seed < 20; seed++) expect(sampleRegex(pattern, createRandom(seed))).toMatch(new RegExp(pattern));
  });

  test('gives up (undefined) on lookarounds instead of returning a wrong string', () => {
    expect(sampleRegex('^(?!abc).*$', createRandom(1))).toBeUndefined();
  });
});
