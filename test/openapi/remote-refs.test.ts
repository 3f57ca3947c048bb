import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/openapi/load.js';
import { remoteRefResolver } from '../../src/openapi/remote-refs.js';
import { createSpecValidator } from '../../src/openapi/validate.js';
import { writeFiles } from './helpers.js';

const HOST = 'https://docs.example.com/hub/entities/';

/** A spec whose schemas live on a site that publishes a local folder (as vcita's entities/). */
function project() {
  return writeFiles({
    'entities/clients/client.json': { type: 'object', required: ['uid'], properties: { uid: { type: 'string' }, tags: { $ref: '../common/tags.json' } } },
    'entities/common/tags.json': { type: 'array', items: { type: 'string' } },
    'swagger/clients.json': {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      basePath: '/platform/v1',
      paths: {
        '/clients': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                schema: {
                  type: 'object',
                  properties: { client: { $ref: `${HOST}clients/client.json` }, other: { $ref: 'https://elsewhere.example.com/x.json' } },
                },
              },
            },
          },
        },
      },
    },
  });
}

describe('remote $refs mapped to local folders (config remoteRefs)', () => {
  it('reads mapped refs from the folder (relative refs inside them too); unmapped ones are cut with a warning', async () => {
    const root = project();
    const spec = await loadSpec(path.join(root, 'swagger/clients.json'), { remoteRefs: { [HOST]: path.join(root, 'entities') } });
    const remote = spec.warnings.filter((w) => w.code === 'spec-remote-ref');
    expect(remote).toHaveLength(1);
    expect(remote[0].message).toContain('https://elsewhere.example.com/x.json');
    expect(remote[0].message).not.toContain(HOST);
    const validator = await createSpecValidator(spec);
    const operation = spec.operations[0];
    expect(validator.validateResponse(operation, 200, 'application/json', { client: { uid: 'c1', tags: ['a'] } }).violations).toEqual([]);
    const bad = validator.validateResponse(operation, 200, 'application/json', { client: { tags: [1] } }).violations.map((v) => v.pointer);
    expect(bad).toEqual(expect.arrayContaining(['/client/tags/0']));
  });

  it('without the mapping every remote ref is cut (accepts anything) and said so', async () => {
    const root = project();
    const spec = await loadSpec(path.join(root, 'swagger/clients.json'));
    const remote = spec.warnings.filter((w) => w.code === 'spec-remote-ref');
    expect(remote).toHaveLength(1);
    expect(remote[0].message).toContain('2 remote $ref target(s)');
    expect(remote[0].help).toContain('remoteRefs');
  });

  it('the resolver is one ref-parser resolver object: longest prefix wins, nothing outside the folder', () => {
    const resolver = remoteRefResolver({ 'https://h/a/': '/data/a', 'https://h/a/b/': '/data/b' });
    expect(resolver.localPath('https://h/a/x.json#/definitions/y')).toBe('/data/a/x.json');
    expect(resolver.localPath('https://h/a/b/x.json')).toBe('/data/b/x.json');
    expect(resolver.canRead({ url: 'https://h/a/%2e%2e/%2e%2e/etc/passwd' })).toBe(false);
    expect(resolver.canRead({ url: 'https://other/a/x.json' })).toBe(false);
  });
});
