import type { MisbehaveSwitch } from '../sandbox/options.js';

/**
 * Every doc that checks a rule, the sandbox switch that breaks that rule, and the step that must then fail.
 * The integration test shows each doc fails when (and where) the API stops enforcing what it documents.
 */
export interface RuleFlow {
  doc: string;
  misbehave: MisbehaveSwitch;
  failingStep: string;
}

export const RULE_FLOWS: RuleFlow[] = [
  { doc: 'scenarios/sales/payments/sync_card.md', misbehave: 'noAutoDefault', failingStep: 'sync_first_card' },
  { doc: 'scenarios/sales/payments/sync_card_duplicate_card.md', misbehave: 'allowDuplicateCards', failingStep: 'sync_duplicate' },
  { doc: 'scenarios/sales/payments/sync_card_missing_customer_id.md', misbehave: 'allowMissingFields', failingStep: 'sync_without_customer' },
  { doc: 'scenarios/sales/payments/sync_card_card_limit.md', misbehave: 'ignoreCardLimit', failingStep: 'sync_card_over_limit' },
  { doc: 'scenarios/sales/payments/sync_card_main_base.md', misbehave: 'serveSyncCardOnMain', failingStep: 'sync_card_on_main_api' },
  { doc: 'scenarios/synctera/transfers/special_amounts.md', misbehave: 'ignoreSpecialAmounts', failingStep: 'amount_1' },
  { doc: 'scenarios/synctera/transfers/push_disabled_card.md', misbehave: 'ignoreDisabledDirections', failingStep: 'push_refused' },
  { doc: 'scenarios/synctera/transfers/pull_disabled_card.md', misbehave: 'ignoreDisabledDirections', failingStep: 'pull_refused' },
  { doc: 'scenarios/synctera/transfers/pull_3ds_required.md', misbehave: 'skip3ds', failingStep: 'large_pull_without_3ds' },
  { doc: 'scenarios/synctera/transfers/pending_until_terminal.md', misbehave: 'pendingNeverResolves', failingStep: 'poll_until_final' },
  { doc: 'scenarios/synctera/transfers/pull_me_to_you_refused.md', misbehave: 'allowMeToYouPull', failingStep: 'pull_from_someone_elses_card' },
  { doc: 'scenarios/synctera/transfers/push_insufficient_funds.md', misbehave: 'ignoreInsufficientFunds', failingStep: 'push_too_much' },
  { doc: 'scenarios/synctera/reversals/partial_reversal.md', misbehave: 'allowSecondPartialReversal', failingStep: 'second_partial' },
  { doc: 'scenarios/synctera/reversals/push_reversal_refused.md', misbehave: 'allowPushReversal', failingStep: 'reverse_push' },
];
