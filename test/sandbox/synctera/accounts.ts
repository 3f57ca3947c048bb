import { isRecord, json, type Reply } from '../http.js';
import { nowIso, uuid } from '../ids.js';
import type { RequestContext } from '../router.js';
import { OPENING_BALANCE, type Account } from './model.js';
import { badRequest, missingFields, missingReply, notFound } from './problems.js';

/**
 * POST /v0/accounts: an account owned by the customers named in `relationships[].customer_id`.
 * It opens with OPENING_BALANCE cents so a PUSH can be tried straight away.
 */
export function createAccount(ctx: RequestContext): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const missing = missingFields(body, ['account_type', 'relationships']);
  if (missing.length > 0) return missingReply(missing);
  if (!Array.isArray(body.relationships) || body.relationships.length === 0) {
    return badRequest('relationships must be a non-empty list');
  }
  const owners: string[] = [];
  for (const relation of body.relationships) {
    const customerId = isRecord(relation) ? relation.customer_id : undefined;
    if (typeof customerId !== 'string') return badRequest('every relationship needs a customer_id');
    if (!ctx.state.synctera.customers.has(customerId)) return notFound('customer', customerId);
    owners.push(customerId);
  }
  const account: Account = {
    id: uuid(),
    account_type: String(body.account_type),
    currency: typeof body.currency === 'string' ? body.currency : 'USD',
    customer_ids: owners,
    balance: OPENING_BALANCE,
    status: 'ACTIVE_OR_DISBURSED',
    creation_time: nowIso(),
  };
  ctx.state.synctera.accounts.set(account.id, account);
  return json(201, present(account));
}

/** GET /v0/accounts/:id */
export function readAccount(ctx: RequestContext): Reply {
  const account = ctx.state.synctera.accounts.get(ctx.params.id);
  return account ? json(200, present(account)) : notFound('account', ctx.params.id);
}

function present(account: Account): Record<string, unknown> {
  const { balance, ...rest } = account;
  return {
    ...rest,
    is_external_card_enabled: true,
    balances: [
      { type: 'ACCOUNT_BALANCE', balance },
      { type: 'AVAILABLE_BALANCE', balance },
    ],
  };
}
