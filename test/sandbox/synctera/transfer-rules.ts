import type { Reply } from '../http.js';
import type { Misbehave } from '../options.js';
import type { Account, ExternalCard } from './model.js';
import { ruleViolation } from './problems.js';
import { THREE_DS_THRESHOLD, TRANSFER_CODES } from './rules.js';
import type { TransferInput } from './transfer-input.js';

/**
 * The rules a transfer must pass before it is attempted; the first broken one is answered as a 422.
 * Order: who may move the funds, then whether the card supports the direction, then 3-D Secure.
 */
export function refuseTransfer(input: TransferInput, card: ExternalCard, account: Account, misbehave: Misbehave): Reply | undefined {
  return refuseOwnership(input, card, account, misbehave) ?? refuseDirection(input, card, misbehave) ?? refuse3ds(input, misbehave);
}

/** Me-to-me: the card's customer owns the account. Me-to-you: a PUSH naming the account's owner as sender. */
function refuseOwnership(input: TransferInput, card: ExternalCard, account: Account, misbehave: Misbehave): Reply | undefined {
  const sender = input.originating_customer_id;
  if (sender !== undefined && !account.customer_ids.includes(sender)) {
    return ruleViolation(TRANSFER_CODES.notAccountOwner, `customer ${sender} does not own account ${account.id}`);
  }
  if (account.customer_ids.includes(card.customer_id)) return undefined;
  if (sender === undefined) {
    return ruleViolation(TRANSFER_CODES.notAccountOwner, 'the card holder does not own the originating account; name the sender in originating_customer_id');
  }
  if (input.type !== 'PUSH' && !misbehave.allowMeToYouPull) {
    return ruleViolation(TRANSFER_CODES.meToYouPushOnly, "a transfer to another person's card can only be a PUSH");
  }
  return undefined;
}

function refuseDirection(input: TransferInput, card: ExternalCard, misbehave: Misbehave): Reply | undefined {
  if (misbehave.ignoreDisabledDirections) return undefined;
  if (input.type === 'PUSH' && card.verifications.push_enabled !== true) {
    return ruleViolation(TRANSFER_CODES.pushDisabled, `external card ${card.id} does not support PUSH transfers`);
  }
  if (input.type === 'PULL' && card.verifications.pull_enabled !== true) {
    return ruleViolation(TRANSFER_CODES.pullDisabled, `external card ${card.id} does not support PULL transfers`);
  }
  return undefined;
}

function refuse3ds(input: TransferInput, misbehave: Misbehave): Reply | undefined {
  if (misbehave.skip3ds || input.type !== 'PULL' || input.three_ds_id !== undefined) return undefined;
  if (input.amount < THREE_DS_THRESHOLD) return undefined;
  return ruleViolation(TRANSFER_CODES.threeDsRequired, '3-D Secure authorization required for this external card transfer');
}
