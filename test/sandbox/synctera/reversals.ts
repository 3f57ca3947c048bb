import { isRecord, json, type Reply } from '../http.js';
import { nowIso, uuid } from '../ids.js';
import type { Misbehave } from '../options.js';
import type { RequestContext } from '../router.js';
import type { SyncteraState, Transfer } from './model.js';
import { presentTransfer } from './present.js';
import { missingFields, missingReply, notFound, ruleViolation } from './problems.js';
import { TRANSFER_CODES } from './rules.js';
import { complete } from './settle.js';
import { amountError, currencyError, isAmount, isCurrency } from './transfer-input.js';

/**
 * POST /v0/external_cards/transfers/:id/reversals. Only a SUCCEEDED PULL can be reversed, in full or in part,
 * and at most one partial reversal per PULL. The reversal is itself a transfer of type PULL_REVERSAL.
 */
export function createReversal(ctx: RequestContext): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const missing = missingFields(body, ['amount', 'currency']);
  if (missing.length > 0) return missingReply(missing);
  if (!isAmount(body.amount)) return amountError();
  if (!isCurrency(body.currency)) return currencyError();
  const { synctera } = ctx.state;
  const original = synctera.transfers.get(ctx.params.id);
  if (!original) return notFound('external card transfer', ctx.params.id);
  const refusal = refuseReversal(synctera, original, body.amount, ctx.misbehave);
  if (refusal) return refusal;
  const account = synctera.accounts.get(original.account_id);
  if (!account) return notFound('account', original.account_id);
  const reversal = newReversal(original, body.amount, body.currency);
  complete(reversal, account, ctx.misbehave);
  synctera.transfers.set(reversal.id, reversal);
  original.reversals.push(reversal.id);
  return json(201, presentTransfer(reversal));
}

function refuseReversal(state: SyncteraState, original: Transfer, amount: number, misbehave: Misbehave): Reply | undefined {
  if (original.type !== 'PULL' && !misbehave.allowPushReversal) {
    return ruleViolation(TRANSFER_CODES.reversalNotAllowed, `only PULL transfers can be reversed; this one is ${original.type}`);
  }
  if (original.status !== 'SUCCEEDED') {
    return ruleViolation(TRANSFER_CODES.reversalNotAllowed, `only a SUCCEEDED transfer can be reversed; this one is ${original.status}`);
  }
  const done = succeededReversals(state, original);
  const remaining = original.amount - done.reduce((sum, reversal) => sum + reversal.amount, 0);
  if (amount > remaining) {
    return ruleViolation(TRANSFER_CODES.reversalExceedsAmount, `at most ${remaining} cents are left to reverse`);
  }
  const isPartial = amount < original.amount;
  const hadPartial = done.some((reversal) => reversal.amount < original.amount);
  if (isPartial && hadPartial && !misbehave.allowSecondPartialReversal) {
    return ruleViolation(TRANSFER_CODES.secondPartialReversal, 'only one partial reversal may be applied to a transfer');
  }
  return undefined;
}

function succeededReversals(state: SyncteraState, original: Transfer): Transfer[] {
  return original.reversals.map((id) => state.transfers.get(id)).filter((reversal): reversal is Transfer => reversal?.status === 'SUCCEEDED');
}

function newReversal(original: Transfer, amount: number, currency: string): Transfer {
  const now = nowIso();
  return {
    ...original,
    id: uuid(),
    type: 'PULL_REVERSAL',
    status: 'UNKNOWN',
    amount,
    currency,
    transaction_id: undefined,
    reason: undefined,
    network_decline_details: undefined,
    pendingReadsLeft: undefined,
    created_time: now,
    last_modified_time: now,
    reversals: [],
    reversal_of: original.id,
  };
}
