import { uuid } from '../ids.js';
import type { Misbehave } from '../options.js';
import type { Account, Transfer } from './model.js';
import { PENDING_AMOUNT, PENDING_READS, SPECIAL_AMOUNTS } from './rules.js';

/**
 * Decides the first status of a new PUSH or PULL and moves the funds when it succeeds. Reserved amounts end
 * CANCELED (upstream processor error), the PENDING amount waits for later GETs, a PUSH beyond the balance
 * is DECLINED.
 */
export function startTransfer(transfer: Transfer, account: Account, misbehave: Misbehave): void {
  if (SPECIAL_AMOUNTS.includes(transfer.amount) && !misbehave.ignoreSpecialAmounts) {
    transfer.status = 'CANCELED';
    transfer.reason = 'PROCESSOR_ERROR';
    transfer.network_decline_details = `upstream processor error forced by sandbox amount ${transfer.amount}`;
    return;
  }
  if (transfer.amount === PENDING_AMOUNT) {
    transfer.status = 'PENDING';
    transfer.pendingReadsLeft = PENDING_READS;
    return;
  }
  complete(transfer, account, misbehave);
}

/** Called on each GET of a PENDING transfer: it settles once the reads it had to wait for are used up. */
export function advancePending(transfer: Transfer, account: Account | undefined, misbehave: Misbehave): void {
  if (transfer.status !== 'PENDING' || misbehave.pendingNeverResolves) return;
  if ((transfer.pendingReadsLeft ?? 0) > 0) {
    transfer.pendingReadsLeft = (transfer.pendingReadsLeft ?? 0) - 1;
    return;
  }
  if (!account) {
    transfer.status = 'CANCELED';
    transfer.reason = 'ACCOUNT_CLOSED';
  } else {
    complete(transfer, account, misbehave);
  }
  transfer.last_modified_time = new Date().toISOString();
}

/** Funds leave the account for a PUSH or a PULL_REVERSAL and arrive for a PULL. */
export function complete(transfer: Transfer, account: Account, misbehave: Misbehave): void {
  const outgoing = transfer.type !== 'PULL';
  if (outgoing && transfer.amount > account.balance && !misbehave.ignoreInsufficientFunds) {
    transfer.status = 'DECLINED';
    transfer.reason = 'INSUFFICIENT_FUNDS';
    return;
  }
  account.balance += outgoing ? -transfer.amount : transfer.amount;
  transfer.status = 'SUCCEEDED';
  transfer.transaction_id = uuid();
}
