import { describe, expect, it } from 'vitest';
import { loadInline, oas30 } from './helpers.js';

async function check(schema: unknown, value: unknown, extra: Record<string, unknown> = {}) {
  const loaded = await loadInline(oas30(schema, extra));
  const op = loaded.op('POST', '/things');
  return { outcome: loaded.validator.validateResponse(op, 200, 'application/json', value), loaded, op };
}

describe('OpenAPI quirks before ajv', () => {
  it('OAS 3.0 nullable allows null, on typed, enum and $ref schemas', async () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string', nullable: true },
        kind: { type: 'string', enum: ['A', 'B'], nullable: true },
        thing: { $ref: '#/components/schemas/Thing', nullable: true },
      },
    };
    const components = { components: { schemas: { Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } } };
    expect((await check(schema, { name: null, kind: null, thing: null }, components)).outcome.violations).toEqual([]);
    const bad = (await check(schema, { name: 3, thing: {} }, components)).outcome.violations;
    expect(bad.map((v) => `${v.pointer} ${v.rule}`)).toEqual(expect.arrayContaining(['/name type', '/thing/id required']));
  });

  it('boolean exclusiveMinimum/Maximum becomes the numeric draft-06 form', async () => {
    const schema = { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false };
    expect((await check(schema, 0)).outcome.violations.map((v) => v.rule)).toEqual(['exclusiveMinimum']);
    expect((await check(schema, 10)).outcome.violations).toEqual([]);
    expect((await check(schema, 0.5)).outcome.violations).toEqual([]);
  });

  it('unknown formats are tolerated with one warning each; known ones still apply', async () => {
    const schema = {
      type: 'object',
      properties: { country: { type: 'string', format: 'US' }, big: { type: 'integer', format: 'integer64' }, id: { type: 'string', format: 'uuid' } },
    };
    const { outcome, loaded } = await check(schema, { country: 'anything', big: 5, id: 'not-a-uuid' });
    expect(outcome.violations.map((v) => `${v.pointer} ${v.rule}`)).toEqual(['/id format']);
    const formats = loaded.validator.warnings.filter((w) => w.code === 'spec-unknown-format').map((w) => w.message);
    expect(formats).toHaveLength(2);
    expect(formats.join(' ')).toContain('`US`');
  });

  it('ignores example and x-* keywords, even where they hold schema-like content', async () => {
    const schema = { type: 'object', example: { type: 'string' }, 'x-internal': { required: ['zzz'] }, properties: { example: { type: 'string' } } };
    expect((await check(schema, { example: 'fine' })).outcome.violations).toEqual([]);
    expect((await check(schema, { example: 3 })).outcome.violations.map((v) => v.pointer)).toEqual(['/example']);
  });

  it('picks the discriminator branch instead of failing "must match exactly one schema"', async () => {
    const base = {
      type: 'object',
      required: ['type', 'amount'],
      properties: { type: { type: 'string', enum: ['PUSH', 'PULL'] }, amount: { type: 'integer' } },
    };
    const components = {
      components: {
        schemas: {
          Base: base,
          Push: { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { originating_customer_id: { type: 'string' } } }] },
          Pull: { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { three_ds_id: { type: 'string', format: 'uuid' } } }] },
        },
      },
    };
    const branches = [{ $ref: '#/components/schemas/Push' }, { $ref: '#/components/schemas/Pull' }];
    const withMapping = { oneOf: branches, discriminator: { propertyName: 'type', mapping: { PUSH: '#/components/schemas/Push', PULL: 'Pull' } } };
    const withoutMapping = { oneOf: branches, discriminator: { propertyName: 'type' } };
    const plain = { oneOf: branches };

    expect((await check(withMapping, { type: 'PUSH', amount: 5 }, components)).outcome.violations).toEqual([]);
    // The chosen branch is really applied: PULL's three_ds_id must be a uuid.
    const pull = (await check(withMapping, { type: 'PULL', amount: 5, three_ds_id: 'nope' }, components)).outcome.violations;
    expect(pull.map((v) => `${v.pointer} ${v.rule}`)).toEqual(['/three_ds_id format']);
    // Implicit mapping by schema name (here the base lets `type` be any string).
    const loose = structuredClone(components);
    loose.components.schemas.Base.properties.type = { type: 'string', enum: ['Push', 'Pull'] };
    expect((await check(withoutMapping, { type: 'Push', amount: 5 }, loose)).outcome.violations).toEqual([]);
    const implicitPull = (await check(withoutMapping, { type: 'Pull', amount: 5, three_ds_id: 'x' }, loose)).outcome.violations;
    expect(implicitPull.map((v) => `${v.pointer} ${v.rule}`)).toEqual(['/three_ds_id format']);
    // Without the rewrite both branches match and oneOf fails: the reason for it.
    expect((await check(plain, { type: 'PUSH', amount: 5 }, components)).outcome.violations.map((v) => v.rule)).toContain('oneOf');
    // An unknown value names the allowed ones.
    const unknown = (await check(withMapping, { type: 'SIDEWAYS', amount: 5 }, components)).outcome.violations;
    expect(unknown.map((v) => `${v.pointer} ${v.rule}`)).toContain('/type enum');
  });

  it('OAS 3.1: readOnly lists, embedded $schema, type arrays', async () => {
    const { validator, op } = await loadInline({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/notes': {
          post: {
            responses: {
              '201': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: {
                      $schema: 'https://json-schema.org/draft/2020-12/schema',
                      type: 'object',
                      readOnly: ['uid', 'created_at'],
                      required: ['uid'],
                      properties: {
                        uid: { type: 'string' },
                        summary: { type: ['string', 'null'] },
                        tags: { type: 'array', prefixItems: [{ type: 'string' }] },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    }).then((l) => ({ validator: l.validator, op: l.op('POST', '/notes') }));
    expect(validator.validateResponse(op, 201, 'application/json', { uid: 'a', summary: null, tags: ['x'] }).violations).toEqual([]);
    const bad = validator.validateResponse(op, 201, 'application/json', { summary: 1, tags: [2] }).violations;
    expect(bad.map((v) => `${v.pointer} ${v.rule}`).sort()).toEqual(['/summary type', '/tags/0 type', '/uid required']);
  });

  it('a response with only examples has nothing to validate, and says so', async () => {
    const { validator, op } = await loadInline({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { responses: { '200': { description: 'ok', examples: { 'application/json': { data: {} } } } } } } },
    }).then((l) => ({ validator: l.validator, op: l.op('GET', '/x') }));
    expect(op.responses['200'].content['application/json'].example).toEqual({ data: {} });
    const outcome = validator.validateResponse(op, 200, 'application/json', { anything: true });
    expect(outcome).toMatchObject({ validated: false, reason: 'no schema for 200 application/json: nothing validated' });
  });

  it('chooses the response by exact status, then 2XX, then default; problem+json finds application/json', async () => {
    const err = { type: 'object', required: ['title'] };
    const { validator, op } = await loadInline({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/y': {
          get: {
            responses: {
              '200': { description: 'a', content: { 'application/json': { schema: { type: 'string' } } } },
              '2XX': { description: 'b', content: { 'application/json': { schema: { type: 'integer' } } } },
              default: { description: 'c', content: { 'application/json': { schema: err } } },
            },
          },
        },
      },
    }).then((l) => ({ validator: l.validator, op: l.op('GET', '/y') }));
    expect(validator.validateResponse(op, 200, 'application/json', 'text').violations).toEqual([]);
    expect(validator.validateResponse(op, 201, 'application/json; charset=utf-8', 5)).toMatchObject({ target: '2XX application/json', violations: [] });
    const problem = validator.validateResponse(op, 422, 'application/problem+json', {});
    expect(problem.target).toBe('default application/json');
    expect(problem.violations.map((v) => v.pointer)).toEqual(['/title']);
  });

  it('malformed keywords (required: true, odd types, bad patterns) are dropped with warnings, not compile errors', async () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string', required: true }, b: { type: 'int' }, c: { type: 'string', pattern: '([a-z' } },
    };
    const { outcome, loaded } = await check(schema, { a: 'x', b: 'anything', c: 'whatever' });
    expect(outcome).toMatchObject({ validated: true, violations: [] });
    const codes = loaded.validator.warnings.map((w) => w.code).sort();
    expect(codes).toEqual(['spec-invalid-pattern', 'spec-invalid-type']);
  });
});
