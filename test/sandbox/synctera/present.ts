import type { Transfer } from './model.js';

/** A transfer as the API shows it: the sandbox's own bookkeeping fields are left out. */
export function presentTransfer(transfer: Transfer): Record<string, unknown> {
  const { reversals: _reversals, reversal_of, pendingReadsLeft: _reads, ...shown } = transfer;
  return reversal_of ? { ...shown, original_transfer_id: reversal_of } : shown;
}

/** Used when a request names no merchant: the FinTech's onboarding defaults. */
export const DEFAULT_MERCHANT = {
  name: 'Sandbox FinTech',
  address: {
    address_line_1: '1 Sandbox Way',
    city: 'Testville',
    state: 'CA',
    postal_code: '94000',
    country_code: 'US',
  },
};
