import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dereferencer } from '../../src/openapi/deref.js';
import { loadFile, sharedDir, syncteraSpecFile, type Loaded } from './helpers.js';
import { type Schema, sampleFromSchema } from './sample.js';

/** The published Synctera spec (650 KB, OAS 3.0.3): discriminators whose branches do not pin `type`. */
describe('the real Synctera spec', () => {
  let synctera: Loaded;
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    synctera = await loadFile(syncteraSpecFile);
    const deref = new Dereferencer(synctera.spec.document);
    schemas = deref.deref((synctera.spec.document.components as { schemas: unknown }).schemas) as Record<string, Schema>;
  });

  it('a PUSH transfer request built from the spec examples validates', () => {
    const push = sampleFromSchema(schemas.transfer_request_push, { type: 'PUSH', amount: 2500 }) as Record<string, unknown>;
    expect(push).toMatchObject({ type: 'PUSH', currency: 'USD', originating_customer_id: expect.any(String) });
    const op = synctera.op('POST', '/v0/external_cards/transfers');
    expect(synctera.validator.validateRequest(op, 'application/json', push)).toEqual({ validated: true, violations: [], target: 'application/json' });
    const broken = synctera.validator.validateRequest(op, 'application/json', { ...push, amount: '25.00' });
    expect(broken.violations).toEqual([expect.objectContaining({ pointer: '/amount', rule: 'type', value: '25.00' })]);
  });

  it('a PULL_REVERSAL response built from the spec examples validates', () => {
    const reversal = sampleFromSchema(schemas.transfer_response_pull, { type: 'PULL_REVERSAL', status: 'SUCCEEDED' });
    const op = synctera.op('POST', '/v0/external_cards/transfers/1c9e7bd4-0c0d-4b55-8b6c-7a2f1c3f4e11/reversals');
    expect(synctera.validator.validateResponse(op, 201, 'application/json', reversal)).toEqual({
      validated: true,
      violations: [],
      target: '201 application/json',
    });
  });

  it("the guide's PULL_REVERSAL response example validates (placeholders filled with ids)", () => {
    const guide = readFileSync(path.join(sharedDir, 'seeds/004_233a324a4449b371.txt'), 'utf8');
    const section = guide.slice(guide.indexOf('Reverse External Card Transaction'));
    const json = section.slice(section.indexOf('Example response:') + 'Example response:'.length).trim();
    const example = JSON.parse(json.replace(/"\{[A-Z_]+\}"/g, () => `"${randomUUID()}"`));
    expect(example.type).toBe('PULL_REVERSAL');
    const op = synctera.op('POST', '/v0/external_cards/transfers/abc/reversals');
    expect(synctera.validator.validateResponse(op, 201, 'application/json', example).violations).toEqual([]);
    const { merchant: _dropped, ...withoutMerchant } = example;
    const broken = synctera.validator.validateResponse(op, 201, 'application/json', withoutMerchant);
    expect(broken.violations).toEqual([expect.objectContaining({ pointer: '/merchant', rule: 'required' })]);
  });

  it('error responses are application/problem+json', () => {
    const op = synctera.op('GET', '/v0/external_cards/transfers/abc');
    const problem = {
      code: 'BAD_REQUEST_BODY',
      detail: 'missing',
      status: 400,
      title: 'Bad Request Body',
      type: 'https://dev.synctera.com/errors/bad-request-body',
    };
    expect(synctera.validator.validateResponse(op, 400, 'application/problem+json', problem)).toMatchObject({
      validated: true,
      violations: [],
      target: '400 application/problem+json',
    });
    expect(synctera.validator.validateResponse(op, 400, 'application/problem+json', { ...problem, status: '400' }).violations[0]).toMatchObject({
      pointer: '/status',
      rule: 'type',
    });
  });
});
