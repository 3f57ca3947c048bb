/** The sandbox's documented magic numbers, in one place so docs and tests can name them. */

/** The guide reserves these amounts to force an upstream processor error (the transfer ends CANCELED). */
export const SPECIAL_AMOUNTS = [1, 1100, 2, 1200, 3, 1300, 4, 1400];

/** This sandbox's choice: a transfer of this amount answers PENDING and settles to SUCCEEDED on a later GET. */
export const PENDING_AMOUNT = 7777;

/** GETs that still answer PENDING before the transfer settles (so a poller must ask more than once). */
export const PENDING_READS = 1;

/** This sandbox's 3DS policy: a PULL of at least this many cents needs a three_ds_id. */
export const THREE_DS_THRESHOLD = 50_000;

export const TRANSFER_CODES = {
  threeDsRequired: 'EXTERNAL_CARD_TRANSFER_3DS_REQUIRED',
  pushDisabled: 'EXTERNAL_CARD_PUSH_DISABLED',
  pullDisabled: 'EXTERNAL_CARD_PULL_DISABLED',
  notAccountOwner: 'EXTERNAL_CARD_TRANSFER_NOT_ALLOWED',
  meToYouPushOnly: 'EXTERNAL_CARD_TRANSFER_ME_TO_YOU_PUSH_ONLY',
  reversalNotAllowed: 'EXTERNAL_CARD_REVERSAL_NOT_ALLOWED',
  reversalExceedsAmount: 'EXTERNAL_CARD_REVERSAL_AMOUNT_EXCEEDED',
  secondPartialReversal: 'EXTERNAL_CARD_PARTIAL_REVERSAL_LIMIT',
} as const;
