import { describe, expect, it } from 'vitest';
import { createValidationProvider } from '../../src/openapi/provider.js';
import type { DocValidation } from '../../src/core/validation.js';
import { repoRoot } from './helpers.js';
import { docFor, settings } from './provider-helpers.js';

const SALES = 'swagger/sales/legacy/legacy_v1_sales.json';
const SYNC_CARD = '/platform/v1/payment/cards/sync_card';

const validRequest = {
  client_id: 'r4t8y2u6i0o3p5as',
  customer_id: 'cus_test_customer_456',
  external_card_id: 'card_test_unique_1700000000',
  default: false,
  details: { exp_month: 3, exp_year: 2030, last_4: '4242', cardholder_name: 'Test User', card_brand: 'visa' },
};
const validResponse = {
  data: {
    card: {
      id: 'k3v9q2m8x1z7w4pa',
      active: true,
      business_id: 'b7n2c5x8v1m4q9wz',
      card_brand: 'visa',
      cardholder_name: 'Test User',
      client_id: 'r4t8y2u6i0o3p5as',
      created_at: '2026-02-08T11:31:40.000Z',
      default: true,
      exp_month: 3,
      exp_year: 2030,
      last_4: '4242',
      payment_provider: 'stripe',
      staff_id: 'h6j9k2l5z8x1c4vb',
      staff_name: 'Front Desk',
    },
  },
  status: 'OK',
};

async function salesValidation(mode: 'strict' | 'warn' = 'strict'): Promise<DocValidation> {
  const provide = createValidationProvider(settings(repoRoot, mode));
  return (await provide(docFor(SALES, `POST ${SYNC_CARD}`)))!;
}

describe("the project's sales spec through the provider", () => {
  it('a valid sync_card request and 201 response pass', async () => {
    const step = (await salesValidation()).forStep('POST', SYNC_CARD)!;
    expect(step.operation).toBe('POST /payment/cards/sync_card');
    expect(step.request(validRequest, 'application/json')).toEqual([
      { kind: 'request-schema', name: 'request body matches schema (application/json)', passed: true },
    ]);
    expect(step.response(201, 'application/json; charset=utf-8', validResponse)).toEqual([
      { kind: 'schema', name: 'response body matches schema (201 application/json)', passed: true },
    ]);
  });

  it('a response that breaks the schema fails the check, naming the pointer, rule and value', async () => {
    const step = (await salesValidation()).forStep('POST', SYNC_CARD)!;
    const broken: { data: { card: Record<string, unknown> } } = structuredClone(validResponse);
    broken.data.card.exp_month = '3';
    delete broken.data.card.id;
    const checks = step.response(201, 'application/json', broken);
    expect(checks).toHaveLength(2);
    expect(checks.every((c) => !c.passed && c.severity === 'error' && c.kind === 'schema')).toBe(true);
    expect(checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: '/data/card/id: is required but missing (rule `required`)', expected: { required: ['id'] } }),
        expect.objectContaining({ message: '/data/card/exp_month: must be integer (rule `type`)', expected: { type: 'integer' }, actual: '3' }),
      ]),
    );
  });

  it('a request that breaks the schema is caught before sending', async () => {
    const step = (await salesValidation()).forStep('POST', SYNC_CARD)!;
    const { customer_id: _dropped, ...withoutCustomer } = validRequest;
    const checks = step.request({ ...withoutCustomer, details: { ...validRequest.details, last_4: '42' } }, 'application/json');
    expect(checks.map((c) => [c.kind, c.passed, c.message])).toEqual([
      ['request-schema', false, '/customer_id: is required but missing (rule `required`)'],
      ['request-schema', false, '/details/last_4: must match pattern "^[0-9]{4}$" (rule `pattern`)'],
    ]);
  });

  it('the 422 error shape is validated too; warn mode downgrades failures', async () => {
    const step = (await salesValidation('warn')).forStep('POST', SYNC_CARD)!;
    expect(step.response(422, 'application/json', { status: 'Error', error: 'Mandatory parameter customer_id is missing' })).toEqual([
      { kind: 'schema', name: 'response body matches schema (422 application/json)', passed: true },
    ]);
    const checks = step.response(422, 'application/json', { status: 'Error' });
    expect(checks).toEqual([expect.objectContaining({ passed: false, severity: 'warning', message: '/error: is required but missing (rule `required`)' })]);
  });

  it('a status the spec does not describe validates nothing, and says so', async () => {
    const step = (await salesValidation()).forStep('POST', SYNC_CARD)!;
    expect(step.response(500, 'text/html', '<html>')).toEqual([
      expect.objectContaining({ kind: 'schema', passed: true, message: 'no response 500 in the spec: nothing validated' }),
    ]);
  });

  it('schemaMode off, no swagger, a missing file, an unknown endpoint', async () => {
    expect(await createValidationProvider(settings(repoRoot, 'off'))(docFor(SALES))).toBeUndefined();
    expect(await createValidationProvider(settings(repoRoot))(docFor(undefined))).toBeUndefined();
    const provide = createValidationProvider(settings(repoRoot));
    // An absolute path from another machine: the project's file with the same folder and name is used.
    const foreign = await provide(docFor('/Users/someone/stepdoc/swagger/synctera/external_cards.json'));
    expect(foreign!.forStep('POST', '/v0/customers')).toBeDefined();
    expect(foreign!.warnings).toEqual([
      expect.objectContaining({
        code: 'swagger-foreign-path',
        help: 'write `swagger: swagger/synctera/external_cards.json`',
        span: expect.objectContaining({ line: 4 }),
      }),
    ]);
    const missing = await provide(docFor('swagger/old/external_cards.json'));
    expect(missing!.forStep('POST', '/v0/customers')).toBeUndefined();
    expect(missing!.warnings).toEqual([
      expect.objectContaining({
        code: 'swagger-not-found',
        help: 'did you mean `swagger/synctera/external_cards.json`?',
        span: expect.objectContaining({ line: 4 }),
      }),
    ]);
    const unknown = await provide(docFor(SALES, 'POST /platform/v1/payment/cards/sync_cards'));
    expect(unknown!.warnings).toEqual([
      expect.objectContaining({ code: 'swagger-operation-not-found', help: 'did you mean `POST /platform/v1/payment/cards/sync_card`?' }),
    ]);
    expect(unknown!.forStep('GET', '/platform/v1/nothing')).toBeUndefined();
  });
});
