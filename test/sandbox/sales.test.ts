import { afterEach, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from './client.js';
import type { Misbehave } from './options.js';
import { CARD_LIMIT_PER_CLIENT } from './sales/model.js';
import { startSandbox, type Sandbox } from './server.js';

const SYNC = '/platform/v1/payment/cards/sync_card';
const SETTINGS = '/platform/v1/payment/settings';

/** The fields of the sales sandbox's answers the tests read (`data` on success, `error_code` on failure). */
interface SalesBody {
  status: string;
  error: string;
  error_code: string;
  data: {
    client: { id: string };
    card: { default: boolean };
    payment_settings: { stripe_access_token: string };
  };
}

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(misbehave: Misbehave = {}): Promise<{ main: ApiClient<SalesBody>; fallback: ApiClient<SalesBody> }> {
  sandbox = await startSandbox({ misbehave });
  return { main: apiClient<SalesBody>(sandbox.baseUrl), fallback: apiClient<SalesBody>(sandbox.fallbackUrl) };
}

async function connectGateway(api: ApiClient<SalesBody>): Promise<void> {
  expect((await api.call('POST', SETTINGS, { payment_settings: { stripe_user_id: 'acct_1', stripe_access_token: 'sk_1' } })).status).toBe(201);
  expect((await api.call('POST', SETTINGS, { payment_settings: { payments_gateway_type: 'stripe', payments_enabled: true } })).status).toBe(201);
}

async function newClient(api: ApiClient<SalesBody>): Promise<string> {
  const response = await api.call('POST', '/platform/v1/clients', { first_name: 'Ada', email: 'ada@example.com' });
  expect(response.status).toBe(201);
  return response.body.data.client.id as string;
}

function card(clientId: string, details: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    client_id: clientId,
    customer_id: 'cus_1',
    external_card_id: 'card_1',
    details: { exp_month: 3, exp_year: 2030, last_4: '4242', cardholder_name: 'Ada L', card_brand: 'visa', ...details },
  };
}

describe('sales sandbox: auth and bases', () => {
  it('answers 401 without a bearer token or with an empty one, on both bases', async () => {
    const { main, fallback } = await start();
    expect((await main.call('POST', '/platform/v1/clients', { first_name: 'A' }, null)).status).toBe(401);
    expect((await fallback.call('POST', SYNC, {}, null)).status).toBe(401);
    const empty = await fallback.call('GET', SETTINGS, undefined, '');
    expect(empty.status).toBe(401);
    expect(empty.body).toMatchObject({ status: 'Error', error_code: 'UNAUTHORIZED' });
  });

  it('serves sync_card only on the fallback base; the main base answers 404', async () => {
    const { main, fallback } = await start();
    await connectGateway(fallback);
    const clientId = await newClient(main);
    expect((await main.call('POST', SYNC, card(clientId))).status).toBe(404);
    expect((await fallback.call('POST', SYNC, card(clientId))).status).toBe(201);
  });

  it('serves sync_card on the main base too when serveSyncCardOnMain is set', async () => {
    const { main } = await start({ serveSyncCardOnMain: true });
    await connectGateway(main);
    expect((await main.call('POST', SYNC, card(await newClient(main)))).status).toBe(201);
  });
});

describe('sales sandbox: payment settings', () => {
  it('refuses a gateway type before its credentials, then accepts it', async () => {
    const { fallback } = await start();
    const early = await fallback.call('POST', SETTINGS, { payment_settings: { payments_gateway_type: 'stripe' } });
    expect(early.status).toBe(422);
    expect(early.body.error_code).toBe('GATEWAY_NOT_CONNECTED');
    await connectGateway(fallback);
    const read = await fallback.call('GET', SETTINGS);
    expect(read.body.data.payment_settings).toMatchObject({ payments_gateway_type: 'stripe', connected_payment_gateways: ['stripe'] });
    expect(read.body.data.payment_settings.stripe_access_token).not.toBe('sk_1');
  });

  it('refuses card sync until a gateway is connected (unless acceptWithoutGateway)', async () => {
    const { fallback } = await start();
    const clientId = await newClient(fallback);
    const refused = await fallback.call('POST', SYNC, card(clientId));
    expect(refused.status).toBe(422);
    expect(refused.body.error_code).toBe('GATEWAY_NOT_CONNECTED');
    await sandbox!.close();
    const careless = await start({ acceptWithoutGateway: true });
    const otherClient = await newClient(careless.fallback);
    expect((await careless.fallback.call('POST', SYNC, card(otherClient))).status).toBe(201);
  });
});

describe('sales sandbox: clients and sync_card', () => {
  it('creates a client with the platform envelope', async () => {
    const { main } = await start();
    const response = await main.call('POST', '/platform/v1/clients', { first_name: 'Test', last_name: 'Card', email: 't@example.com' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'OK', data: { client: { first_name: 'Test', email: 't@example.com' } } });
    expect(response.body.data.client.id).toMatch(/^[a-z0-9]{16}$/);
    expect((await main.call('POST', '/platform/v1/clients', { email: 'not-an-email' })).status).toBe(422);
  });

  it('answers the spec example card shape and makes the first card the default', async () => {
    const { fallback } = await start();
    await connectGateway(fallback);
    const clientId = await newClient(fallback);
    const first = await fallback.call('POST', SYNC, { ...card(clientId), default: false });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('OK');
    expect(Object.keys(first.body.data.card).sort()).toEqual([
      'active',
      'business_id',
      'card_brand',
      'cardholder_name',
      'client_id',
      'created_at',
      'default',
      'exp_month',
      'exp_year',
      'id',
      'last_4',
      'payment_provider',
      'staff_id',
      'staff_name',
    ]);
    expect(first.body.data.card).toMatchObject({ default: true, active: true, last_4: '4242', client_id: clientId });
    const second = await fallback.call('POST', SYNC, card(clientId, { last_4: '4343' }));
    expect(second.body.data.card.default).toBe(false);
    const third = await fallback.call('POST', SYNC, { ...card(clientId, { last_4: '4444' }), default: true });
    expect(third.body.data.card.default).toBe(true);
    const stored = [...sandbox!.state.sales.cards.values()].filter((c) => c.default);
    expect(stored.map((c) => c.last_4)).toEqual(['4444']);
  });

  it('does not default the first card when noAutoDefault is set', async () => {
    const { fallback } = await start({ noAutoDefault: true });
    await connectGateway(fallback);
    const response = await fallback.call('POST', SYNC, card(await newClient(fallback)));
    expect(response.body.data.card.default).toBe(false);
  });

  it.each(['client_id', 'customer_id', 'external_card_id', 'details'])('names a missing %s in a 422', async (field) => {
    const { fallback } = await start();
    await connectGateway(fallback);
    const body = card(await newClient(fallback));
    delete body[field];
    const response = await fallback.call('POST', SYNC, body);
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ status: 'Error', error: `Mandatory parameter ${field} is missing`, error_code: 'MISSING_PARAMETER' });
  });

  it.each(['exp_month', 'exp_year', 'last_4', 'cardholder_name', 'card_brand'])('names a missing details.%s', async (field) => {
    const { fallback } = await start();
    await connectGateway(fallback);
    const body = card(await newClient(fallback));
    delete (body.details as Record<string, unknown>)[field];
    const response = await fallback.call('POST', SYNC, body);
    expect(response.status).toBe(422);
    expect(response.body.error).toBe(`Mandatory parameter details.${field} is missing`);
  });

  it('accepts a body missing customer_id when allowMissingFields is set', async () => {
    const { fallback } = await start({ allowMissingFields: true });
    await connectGateway(fallback);
    const body = card(await newClient(fallback));
    delete body.customer_id;
    expect((await fallback.call('POST', SYNC, body)).status).toBe(201);
  });

  it('refuses a last_4 that is not four digits and an unknown client', async () => {
    const { fallback } = await start();
    await connectGateway(fallback);
    const clientId = await newClient(fallback);
    expect((await fallback.call('POST', SYNC, card(clientId, { last_4: 123 }))).body.error_code).toBe('INVALID_PARAMETER');
    expect((await fallback.call('POST', SYNC, card('nosuchclient0000'))).body.error_code).toBe('CLIENT_NOT_FOUND');
  });

  it('refuses a duplicate exp_month + exp_year + last_4, even for another client', async () => {
    const { fallback } = await start();
    await connectGateway(fallback);
    expect((await fallback.call('POST', SYNC, card(await newClient(fallback)))).status).toBe(201);
    const duplicate = await fallback.call('POST', SYNC, card(await newClient(fallback), { cardholder_name: 'Other' }));
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.error_code).toBe('DUPLICATE_CARD');
    expect((await fallback.call('POST', SYNC, card(await newClient(fallback), { exp_month: 4 }))).status).toBe(201);
  });

  it('accepts the duplicate when allowDuplicateCards is set', async () => {
    const { fallback } = await start({ allowDuplicateCards: true });
    await connectGateway(fallback);
    const clientId = await newClient(fallback);
    expect((await fallback.call('POST', SYNC, card(clientId))).status).toBe(201);
    expect((await fallback.call('POST', SYNC, card(clientId))).status).toBe(201);
  });

  it(`refuses card number ${CARD_LIMIT_PER_CLIENT + 1} of one client (unless ignoreCardLimit)`, async () => {
    for (const misbehave of [{}, { ignoreCardLimit: true }]) {
      const { fallback } = await start(misbehave);
      await connectGateway(fallback);
      const clientId = await newClient(fallback);
      for (let month = 1; month <= CARD_LIMIT_PER_CLIENT; month++) {
        expect((await fallback.call('POST', SYNC, card(clientId, { exp_month: month }))).status).toBe(201);
      }
      const extra = await fallback.call('POST', SYNC, card(clientId, { exp_month: 12 }));
      if (misbehave.ignoreCardLimit) expect(extra.status).toBe(201);
      else expect(extra.body).toMatchObject({ status: 'Error', error_code: 'CARD_LIMIT_REACHED' });
      await sandbox!.close();
      sandbox = undefined;
    }
  });
});
