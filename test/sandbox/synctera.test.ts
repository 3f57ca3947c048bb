import { afterEach, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from './client.js';
import type { Misbehave } from './options.js';
import { startSandbox, type Sandbox } from './server.js';
import { OPENING_BALANCE } from './synctera/model.js';
import { PENDING_AMOUNT, SPECIAL_AMOUNTS, THREE_DS_THRESHOLD } from './synctera/rules.js';
import { TEST_CARDS } from './synctera/test-cards.js';
import { balanceOf, cardFor, customerWithAccount, type SyncteraBody, transfer } from './synctera-fixtures.js';

const TRANSFERS = '/v0/external_cards/transfers';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(misbehave: Misbehave = {}): Promise<ApiClient<SyncteraBody>> {
  await sandbox?.close();
  sandbox = await startSandbox({ misbehave });
  return apiClient<SyncteraBody>(sandbox.baseUrl);
}

/** A customer with an account and a card of the given PAN. */
async function setup(api: ApiClient<SyncteraBody>, pan?: string) {
  const owner = await customerWithAccount(api);
  return { ...owner, cardId: await cardFor(api, owner.customerId, pan) };
}

describe('synctera sandbox: errors and resources', () => {
  it('answers 401 problem bodies without a bearer token', async () => {
    const api = await start();
    const response = await api.call('GET', TRANSFERS, undefined, null);
    expect(response.status).toBe(401);
    expect(response.contentType).toContain('application/problem+json');
    expect(Object.keys(response.body).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
  });

  it('names missing fields in a 400 and unknown ids in a 404', async () => {
    const api = await start();
    const missing = await api.call('POST', '/v0/customers', { first_name: 'Jane' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'BAD_REQUEST_BODY', detail: 'missing required fields: last_name, status', status: 400 });
    const unknown = await api.call('GET', `${TRANSFERS}/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('RESOURCE_NOT_FOUND');
  });

  it('opens accounts with a balance and reads customers and accounts back', async () => {
    const api = await start();
    const { customerId, accountId } = await customerWithAccount(api);
    expect((await api.call('GET', `/v0/customers/${customerId}`)).body.first_name).toBe('Jane');
    expect(await balanceOf(api, accountId)).toBe(OPENING_BALANCE);
    const account = await api.call('GET', `/v0/accounts/${accountId}`);
    expect(account.body.customer_ids).toEqual([customerId]);
  });
});

describe('synctera sandbox: tokens', () => {
  it.each(TEST_CARDS)('maps tok_$pan to a $network card (push $push, pull $pull)', async (testCard) => {
    const api = await start();
    const { customerId } = await customerWithAccount(api);
    const response = await api.call('POST', '/v0/external_cards/tokens', { token: `tok_${testCard.pan}`, name: 'Jane Taylor', customer_id: customerId });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      customer_id: customerId,
      last_four: testCard.pan.slice(-4),
      expiration_month: '04',
      expiration_year: '2030',
      currency: 'USD',
      status: 'ACTIVE',
      verifications: {
        push_enabled: testCard.push,
        pull_enabled: testCard.pull,
        state: 'SUCCEEDED',
        cvv2_result: 'VERIFIED',
        address_verification_result: 'VERIFIED',
        name_verification_result: 'VERIFIED',
        pull_details: { network: testCard.network, product_type: testCard.productType },
      },
    });
    const read = await api.call('GET', `/v0/external_cards/${response.body.id}`);
    expect(read.body).toEqual(response.body);
    const list = await api.call('GET', `/v0/external_cards?customer_id=${customerId}`);
    expect(list.body.external_cards.map((c: { id: string }) => c.id)).toEqual([response.body.id]);
  });

  it('refuses an unknown token, an unknown customer, and flags a name mismatch', async () => {
    const api = await start();
    const { customerId } = await customerWithAccount(api);
    expect((await api.call('POST', '/v0/external_cards/tokens', { token: 'tok_1234', name: 'Jane Taylor', customer_id: customerId })).status).toBe(400);
    expect(
      (await api.call('POST', '/v0/external_cards/tokens', { token: 'tok_4005519200000004', name: 'J', customer_id: '00000000-0000-4000-8000-000000000000' }))
        .status,
    ).toBe(404);
    const other = await api.call('POST', '/v0/external_cards/tokens', { token: 'tok_4005519200000004', name: 'Someone Else', customer_id: customerId });
    expect(other.body.verifications.name_verification_result).toBe('NAME_MISMATCH');
  });
});

describe('synctera sandbox: transfers', () => {
  it('moves funds: a PULL credits the account, a PUSH debits it', async () => {
    const api = await start();
    const { accountId, cardId, customerId } = await setup(api);
    const pull = await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PULL', 2500));
    expect(pull.status).toBe(201);
    expect(pull.body).toMatchObject({ type: 'PULL', status: 'SUCCEEDED', amount: 2500, account_id: accountId, customer_id: customerId, country_code: 'US' });
    expect(pull.body.transaction_id).toBeTruthy();
    expect(await balanceOf(api, accountId)).toBe(OPENING_BALANCE + 2500);
    const push = await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PUSH', 1000));
    expect(push.body.status).toBe('SUCCEEDED');
    expect(await balanceOf(api, accountId)).toBe(OPENING_BALANCE + 1500);
    expect((await api.call('GET', `${TRANSFERS}/${pull.body.id}`)).body.status).toBe('SUCCEEDED');
    const list = await api.call('GET', `${TRANSFERS}?external_card_id=${cardId}`);
    expect(list.body.external_card_transfers).toHaveLength(2);
  });

  it.each(SPECIAL_AMOUNTS)('cancels a transfer of the reserved amount %i (unless ignoreSpecialAmounts)', async (amount) => {
    for (const ignore of [false, true]) {
      const api = await start({ ignoreSpecialAmounts: ignore });
      const { accountId, cardId } = await setup(api);
      const response = await api.call('POST', TRANSFERS, transfer(cardId, accountId, amount % 2 ? 'PULL' : 'PUSH', amount));
      expect(response.status).toBe(201);
      expect(response.body.status).toBe(ignore ? 'SUCCEEDED' : 'CANCELED');
      if (!ignore) expect(await balanceOf(api, accountId)).toBe(OPENING_BALANCE);
    }
  });

  it('declines a PUSH larger than the balance (unless ignoreInsufficientFunds)', async () => {
    const api = await start();
    const { accountId, cardId } = await setup(api);
    const response = await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PUSH', OPENING_BALANCE + 1));
    expect(response.body).toMatchObject({ status: 'DECLINED', reason: 'INSUFFICIENT_FUNDS' });
    const careless = await start({ ignoreInsufficientFunds: true });
    const other = await setup(careless);
    expect((await careless.call('POST', TRANSFERS, transfer(other.cardId, other.accountId, 'PUSH', OPENING_BALANCE + 1))).body.status).toBe('SUCCEEDED');
  });

  it(`answers PENDING for ${PENDING_AMOUNT} and settles on a later GET, then stays terminal`, async () => {
    const api = await start();
    const { accountId, cardId } = await setup(api);
    const created = await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PULL', PENDING_AMOUNT));
    expect(created.body.status).toBe('PENDING');
    const statuses: string[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.call('GET', `${TRANSFERS}/${created.body.id}`)).body.status);
    expect(statuses).toEqual(['PENDING', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(await balanceOf(api, accountId)).toBe(OPENING_BALANCE + PENDING_AMOUNT);
  });

  it('keeps a PENDING transfer pending forever when pendingNeverResolves', async () => {
    const api = await start({ pendingNeverResolves: true });
    const { accountId, cardId } = await setup(api);
    const created = await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PUSH', PENDING_AMOUNT));
    for (let i = 0; i < 4; i++) expect((await api.call('GET', `${TRANSFERS}/${created.body.id}`)).body.status).toBe('PENDING');
  });

  it('refuses directions a card does not support (unless ignoreDisabledDirections)', async () => {
    const api = await start();
    const pushOff = await setup(api, '2223000048400011');
    const pullOff = await setup(api, '4217651111111119');
    const bothOff = await setup(api, '5105105105105100');
    const push = await api.call('POST', TRANSFERS, transfer(pushOff.cardId, pushOff.accountId, 'PUSH', 500));
    expect(push.status).toBe(422);
    expect(push.body).toMatchObject({ code: 'EXTERNAL_CARD_PUSH_DISABLED', status: 422, title: 'Rule Violation' });
    expect((await api.call('POST', TRANSFERS, transfer(pushOff.cardId, pushOff.accountId, 'PULL', 500))).status).toBe(201);
    const pull = await api.call('POST', TRANSFERS, transfer(pullOff.cardId, pullOff.accountId, 'PULL', 500));
    expect(pull.body.code).toBe('EXTERNAL_CARD_PULL_DISABLED');
    expect((await api.call('POST', TRANSFERS, transfer(pullOff.cardId, pullOff.accountId, 'PUSH', 500))).status).toBe(201);
    expect((await api.call('POST', TRANSFERS, transfer(bothOff.cardId, bothOff.accountId, 'PUSH', 500))).status).toBe(422);
    expect((await api.call('POST', TRANSFERS, transfer(bothOff.cardId, bothOff.accountId, 'PULL', 500))).status).toBe(422);
    const careless = await start({ ignoreDisabledDirections: true });
    const card = await setup(careless, '5105105105105100');
    expect((await careless.call('POST', TRANSFERS, transfer(card.cardId, card.accountId, 'PUSH', 500))).status).toBe(201);
  });

  it("requires 3-D Secure for a large PULL with the guide's problem body (unless skip3ds)", async () => {
    const api = await start();
    const { accountId, cardId } = await setup(api);
    const refused = await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PULL', THREE_DS_THRESHOLD));
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      code: 'EXTERNAL_CARD_TRANSFER_3DS_REQUIRED',
      detail: '3-D Secure authorization required for this external card transfer',
      status: 422,
      title: 'Rule Violation',
      type: 'https://dev.synctera.com/errors/rule-violation',
    });
    const withId = transfer(cardId, accountId, 'PULL', THREE_DS_THRESHOLD, { three_ds_id: '40e2de9e-4375-4fa1-9393-92da972a9338' });
    expect((await api.call('POST', TRANSFERS, withId)).status).toBe(201);
    expect((await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PUSH', THREE_DS_THRESHOLD))).status).toBe(201);
    expect((await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PULL', THREE_DS_THRESHOLD - 1))).status).toBe(201);
    const careless = await start({ skip3ds: true });
    const other = await setup(careless);
    expect((await careless.call('POST', TRANSFERS, transfer(other.cardId, other.accountId, 'PULL', THREE_DS_THRESHOLD))).status).toBe(201);
  });

  it('allows a me-to-you PUSH naming the sender, and refuses a PULL or a missing sender', async () => {
    const api = await start();
    const recipient = await setup(api);
    const sender = await customerWithAccount(api, ['Sam', 'Sender']);
    const meToYou = transfer(recipient.cardId, sender.accountId, 'PUSH', 1500, { originating_customer_id: sender.customerId });
    const push = await api.call('POST', TRANSFERS, meToYou);
    expect(push.body).toMatchObject({ status: 'SUCCEEDED', originating_customer_id: sender.customerId, customer_id: recipient.customerId });
    expect(await balanceOf(api, sender.accountId)).toBe(OPENING_BALANCE - 1500);
    const noSender = await api.call('POST', TRANSFERS, transfer(recipient.cardId, sender.accountId, 'PUSH', 1500));
    expect(noSender.body.code).toBe('EXTERNAL_CARD_TRANSFER_NOT_ALLOWED');
    const wrongSender = await api.call('POST', TRANSFERS, { ...meToYou, originating_customer_id: recipient.customerId });
    expect(wrongSender.body.code).toBe('EXTERNAL_CARD_TRANSFER_NOT_ALLOWED');
    const pull = await api.call('POST', TRANSFERS, { ...meToYou, type: 'PULL' });
    expect(pull.status).toBe(422);
    expect(pull.body.code).toBe('EXTERNAL_CARD_TRANSFER_ME_TO_YOU_PUSH_ONLY');
    const careless = await start({ allowMeToYouPull: true });
    const r = await setup(careless);
    const s = await customerWithAccount(careless, ['Sam', 'Sender']);
    const body = transfer(r.cardId, s.accountId, 'PULL', 1500, { originating_customer_id: s.customerId });
    expect((await careless.call('POST', TRANSFERS, body)).status).toBe(201);
  });

  it('validates transfer bodies', async () => {
    const api = await start();
    const { accountId, cardId } = await setup(api);
    expect((await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PULL', 0))).status).toBe(400);
    expect((await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PULL', 10.5))).status).toBe(400);
    expect((await api.call('POST', TRANSFERS, { ...transfer(cardId, accountId, 'PULL', 10), type: 'PULL_REVERSAL' })).status).toBe(400);
    expect((await api.call('POST', TRANSFERS, { ...transfer(cardId, accountId, 'PULL', 10), currency: 'usd' })).status).toBe(400);
    const missing = await api.call('POST', TRANSFERS, { type: 'PULL' });
    expect(missing.body.detail).toBe('missing required fields: amount, currency, external_card_id, originating_account_id');
  });
});

describe('synctera sandbox: reversals', () => {
  async function pulled(api: ApiClient<SyncteraBody>, amount = 2500) {
    const ids = await setup(api);
    const pull = await api.call('POST', TRANSFERS, transfer(ids.cardId, ids.accountId, 'PULL', amount));
    return { ...ids, transferId: pull.body.id as string };
  }
  const reverse = (api: ApiClient<SyncteraBody>, id: string, amount: number) => api.call('POST', `${TRANSFERS}/${id}/reversals`, { currency: 'USD', amount });

  it('reverses a PULL in full, once', async () => {
    const api = await start();
    const { accountId, transferId } = await pulled(api);
    const full = await reverse(api, transferId, 2500);
    expect(full.status).toBe(201);
    expect(full.body).toMatchObject({ type: 'PULL_REVERSAL', status: 'SUCCEEDED', amount: 2500, original_transfer_id: transferId });
    expect(await balanceOf(api, accountId)).toBe(OPENING_BALANCE);
    expect((await reverse(api, transferId, 1)).body.code).toBe('EXTERNAL_CARD_REVERSAL_AMOUNT_EXCEEDED');
  });

  it('allows one partial reversal and refuses a second (unless allowSecondPartialReversal)', async () => {
    const api = await start();
    const { transferId } = await pulled(api);
    expect((await reverse(api, transferId, 1000)).body.status).toBe('SUCCEEDED');
    const second = await reverse(api, transferId, 500);
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('EXTERNAL_CARD_PARTIAL_REVERSAL_LIMIT');
    expect((await reverse(api, transferId, 1500)).body.code).toBe('EXTERNAL_CARD_PARTIAL_REVERSAL_LIMIT');
    const careless = await start({ allowSecondPartialReversal: true });
    const other = await pulled(careless);
    expect((await reverse(careless, other.transferId, 1000)).status).toBe(201);
    expect((await reverse(careless, other.transferId, 500)).status).toBe(201);
    expect((await reverse(careless, other.transferId, 1001)).body.code).toBe('EXTERNAL_CARD_REVERSAL_AMOUNT_EXCEEDED');
  });

  it('refuses to reverse a PUSH (unless allowPushReversal) or a CANCELED PULL', async () => {
    const api = await start();
    const { accountId, cardId } = await setup(api);
    const push = await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PUSH', 2500));
    const refused = await reverse(api, push.body.id, 2500);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('EXTERNAL_CARD_REVERSAL_NOT_ALLOWED');
    const canceled = await api.call('POST', TRANSFERS, transfer(cardId, accountId, 'PULL', 1100));
    expect((await reverse(api, canceled.body.id, 1100)).body.code).toBe('EXTERNAL_CARD_REVERSAL_NOT_ALLOWED');
    const careless = await start({ allowPushReversal: true });
    const ids = await setup(careless);
    const carelessPush = await careless.call('POST', TRANSFERS, transfer(ids.cardId, ids.accountId, 'PUSH', 2500));
    expect((await reverse(careless, carelessPush.body.id, 2500)).status).toBe(201);
  });
});
