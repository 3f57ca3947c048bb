import { afterEach, describe, expect, test } from 'vitest';
import type { RunningMock } from '../../src/mock/server.js';
import { call, inlineSpec, mockOf } from './helpers.js';

/** The fields of an RFC 9457 problem the tests read. */
interface Problem {
  type: string;
  closest: string[];
  errors: Array<{ in: string; pointer: string; rule: string; message: string }>;
}

/** The fields of a pet the tests read back. */
interface Pet {
  id: string;
  age: number;
}

const petSchema = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    age: { type: 'integer', minimum: 0 },
    owner: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
    tag: { type: 'string' },
  },
};
const petInput = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    age: { type: 'integer', minimum: 0 },
    details: { type: 'object', properties: { tag: { type: 'string' } } },
  },
};
const json = (schema: unknown, example?: unknown) => ({ content: { 'application/json': { schema, ...(example ? { example } : {}) } } });

const petsApi = {
  '/pets': {
    post: { requestBody: { required: true, ...json(petInput) }, responses: { '201': json(petSchema) } },
    get: {
      parameters: [{ name: 'limit', in: 'query', required: true, schema: { type: 'integer' } }],
      responses: { '200': json({ type: 'object', properties: { pets: { type: 'array', items: petSchema } } }) },
    },
  },
  '/pets/{pet_id}': {
    get: {
      parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': json(petSchema, { id: 'ex-1', name: 'Example', age: 3 }), '404': json({ type: 'object' }) },
    },
    patch: {
      parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: json({ type: 'object' }),
      responses: { '200': json(petSchema) },
    },
    delete: { parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'gone' } } },
  },
  '/pets/search': { get: { responses: { '200': json({ type: 'object', properties: { hits: { type: 'integer' } } }) } } },
};

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('routing', () => {
  test('serves every operation under its server prefixes; literal segments beat templates', async () => {
    mock = await mockOf([await inlineSpec(petsApi, { servers: [{ url: 'https://api.example.com/v2' }] })]);
    expect(mock.routes).toContainEqual({ method: 'GET', path: '/v2/pets/{pet_id}' });
    expect(mock.routes).toContainEqual({ method: 'GET', path: '/pets/{pet_id}' });
    expect((await call(mock, 'GET', '/v2/pets/search')).body).toHaveProperty('hits');
    expect((await call(mock, 'GET', '/v2/pets/abc')).body).toHaveProperty('name');
  });

  test('an unknown route is a 404 problem+json naming the closest routes', async () => {
    mock = await mockOf([await inlineSpec(petsApi)]);
    const answer = await call<Problem>(mock, 'GET', '/petz/1');
    expect(answer.status).toBe(404);
    expect(answer.contentType).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status: 404, title: expect.any(String), type: expect.stringContaining('route-not-found') });
    expect(answer.body.closest[0]).toBe('GET /pets/{pet_id}');
  });
});

describe('request validation', () => {
  test('each violation of the body, query and path is listed in an RFC 9457 422', async () => {
    mock = await mockOf([await inlineSpec(petsApi)]);
    const answer = await call<Problem>(mock, 'POST', '/pets', { name: '', age: -1 });
    expect(answer.status).toBe(422);
    expect(answer.contentType).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ type: expect.stringContaining('validation'), title: expect.any(String), status: 422, instance: '/pets' });
    const rules = answer.body.errors.map((e: { pointer: string; rule: string }) => `${e.pointer} ${e.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['#/name minLength', '#/age minimum']));
    for (const error of answer.body.errors) expect(error).toMatchObject({ in: 'body', message: expect.any(String) });
  });

  test('a missing required body, required query parameter or wrongly typed query parameter is refused', async () => {
    mock = await mockOf([await inlineSpec(petsApi)]);
    expect((await call<Problem>(mock, 'POST', '/pets')).body.errors[0]).toMatchObject({ in: 'body', rule: 'required' });
    expect((await call<Problem>(mock, 'GET', '/pets')).body.errors[0]).toMatchObject({ in: 'query', pointer: '/query/limit', rule: 'required' });
    expect((await call<Problem>(mock, 'GET', '/pets?limit=ten')).body.errors[0]).toMatchObject({ in: 'query', rule: 'type' });
    expect((await call(mock, 'GET', '/pets?limit=10')).status).toBe(200);
  });

  test('malformed JSON is a 400 problem', async () => {
    mock = await mockOf([await inlineSpec(petsApi)]);
    const response = await fetch(`${mock.url}/pets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('responses', () => {
  test('the example of the chosen status, or data generated deterministically from the schema', async () => {
    mock = await mockOf([await inlineSpec(petsApi)], { seed: 4 });
    const example = await call(mock, 'GET', '/pets/ex-1');
    expect(example.body).toEqual({ id: 'ex-1', name: 'Example', age: 3 });
    const first = await call(mock, 'GET', '/pets/search');
    const again = await call(mock, 'GET', '/pets/search');
    expect(first.body).toEqual(again.body);
  });

  test('Prefer: code=… picks another declared response', async () => {
    mock = await mockOf([await inlineSpec(petsApi)]);
    const answer = await call(mock, 'GET', '/pets/abc', undefined, { prefer: 'code=404' });
    expect(answer.status).toBe(404);
  });
});

describe('state', () => {
  test('a created resource gets an id, echoes the request, and reads back; PATCH changes it; DELETE removes it', async () => {
    mock = await mockOf([await inlineSpec(petsApi)], { strictState: true });
    const created = await call<Pet>(mock, 'POST', '/pets', { name: 'Rex', age: 4, details: { tag: 'good-dog' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Rex', age: 4, tag: 'good-dog' });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const read = await call(mock, 'GET', `/pets/${created.body.id}`);
    expect(read.body).toMatchObject({ id: created.body.id, name: 'Rex', age: 4, tag: 'good-dog' });
    await call(mock, 'PATCH', `/pets/${created.body.id}`, { age: 5 });
    expect((await call<Pet>(mock, 'GET', `/pets/${created.body.id}`)).body.age).toBe(5);
    const listed = await call<{ pets: Pet[] }>(mock, 'GET', '/pets?limit=5');
    expect(listed.body.pets.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    expect((await call(mock, 'DELETE', `/pets/${created.body.id}`)).status).toBe(204);
    expect((await call(mock, 'GET', `/pets/${created.body.id}`)).status).toBe(404);
  });

  test('unknown ids: the example in lenient mode (with the id asked for), 404 with --strict-state', async () => {
    mock = await mockOf([await inlineSpec(petsApi)]);
    const lenient = await call<Pet>(mock, 'GET', '/pets/never-created');
    expect(lenient.status).toBe(200);
    expect(lenient.body.id).toBe('never-created');
    await mock.close();
    mock = await mockOf([await inlineSpec(petsApi)], { strictState: true });
    const strict = await call<Problem>(mock, 'GET', '/pets/never-created');
    expect(strict.status).toBe(404);
    expect(strict.body.type).toContain('unknown-resource');
  });

  test('state lives per mock instance', async () => {
    const spec = await inlineSpec(petsApi);
    mock = await mockOf([spec], { strictState: true });
    const created = await call<Pet>(mock, 'POST', '/pets', { name: 'Solo' });
    const other = await mockOf([spec], { strictState: true });
    try {
      expect((await call(other, 'GET', `/pets/${created.body.id}`)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  test('logs each request (method, path, status, ms)', async () => {
    const logs: Array<{ method: string; path: string; status: number; ms: number }> = [];
    mock = await mockOf([await inlineSpec(petsApi)], { onRequest: (log) => logs.push(log) });
    await call(mock, 'GET', '/pets/search?x=1');
    expect(logs).toEqual([{ method: 'GET', path: '/pets/search', status: 200, ms: expect.any(Number) }]);
  });
});
