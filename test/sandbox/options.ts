/**
 * Switches that make the sandbox wrong on purpose. Each one breaks exactly one documented rule, so a test can
 * show that the doc checking that rule really fails when the API stops enforcing it.
 */
export interface Misbehave {
  /** sales: sync_card accepts a card whose exp_month + exp_year + last_4 already exists. */
  allowDuplicateCards?: boolean;
  /** sales: sync_card works before a payment gateway is connected. */
  acceptWithoutGateway?: boolean;
  /** sales: sync_card accepts a body missing a required field. */
  allowMissingFields?: boolean;
  /** sales: a client may hold any number of cards. */
  ignoreCardLimit?: boolean;
  /** sales: the client's first card is not made the default one. */
  noAutoDefault?: boolean;
  /** sales: the main base serves sync_card too, instead of answering 404. */
  serveSyncCardOnMain?: boolean;
  /** synctera: the reserved amounts (1, 1100, 2, 1200, …) succeed like any other. */
  ignoreSpecialAmounts?: boolean;
  /** synctera: a second partial reversal of the same PULL is accepted. */
  allowSecondPartialReversal?: boolean;
  /** synctera: a PUSH transfer can be reversed. */
  allowPushReversal?: boolean;
  /** synctera: large PULLs no longer require a 3-D Secure authorization. */
  skip3ds?: boolean;
  /** synctera: a PENDING transfer stays PENDING forever. */
  pendingNeverResolves?: boolean;
  /** synctera: push_enabled / pull_enabled are not enforced. */
  ignoreDisabledDirections?: boolean;
  /** synctera: a me-to-you transfer may be a PULL too. */
  allowMeToYouPull?: boolean;
  /** synctera: a PUSH larger than the account balance still succeeds. */
  ignoreInsufficientFunds?: boolean;
}

export type MisbehaveSwitch = keyof Misbehave;

export interface SandboxOptions {
  misbehave?: Misbehave;
  /** Host to listen on; always loopback. */
  host?: '127.0.0.1' | 'localhost';
}

/** Every switch by name (a Record so the compiler notices a switch missing here). */
const ALL: Record<MisbehaveSwitch, true> = {
  allowDuplicateCards: true,
  acceptWithoutGateway: true,
  allowMissingFields: true,
  ignoreCardLimit: true,
  noAutoDefault: true,
  serveSyncCardOnMain: true,
  ignoreSpecialAmounts: true,
  allowSecondPartialReversal: true,
  allowPushReversal: true,
  skip3ds: true,
  pendingNeverResolves: true,
  ignoreDisabledDirections: true,
  allowMeToYouPull: true,
  ignoreInsufficientFunds: true,
};

export const MISBEHAVE_SWITCHES = Object.keys(ALL) as MisbehaveSwitch[];

export function isMisbehaveSwitch(name: string): name is MisbehaveSwitch {
  return (MISBEHAVE_SWITCHES as string[]).includes(name);
}
