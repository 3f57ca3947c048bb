import { describe, expect, it } from 'vitest';
import { findOperation, operationIndex } from '../../src/openapi/lookup.js';
import type { LoadedSpec, Operation } from '../../src/openapi/model.js';
import { loadInline } from './helpers.js';

const ok = { '200': { description: 'ok' } };

describe('findOperation', () => {
  it('matches templates and concrete paths under a Swagger 2.0 basePath, with or without query string', async () => {
    const { spec } = await loadInline({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      basePath: '/platform/v1/',
      paths: {
        '/clients/{client_id}': { get: { operationId: 'getClient', responses: ok } },
        '/payment/cards/sync_card': { post: { operationId: 'syncCard', responses: ok } },
      },
    });
    expect(findOperation(spec, 'POST', '/platform/v1/payment/cards/sync_card')?.operationId).toBe('syncCard');
    expect(findOperation(spec, 'post', '/payment/cards/sync_card')?.operationId).toBe('syncCard');
    expect(findOperation(spec, 'GET', '/platform/v1/clients/abc123?fields=id')?.operationId).toBe('getClient');
    expect(findOperation(spec, 'GET', '/platform/v1/clients/{client_id}')?.operationId).toBe('getClient');
    expect(findOperation(spec, 'GET', '/platform/v1/clients/{{ client_id }}')?.operationId).toBe('getClient');
    expect(findOperation(spec, 'GET', '/platform/v1/clients/:client_id')?.operationId).toBe('getClient');
    expect(findOperation(spec, 'DELETE', '/platform/v1/clients/abc')).toBeUndefined();
    expect(findOperation(spec, 'GET', '/platform/v2/clients/abc')).toBeUndefined();
  });

  it('takes prefixes from absolute, relative and templated OAS servers', async () => {
    const { spec } = await loadInline({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      servers: [
        { url: 'https://api-sandbox.example.com/v0' },
        { url: '/relative/api' },
        { url: 'https://{region}.example.com/{base}', variables: { region: { default: 'eu' }, base: { default: 'v9' } } },
      ],
      paths: { '/external_cards/transfers/{transfer_id}': { get: { operationId: 'getTransfer', responses: ok } } },
    });
    for (const prefix of ['/v0', '/relative/api', '/v9', '']) {
      expect(findOperation(spec, 'GET', `${prefix}/external_cards/transfers/abc-123`)?.operationId).toBe('getTransfer');
    }
    expect(findOperation(spec, 'GET', 'https://api-sandbox.example.com/v0/external_cards/transfers/abc-123')?.operationId).toBe('getTransfer');
  });

  it('prefers the most specific operation (fewest template segments)', async () => {
    const { spec } = await loadInline({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      servers: [{ url: 'https://x.example.com/v0' }],
      paths: {
        '/external_cards/{external_card_id}': { get: { operationId: 'getCard', responses: ok } },
        '/external_cards/transfers': { get: { operationId: 'listTransfers', responses: ok } },
        '/files/{name}.json': { get: { operationId: 'jsonFile', responses: ok } },
      },
    });
    expect(findOperation(spec, 'GET', '/v0/external_cards/transfers')?.operationId).toBe('listTransfers');
    expect(findOperation(spec, 'GET', '/v0/external_cards/card-1')?.operationId).toBe('getCard');
    expect(findOperation(spec, 'GET', '/v0/files/report.json')?.operationId).toBe('jsonFile');
    expect(findOperation(spec, 'GET', '/v0/files/report.xml')).toBeUndefined();
  });

  it('builds the matchers once per spec', async () => {
    const { spec } = await loadInline({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: ok } } } });
    expect(operationIndex(spec)).toBe(operationIndex(spec));
    const copy: LoadedSpec = { ...spec, operations: [] as Operation[] };
    expect(findOperation(copy, 'GET', '/a')).toBeUndefined();
  });
});
