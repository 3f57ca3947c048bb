/** Synctera's state: customers own accounts (which hold funds) and external cards; transfers move funds. */
export interface SyncteraState {
  customers: Map<string, Customer>;
  accounts: Map<string, Account>;
  cards: Map<string, ExternalCard>;
  transfers: Map<string, Transfer>;
}

export interface Customer {
  id: string;
  first_name: string;
  last_name: string;
  dob?: string;
  email?: string;
  status: string;
  creation_time: string;
  last_updated_time: string;
}

export interface Account {
  id: string;
  account_type: string;
  currency: string;
  customer_ids: string[];
  /** Cents. */
  balance: number;
  status: string;
  creation_time: string;
}

export interface ExternalCard {
  id: string;
  customer_id: string;
  business_id?: string;
  name: string;
  currency: string;
  last_four: string;
  bin: string;
  expiration_month: string;
  expiration_year: string;
  issuer: string;
  status: 'ACTIVE' | 'SUSPENDED';
  verifications: Record<string, unknown>;
  created_time: string;
  last_modified_time: string;
}

export type TransferType = 'PUSH' | 'PULL' | 'PULL_REVERSAL';
export type TransferStatus = 'SUCCEEDED' | 'DECLINED' | 'CANCELED' | 'UNKNOWN' | 'PENDING';

export interface Transfer {
  id: string;
  type: TransferType;
  status: TransferStatus;
  amount: number;
  currency: string;
  account_id: string;
  customer_id: string;
  external_card_id: string;
  originating_customer_id?: string;
  three_ds_id?: string;
  merchant: Record<string, unknown>;
  country_code: string;
  transaction_id?: string;
  reason?: string;
  network_decline_details?: string;
  created_time: string;
  last_modified_time: string;
  /** sandbox bookkeeping, not shown: reversals of a PULL, and GETs left before a PENDING one settles. */
  reversals: string[];
  reversal_of?: string;
  pendingReadsLeft?: number;
}

/** New accounts start with this many cents so PUSH works without a prior PULL. */
export const OPENING_BALANCE = 100_000;

export function newSyncteraState(): SyncteraState {
  return { customers: new Map(), accounts: new Map(), cards: new Map(), transfers: new Map() };
}
