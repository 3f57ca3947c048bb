import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { globPattern, missingRouteExplainer, mockSpecFiles } from '../../src/mock/spec-set.js';
import type { RunningMock } from '../../src/mock/server.js';
import { clearSwaggerListings } from '../../src/openapi/resolve-path.js';
import { tempDir } from '../openapi/helpers.js';
import { call, inlineSpec, mockOf } from './helpers.js';

const json = (schema: unknown, example?: unknown) => ({ content: { 'application/json': { schema, ...(example !== undefined ? { example } : {}) } } });
const named = (name: string) => ({
  '/things': { get: { responses: { '200': json({ type: 'object', properties: { from: { type: 'string', enum: [name] } } }) } } },
});

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('several specs in one mock', () => {
  test("the requesting doc's own spec answers first; without a hint, the first spec given", async () => {
    const a = await inlineSpec(named('a'));
    const b = await inlineSpec(named('b'));
    mock = await mockOf([a, b], { specForHint: (hint) => (hint === 'b.json' ? b : undefined) });
    expect((await call(mock, 'GET', '/things')).body).toEqual({ from: 'a' });
    expect((await call(mock, 'GET', '/things', undefined, { 'x-stepdoc-spec': 'b.json' })).body).toEqual({ from: 'b' });
  });

  test('a literal declaration beats a match with the basePath stripped', async () => {
    const prefixed = await inlineSpec(named('prefixed'), { servers: [{ url: '/v2' }] });
    const literal = await inlineSpec({ '/things': named('literal')['/things'] });
    // `/things` is served by both: literally by one, and by the other without its `/v2` prefix.
    mock = await mockOf([prefixed, literal]);
    expect((await call(mock, 'GET', '/things')).body).toEqual({ from: 'literal' });
    expect((await call(mock, 'GET', '/v2/things')).body).toEqual({ from: 'prefixed' });
  });

  test('a 404 says why: declared in a spec the mock does not serve, or in none', async () => {
    const root = tempDir('stepdoc-specset-');
    mkdirSync(path.join(root, 'other'), { recursive: true });
    writeFileSync(path.join(root, 'other/clients.json'), JSON.stringify({ swagger: '2.0', basePath: '/platform/v1', paths: { '/clients': { get: {} } } }));
    clearSwaggerListings();
    const explain = missingRouteExplainer([], root);
    expect(explain('GET', '/platform/v1/clients')).toBe('declared in other/clients.json, which the mock does not serve (add it to config `mock.specs`)');
    expect(explain('GET', '/nothing')).toMatch(/^declared in none of the 0 served spec\(s\)/);
    mock = await mockOf([await inlineSpec(named('a'))], { explainMissing: explain });
    expect((await call<{ detail: string }>(mock, 'GET', '/platform/v1/clients')).body.detail).toContain('declared in other/clients.json');
  });

  test("mock.specs globs pick files under swaggerRoot, in a stable order, with the docs' own specs", () => {
    const root = tempDir('stepdoc-specset-');
    for (const f of ['swagger/b/x.json', 'swagger/a.json', 'mcp_swagger/all.json', 'entities/e.json']) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), '{}');
    }
    clearSwaggerListings();
    const own = path.join(root, 'entities/e.json');
    expect(mockSpecFiles([own], root, ['swagger/**/*.json', 'mcp_swagger/*.json']).map((f) => path.relative(root, f))).toEqual([
      'entities/e.json',
      'mcp_swagger/all.json',
      'swagger/a.json',
      'swagger/b/x.json',
    ]);
    expect(globPattern('swagger/**/*.json').test('swagger/x.json')).toBe(true);
    expect(globPattern('swagger/*.json').test('swagger/b/x.json')).toBe(false);
    expect(globPattern('{a,b}/*.yaml').test('b/s.yaml')).toBe(true);
  });
});

describe('examples and internal keys', () => {
  test('an example that breaks its own schema is answered from the schema, with a warning', async () => {
    const warnings: string[] = [];
    const spec = await inlineSpec({
      '/x': { get: { responses: { '200': json({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } }, { name: null }) } } },
    });
    mock = await mockOf([spec], { onWarning: (m) => warnings.push(m) });
    const answer = await call<{ name: unknown }>(mock, 'GET', '/x');
    expect(typeof answer.body.name).toBe('string');
    await call(mock, 'GET', '/x');
    expect(warnings).toEqual(['the 200 example of GET /x does not match its own schema; the mock answers a body generated from the schema']);
  });

  test('no x-stepdoc-* key reaches a response body (a cut remote ref, an example that carries one)', async () => {
    const spec = await inlineSpec({
      '/cut': {
        get: { responses: { '200': json({ type: 'object', properties: { item: { $ref: 'https://nowhere.example.com/item.json' } }, required: ['item'] }) } },
      },
      '/ex': { get: { responses: { '200': json({ type: 'object' }, { a: { 'x-stepdoc-mock': 1, b: 2 } }) } } },
    });
    mock = await mockOf([spec]);
    expect(JSON.stringify((await call(mock, 'GET', '/cut')).body)).not.toContain('x-stepdoc');
    expect((await call(mock, 'GET', '/ex')).body).toEqual({ a: { b: 2 } });
  });
});

describe('a step that expects an error', () => {
  test('gets it when the operation declares that status, and not otherwise', async () => {
    const spec = await inlineSpec({
      '/coupons/{id}/validate': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json({ type: 'object' }, { ok: true }), '422': json({ type: 'object' }, { error: 'invalid coupon' }) },
        },
      },
      '/gateways/{id}': {
        put: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json({ type: 'object' }, { ok: true }) },
        },
      },
    });
    mock = await mockOf([spec]);
    const declared = await call(mock, 'GET', '/coupons/c1/validate', undefined, { 'x-stepdoc-expect': '422' });
    expect([declared.status, declared.body]).toEqual([422, { error: 'invalid coupon' }]);
    expect((await call(mock, 'PUT', '/gateways/g1', {}, { 'x-stepdoc-expect': '400' })).status).toBe(200);
    expect((await call(mock, 'GET', '/coupons/c1/validate')).status).toBe(200);
  });

  test("the spec's own business rules (x-stepdoc-mock) still decide", async () => {
    const rules = { rules: [{ when: { path: '$.amount', gt: 100 }, status: 422, body: { error: 'too much' } }] };
    const spec = await inlineSpec({
      '/pay': {
        post: {
          requestBody: json({ type: 'object' }),
          responses: { '201': json({ type: 'object' }, { ok: true }), '422': json({ type: 'object' }, { error: 'declared' }) },
          'x-stepdoc-mock': rules,
        },
      },
    });
    mock = await mockOf([spec]);
    expect((await call(mock, 'POST', '/pay', { amount: 1 }, { 'x-stepdoc-expect': '422' })).status).toBe(201);
    expect((await call(mock, 'POST', '/pay', { amount: 500 }, { 'x-stepdoc-expect': '422' })).body).toEqual({ error: 'too much' });
  });
});

describe('lazy specs', () => {
  test('a lazy spec is routed from its raw paths, loaded on its first request only, and answers like a loaded one', async () => {
    const { lazyEntry } = await import('../../src/mock/spec-entry.js');
    const { readFileSync } = await import('node:fs');
    const spec = await inlineSpec(named('lazy'), { servers: [{ url: '/v9' }] });
    let loads = 0;
    const entry = lazyEntry(spec.file, JSON.parse(readFileSync(spec.file, 'utf8')), async () => {
      loads++;
      return spec;
    });
    mock = await mockOf([await inlineSpec(named('eager')), entry]);
    expect(mock.routes).toContainEqual({ method: 'GET', path: '/v9/things' });
    expect(loads).toBe(0);
    expect((await call(mock, 'GET', '/things')).body).toEqual({ from: 'eager' }); // the earlier spec wins, nothing loaded
    expect(loads).toBe(0);
    expect((await call(mock, 'GET', '/v9/things')).body).toEqual({ from: 'lazy' });
    await call(mock, 'GET', '/v9/things');
    expect(loads).toBe(1);
  });
});
