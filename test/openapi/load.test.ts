import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearSpecCache, loadSpecCached } from '../../src/openapi/cache.js';
import { loadSpec } from '../../src/openapi/load.js';
import { loadFile, writeFiles } from './helpers.js';

/** The part of the dereferenced node schema the test walks: `children.items` is the node schema itself. */
interface TreeSchema {
  required: string[];
  properties: { children: { items: TreeSchema } };
}

describe('loadSpec', () => {
  it('bundles $refs across local files (JSON and YAML), recursion included', async () => {
    const dir = writeFiles({
      'api.json': {
        openapi: '3.0.3',
        info: { title: 'split', version: '1' },
        paths: {
          '/nodes': {
            post: {
              requestBody: { content: { 'application/json': { schema: { $ref: 'schemas/node.yaml' } } } },
              responses: { '201': { $ref: 'responses.json#/created' } },
            },
          },
        },
      },
      'schemas/node.yaml': 'type: object\nrequired: [name]\nproperties:\n  name: { type: string }\n  children:\n    type: array\n    items: { $ref: "#" }\n',
      'responses.json': { created: { description: 'made', content: { 'application/json': { schema: { $ref: 'schemas/node.yaml' } } } } },
    });
    const { spec, validator, op } = await loadFile(path.join(dir, 'api.json'));
    expect(spec.warnings).toEqual([]);
    const create = op('POST', '/nodes');
    // The model is dereferenced (a recursive schema becomes a cyclic object graph)…
    const schema = create.requestBody!.content['application/json'].schema as unknown as TreeSchema;
    const child = schema.properties.children.items;
    expect(child.required).toEqual(['name']);
    expect(child.properties.children.items).toBe(child);
    // …and validation follows the bundled refs.
    const tree = { name: 'root', children: [{ name: 'leaf', children: [] }] };
    expect(validator.validateRequest(create, 'application/json', tree).violations).toEqual([]);
    const broken = validator.validateResponse(create, 201, 'application/json', { name: 'root', children: [{ children: [] }] });
    expect(broken.violations.map((v) => `${v.pointer} ${v.rule}`)).toEqual(['/children/0/name required']);
  });

  it('cuts remote and broken refs with warnings instead of failing', async () => {
    const dir = writeFiles({
      'api.json': {
        openapi: '3.0.0',
        info: { title: 'messy', version: '1' },
        paths: {
          '/a': {
            get: {
              responses: {
                '200': {
                  description: 'ok',
                  content: { 'application/json': { schema: { $ref: 'https://example.invalid/entities/thing.json#/properties/id' } } },
                },
                '404': { description: 'gone', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } },
                '500': { description: 'err', content: { 'application/json': { schema: { $ref: 'nowhere.json' } } } },
              },
            },
          },
        },
      },
    });
    const { spec, validator, op } = await loadFile(path.join(dir, 'api.json'));
    expect(spec.warnings.map((w) => w.code).sort()).toEqual(['spec-broken-ref', 'spec-broken-ref', 'spec-remote-ref']);
    expect(spec.warnings.every((w) => w.severity === 'warning')).toBe(true);
    // The cut parts accept anything.
    expect(validator.validateResponse(op('GET', '/a'), 200, 'application/json', 42)).toMatchObject({ validated: true, violations: [] });
  });

  it('normalises Swagger 2.0: body parameter, produces, shared responses, path-level parameters', async () => {
    const dir = writeFiles({
      'v2.json': {
        swagger: '2.0',
        info: { title: 'v2', version: '1' },
        basePath: '/platform/v1',
        produces: ['application/json'],
        paths: {
          '/clients/{client_id}': {
            parameters: [{ name: 'client_id', in: 'path', type: 'string' }],
            put: {
              parameters: [
                { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Client' } },
                { name: 'q', in: 'query', type: 'integer' },
              ],
              responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Client' } }, '404': { $ref: '#/responses/NotFound' } },
            },
          },
        },
        definitions: { Client: { type: 'object', properties: { id: { type: 'string' } } } },
        responses: { NotFound: { description: 'none', schema: { type: 'object', required: ['error'] } } },
      },
    });
    const { spec, op } = await loadFile(path.join(dir, 'v2.json'));
    const put = op('PUT', '/platform/v1/clients/x');
    expect(spec.version).toBe('2.0');
    expect(put.prefixes).toEqual(['/platform/v1', '']);
    expect(put.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(['path:client_id:true', 'query:q:false']);
    expect(put.requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { pointer: '/paths/~1clients~1{client_id}/put/parameters/0/schema' } },
    });
    expect(put.responses['404'].content['application/json'].pointer).toBe('/responses/NotFound/schema');
  });

  it('an unreadable or invalid file is a warning from the cache, and each file loads once', async () => {
    clearSpecCache();
    const dir = writeFiles({ 'bad.json': '{ "openapi": "3.0.0", ', 'ok.yaml': 'openapi: 3.0.0\ninfo: {title: y, version: "1"}\npaths: {}\n' });
    const bad = await loadSpecCached(path.join(dir, 'bad.json'));
    expect(bad.spec).toBeUndefined();
    expect(bad.diagnostics).toEqual([expect.objectContaining({ code: 'spec-invalid', severity: 'warning' })]);
    const missing = await loadSpecCached(path.join(dir, 'nope.json'));
    expect(missing.diagnostics[0]).toMatchObject({ code: 'spec-unreadable', severity: 'warning' });
    const [first, second] = [loadSpecCached(path.join(dir, 'ok.yaml')), loadSpecCached(path.join(dir, 'ok.yaml'))];
    expect(first).toBe(second);
    expect((await first).spec?.version).toBe('3.0');
    await expect(loadSpec(path.join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'spec-invalid' });
  });
});
