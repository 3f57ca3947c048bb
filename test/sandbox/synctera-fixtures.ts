import { expect } from 'vitest';
import type { ApiClient } from './client.js';

/** The fields of the Synctera sandbox's answers the tests read (resources, lists and RFC 9457 problems). */
export interface SyncteraBody {
  id: string;
  status: string;
  code: string;
  detail: string;
  transaction_id: string;
  first_name: string;
  customer_ids: string[];
  balances: Array<{ type: string; balance: number }>;
  external_cards: Array<{ id: string }>;
  external_card_transfers: unknown[];
  verifications: { name_verification_result: string };
}

/** Helpers for the Synctera sandbox tests: a customer with an account, and a card from a test PAN. */
export async function customerWithAccount(api: ApiClient<SyncteraBody>, name = ['Jane', 'Taylor']): Promise<{ customerId: string; accountId: string }> {
  const customer = await api.call('POST', '/v0/customers', { first_name: name[0], last_name: name[1], dob: '1990-02-03', status: 'ACTIVE' });
  expect(customer.status).toBe(201);
  const account = await api.call('POST', '/v0/accounts', {
    account_type: 'CHECKING',
    relationships: [{ customer_id: customer.body.id, relationship_type: 'PRIMARY_ACCOUNT_HOLDER' }],
  });
  expect(account.status).toBe(201);
  return { customerId: customer.body.id, accountId: account.body.id };
}

export async function cardFor(api: ApiClient<SyncteraBody>, customerId: string, pan = '4005519200000004'): Promise<string> {
  const card = await api.call('POST', '/v0/external_cards/tokens', { token: `tok_${pan}`, name: 'Jane Taylor', customer_id: customerId });
  expect(card.status).toBe(201);
  return card.body.id;
}

export async function balanceOf(api: ApiClient<SyncteraBody>, accountId: string): Promise<number> {
  const account = await api.call('GET', `/v0/accounts/${accountId}`);
  return account.body.balances.find((b) => b.type === 'ACCOUNT_BALANCE')!.balance;
}

export function transfer(cardId: string, accountId: string, type: 'PUSH' | 'PULL', amount: number, extra: Record<string, unknown> = {}) {
  return { external_card_id: cardId, originating_account_id: accountId, currency: 'USD', type, amount, ...extra };
}
