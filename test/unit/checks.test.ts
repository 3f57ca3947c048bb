import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/checks/body.js';
import { checkHeaders } from '../../src/checks/headers.js';
import { checkStatus } from '../../src/checks/status.js';
import { extractVariables } from '../../src/checks/extract.js';

const json = { status: 'OK', data: { id: 7, tags: ['a', 'b'], card: { last_4: '0123' }, items: [{ id: 1 }, { id: 2 }] } };

describe('checks', () => {
  it('checks status lists and the 2xx default', () => {
    expect(checkStatus(201, [200, 201]).passed).toBe(true);
    expect(checkStatus(404, [200])).toMatchObject({ passed: false, expected: 200, actual: 404 });
    expect(checkStatus(204, undefined).passed).toBe(true);
    expect(checkStatus(302, undefined).passed).toBe(false);
  });

  it('evaluates every body predicate with expected vs actual', () => {
    const results = checkBody(
      json,
      [
        { path: '$.status', equals: 'OK' },
        { path: '$.data.id', equals: '7' },
        { path: '$.data.card.last_4', matches: '^\\d{4}$' },
        { path: '$.data.tags', length: 2, contains: 'b' },
        { path: '$.data.id', type: 'integer', gt: 1, lte: 7 },
        { path: '$.data.missing', exists: false },
        { path: '$.data.items[*].id', contains: 2 },
        { path: '$.status', oneOf: ['OK', 'DONE'] },
      ],
      ['OK', '7', undefined, 'b', undefined, undefined, 2, undefined],
    );
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });

  it('fails with a message naming what was found', () => {
    const [missing, wrong] = checkBody(
      json,
      [
        { path: '$.data.nope', exists: true },
        { path: '$.status', equals: 'NO' },
      ],
      [undefined, 'NO'],
    );
    expect(missing).toMatchObject({ passed: false });
    expect(missing.message).toContain('the nearest part that exists is `$.data`, with keys: id, tags, card, items');
    expect(wrong).toMatchObject({ passed: false, actual: 'OK' });
  });

  it('compares header names case-insensitively', () => {
    const [ok, bad] = checkHeaders({ 'content-type': 'application/json' }, [
      { name: 'Content-Type', matches: 'json' },
      { name: 'X-Id', exists: true },
    ]);
    expect(ok.passed).toBe(true);
    expect(bad).toMatchObject({ passed: false, message: 'header X-Id is missing' });
  });

  it('extracts from the body, headers and status, and explains what it could not find', () => {
    const { values, failures } = extractVariables(
      {
        id: { from: 'body', path: '$.data.id' },
        loc: { from: 'header', name: 'Location' },
        code: { from: 'status' },
        nope: { from: 'body', path: '$.data.client.id' },
      },
      { status: 201, headers: { location: '/x/7' }, json },
    );
    expect(values).toEqual({ id: 7, loc: '/x/7', code: 201 });
    expect(failures[0].message).toContain('matched nothing (the nearest part that exists is `$.data`, with keys: id, tags, card, items)');
    const text = extractVariables(
      { id: { from: 'body', path: '$.id' } },
      { status: 200, headers: {}, json: undefined, jsonError: 'the response says JSON but is not' },
    );
    expect(text.failures[0].message).toContain('the response says JSON but is not');
  });
});

describe('JSONPath filters', () => {
  it('evaluates filter expressions safely', async () => {
    const { queryPath } = await import('../../src/checks/jsonpath.js');
    const data = {
      items: [
        { id: 1, kind: 'a' },
        { id: 2, kind: 'b' },
      ],
    };
    expect(queryPath(data, '$.items[?(@.kind === "b")].id')).toMatchObject({ found: true, value: [2] });
    expect(queryPath(data, '$.items[?(@.constructor.constructor("return process")())]').found).toBe(false);
  });
});

describe('Redactor', () => {
  it('replaces secrets everywhere, keys included, and shares what holds none', async () => {
    const { Redactor } = await import('../../src/core/redact.js');
    const r = new Redactor(['s3cret-token', 'ab']);
    const clean = { a: [1, { b: 'plain' }] };
    const input = { headers: { authorization: 'Bearer s3cret-token' }, clean, 'key-s3cret-token': 'x', list: ['s3cret-token', 'ok'] };
    const out = r.value(input);
    expect(out).toEqual({ headers: { authorization: 'Bearer ***' }, clean, 'key-***': 'x', list: ['***', 'ok'] });
    expect(out.clean).toBe(clean);
    expect(input.headers.authorization).toBe('Bearer s3cret-token');
    expect(r.value(clean)).toBe(clean);
    expect(r.text('ab is too short to redact')).toBe('ab is too short to redact');
  });

  it('gives what a deep copy with every string replaced gives, key order and `__proto__` keys kept (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { Redactor } = await import('../../src/core/redact.js');
    const secret = 'tok-42';
    const r = new Redactor([secret]);
    const reference = (v: unknown): unknown => JSON.parse(JSON.stringify(v).split(secret).join('***'));
    const text = fc.oneof(fc.string(), fc.constantFrom(secret, `Bearer ${secret}`, '__proto__', `${secret}${secret}`));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const parsed = JSON.parse(JSON.stringify(value)) as unknown; // own `__proto__` keys, as JSON.parse makes them
        const before = JSON.stringify(parsed);
        const out = r.value(parsed);
        expect(JSON.stringify(out)).toBe(JSON.stringify(reference(parsed)));
        expect(JSON.stringify(parsed)).toBe(before); // the input is never changed
      }),
      { numRuns: 500 },
    );
  });
});
