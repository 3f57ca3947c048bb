import { afterEach, describe, expect, test } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import type { RunningMock } from '../../src/mock/server.js';
import { call, inlineSpec, mockOf } from './helpers.js';

/** The fields of a stored item the tests read back. */
interface Item {
  id: string;
  status: string;
  balance: number;
}

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const item = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    owner: { type: 'string' },
    amount: { type: 'integer' },
    status: { type: 'string' },
    code: { type: 'string' },
    balance: { type: 'integer' },
  },
};
const body = { required: true, ...json({ type: 'object' }) };
const idParam = (name: string) => [{ name, in: 'path', required: true, schema: { type: 'string' } }];

/** A POST /items + GET /items/{item_id} API whose POST carries the given x-stepdoc-mock. */
function itemsApi(postMock: unknown, getMock?: unknown, extra: Record<string, unknown> = {}) {
  return {
    '/items': { post: { requestBody: body, responses: { '201': json(item), '422': json({ type: 'object' }) }, 'x-stepdoc-mock': postMock } },
    '/items/{item_id}': { get: { parameters: idParam('item_id'), responses: { '200': json(item) }, ...(getMock ? { 'x-stepdoc-mock': getMock } : {}) } },
    ...extra,
  };
}

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('x-stepdoc-mock rules', () => {
  test('unique: the second request with the same values gets the declared status and templated body', async () => {
    mock = await mockOf([
      await inlineSpec(itemsApi({ unique: [{ fields: ['$.owner', '$.code'], status: 422, body: { error: 'DUPLICATE', code: '{{ request.body.code }}' } }] })),
    ]);
    expect((await call(mock, 'POST', '/items', { owner: 'a', code: 'X' })).status).toBe(201);
    expect((await call(mock, 'POST', '/items', { owner: 'b', code: 'X' })).status).toBe(201);
    const duplicate = await call(mock, 'POST', '/items', { owner: 'a', code: 'X' });
    expect(duplicate).toMatchObject({ status: 422, body: { error: 'DUPLICATE', code: 'X' } });
  });

  test('rules: `in` on a body value answers with status and body; others pass', async () => {
    const rule = {
      when: { path: '$.amount', in: [1, 1100] },
      status: 422,
      body: { title: 'Rule Violation', status: 422, amount: '{{ request.body.amount }}' },
    };
    mock = await mockOf([await inlineSpec(itemsApi({ rules: [rule] }))]);
    const refused = await call(mock, 'POST', '/items', { amount: 1100 });
    expect(refused).toMatchObject({ status: 422, contentType: 'application/problem+json', body: { amount: 1100 } });
    expect((await call(mock, 'POST', '/items', { amount: 1101 })).status).toBe(201);
  });

  test('rules on query, headers and path params, and all/any/not', async () => {
    const rules = [
      { when: { from: 'headers', path: '$.x-mode', equals: 'teapot' }, status: 418, body: { mode: 'teapot' } },
      {
        when: { all: [{ from: 'query', path: '$.dry', equals: true }, { not: { from: 'params', path: '$.item_id', matches: '^keep' } }] },
        status: 409,
        body: {},
      },
    ];
    mock = await mockOf([await inlineSpec(itemsApi({}, { rules }))]);
    expect((await call(mock, 'GET', '/items/1', undefined, { 'x-mode': 'teapot' })).status).toBe(418);
    expect((await call(mock, 'GET', '/items/drop-1?dry=true')).status).toBe(409);
    expect((await call(mock, 'GET', '/items/keep-1?dry=true')).status).toBe(200);
  });

  test('merge and unset change the normal answer, and what is stored', async () => {
    const rules = [
      { merge: { status: 'OK', owner: '{{ request.body.owner | upcase }}' } },
      { when: { path: '$.amount', gt: 100 }, merge: { status: 'REVIEW' }, unset: ['$.code'] },
    ];
    mock = await mockOf([await inlineSpec(itemsApi({ rules }))], { strictState: true });
    const small = await call(mock, 'POST', '/items', { owner: 'ann', amount: 5 });
    expect(small.body).toMatchObject({ status: 'OK', owner: 'ANN', amount: 5 });
    const big = await call<Item>(mock, 'POST', '/items', { amount: 500 });
    expect(big.body.status).toBe('REVIEW');
    expect(big.body).not.toHaveProperty('code');
    expect((await call<Item>(mock, 'GET', `/items/${big.body.id}`)).body.status).toBe('REVIEW');
  });

  test('stored-state predicates: a rule reads another stored resource', async () => {
    const transfer = {
      rules: [
        {
          when: { from: 'stored', collection: '/items', id: '{{ request.body.item_id }}', path: '$.status', equals: 'FROZEN' },
          status: 422,
          body: { error: 'FROZEN' },
        },
      ],
    };
    const spec = await inlineSpec(
      itemsApi({}, undefined, { '/transfers': { post: { requestBody: body, responses: { '201': json(item) }, 'x-stepdoc-mock': transfer } } }),
    );
    mock = await mockOf([spec]);
    const frozen = await call<Item>(mock, 'POST', '/items', { status: 'FROZEN' });
    const open = await call<Item>(mock, 'POST', '/items', { status: 'OPEN' });
    expect((await call(mock, 'POST', '/transfers', { item_id: frozen.body.id })).status).toBe(422);
    expect((await call(mock, 'POST', '/transfers', { item_id: open.body.id })).status).toBe(201);
    expect((await call(mock, 'POST', '/transfers', { item_id: 'unknown' })).status).toBe(201);
  });

  test('count predicates: a limit of resources per owner', async () => {
    const count = { from: 'count', collection: '/items', where: { '$.owner': '{{ request.body.owner }}' } };
    mock = await mockOf([await inlineSpec(itemsApi({ rules: [{ when: { ...count, gte: 2 }, status: 422, body: { error: 'LIMIT' } }] }))]);
    await call(mock, 'POST', '/items', { owner: 'a' });
    await call(mock, 'POST', '/items', { owner: 'a' });
    expect((await call(mock, 'POST', '/items', { owner: 'b' })).status).toBe(201);
    expect((await call(mock, 'POST', '/items', { owner: 'a' })).body).toEqual({ error: 'LIMIT' });
  });

  test('limit: only one partial reversal per transfer, counted only when the request succeeded', async () => {
    const reversals = {
      collection: '/items',
      idParam: 'item_id',
      action: 'create',
      rules: [{ when: { path: '$.amount', gt: '{{ stored.amount }}' }, status: 422, body: { error: 'EXCEEDED' } }],
      limit: [
        { key: '{{ request.params.item_id }}', max: 1, when: { path: '$.amount', lt: '{{ stored.amount }}' }, status: 422, body: { error: 'PARTIAL_LIMIT' } },
      ],
    };
    const spec = await inlineSpec(
      itemsApi({}, undefined, {
        '/items/{item_id}/reversals': {
          post: { parameters: idParam('item_id'), requestBody: body, responses: { '201': json(item) }, 'x-stepdoc-mock': reversals },
        },
      }),
    );
    mock = await mockOf([spec]);
    const original = await call<Item>(mock, 'POST', '/items', { amount: 100 });
    const path = `/items/${original.body.id}/reversals`;
    expect((await call(mock, 'POST', path, { amount: 500 })).body).toEqual({ error: 'EXCEEDED' });
    expect((await call(mock, 'POST', path, { amount: 40 })).status).toBe(201);
    expect((await call(mock, 'POST', path, { amount: 10 })).body).toEqual({ error: 'PARTIAL_LIMIT' });
    expect((await call(mock, 'POST', path, { amount: 100 })).status).toBe(201);
  });

  test('transitions: a PENDING resource reads terminal after the declared number of reads', async () => {
    const spec = await inlineSpec(
      itemsApi({ rules: [{ merge: { status: 'PENDING' } }] }, { transitions: [{ path: '$.status', from: ['PENDING'], to: 'SUCCEEDED', after: 2 }] }),
    );
    mock = await mockOf([spec]);
    const created = await call<Item>(mock, 'POST', '/items', {});
    expect(created.body.status).toBe('PENDING');
    expect((await call<Item>(mock, 'GET', `/items/${created.body.id}`)).body.status).toBe('PENDING');
    expect((await call<Item>(mock, 'GET', `/items/${created.body.id}`)).body.status).toBe('SUCCEEDED');
    expect((await call<Item>(mock, 'GET', `/items/${created.body.id}`)).body.status).toBe('SUCCEEDED');
  });

  test('effects: a successful request changes another stored resource', async () => {
    const effect = {
      when: { from: 'response', path: '$.status', equals: 'DONE' },
      collection: '/items',
      id: '{{ request.body.item_id }}',
      add: { '$.balance': '{{ request.body.amount }}' },
    };
    const spec = await inlineSpec(
      itemsApi({ rules: [{ merge: { balance: 10 } }] }, undefined, {
        '/payments': {
          post: {
            requestBody: body,
            responses: { '201': json(item) },
            'x-stepdoc-mock': { rules: [{ merge: { status: 'DONE' } }, { when: { path: '$.amount', lt: 0 }, merge: { status: 'FAILED' } }], effects: [effect] },
          },
        },
      }),
    );
    mock = await mockOf([spec]);
    const account = await call<Item>(mock, 'POST', '/items', {});
    await call(mock, 'POST', '/payments', { item_id: account.body.id, amount: 25 });
    await call(mock, 'POST', '/payments', { item_id: account.body.id, amount: -5 });
    expect((await call<Item>(mock, 'GET', `/items/${account.body.id}`)).body.balance).toBe(35);
  });

  test('apis: an operation of the fallback API only is a 404 on the default one', async () => {
    mock = await mockOf([await inlineSpec(itemsApi({ apis: ['fallback'] }))]);
    expect((await call(mock, 'POST', '/items', {})).status).toBe(404);
    expect((await call(mock, 'POST', '/_api/fallback/items', {})).status).toBe(201);
  });

  test('validation: a spec can shape its 422 like its API does', async () => {
    const validation = { status: 422, body: { status: 'Error', error: 'Mandatory parameter {{ violations[0].field }} is missing' } };
    const spec = await inlineSpec(
      { '/things': { post: { requestBody: { required: true, ...json({ type: 'object', required: ['name'] }) }, responses: { '201': json(item) } } } },
      { 'x-stepdoc-mock': { validation } },
    );
    mock = await mockOf([spec]);
    expect(await call(mock, 'POST', '/things', { other: 1 })).toMatchObject({
      status: 422,
      body: { status: 'Error', error: 'Mandatory parameter name is missing' },
    });
  });

  test('a malformed block stops the mock at start with a message naming the operation', async () => {
    const spec = await inlineSpec(itemsApi({ rules: [{ when: { path: '$.a', between: [1, 2] }, status: 422 }] }));
    await expect(mockOf([spec])).rejects.toThrow(UserError);
    await expect(mockOf([spec])).rejects.toThrow(/POST \/items.*rules\[0\]\.when needs a comparison/);
  });
});
