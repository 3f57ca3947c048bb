import { json, type Reply } from '../http.js';
import { nowIso, uuid } from '../ids.js';
import type { RequestContext } from '../router.js';
import type { Transfer } from './model.js';
import { DEFAULT_MERCHANT, presentTransfer } from './present.js';
import { notFound } from './problems.js';
import { advancePending, startTransfer } from './settle.js';
import { parseTransfer } from './transfer-input.js';
import { refuseTransfer } from './transfer-rules.js';

/** POST /v0/external_cards/transfers: a PUSH or PULL between an account and an external card. */
export function createTransfer(ctx: RequestContext): Reply {
  const parsed = parseTransfer(ctx.body);
  if ('reply' in parsed) return parsed.reply;
  const input = parsed.value;
  const { synctera } = ctx.state;
  const card = synctera.cards.get(input.external_card_id);
  if (!card) return notFound('external card', input.external_card_id);
  const account = synctera.accounts.get(input.originating_account_id);
  if (!account) return notFound('account', input.originating_account_id);
  const refusal = refuseTransfer(input, card, account, ctx.misbehave);
  if (refusal) return refusal;
  const now = nowIso();
  const transfer: Transfer = {
    id: uuid(),
    type: input.type,
    status: 'UNKNOWN',
    amount: input.amount,
    currency: input.currency,
    account_id: account.id,
    customer_id: card.customer_id,
    external_card_id: card.id,
    originating_customer_id: input.originating_customer_id,
    three_ds_id: input.three_ds_id,
    merchant: input.merchant ?? DEFAULT_MERCHANT,
    country_code: 'US',
    created_time: now,
    last_modified_time: now,
    reversals: [],
  };
  startTransfer(transfer, account, ctx.misbehave);
  synctera.transfers.set(transfer.id, transfer);
  return json(201, presentTransfer(transfer));
}

/** GET /v0/external_cards/transfers/:id; a PENDING transfer moves towards its terminal status on each read. */
export function readTransfer(ctx: RequestContext): Reply {
  const { synctera } = ctx.state;
  const transfer = synctera.transfers.get(ctx.params.id);
  if (!transfer) return notFound('external card transfer', ctx.params.id);
  advancePending(transfer, synctera.accounts.get(transfer.account_id), ctx.misbehave);
  return json(200, presentTransfer(transfer));
}

/** GET /v0/external_cards/transfers?external_card_id=… */
export function listTransfers(ctx: RequestContext): Reply {
  const cardId = ctx.query.get('external_card_id');
  const transfers = [...ctx.state.synctera.transfers.values()].filter((transfer) => !cardId || transfer.external_card_id === cardId).map(presentTransfer);
  return json(200, { external_card_transfers: transfers });
}
