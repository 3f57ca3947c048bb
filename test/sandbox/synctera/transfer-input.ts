import { isRecord, type Reply } from '../http.js';
import { badRequest, missingFields, missingReply } from './problems.js';

export interface TransferInput {
  type: 'PUSH' | 'PULL';
  amount: number;
  currency: string;
  external_card_id: string;
  originating_account_id: string;
  originating_customer_id?: string;
  three_ds_id?: string;
  merchant?: Record<string, unknown>;
}

const REQUIRED = ['amount', 'currency', 'external_card_id', 'originating_account_id', 'type'];

/** Either the parsed value or the 400 to answer instead. */
export type Parsed<T> = { value: T } | { reply: Reply };

/** Validates a create-transfer body. */
export function parseTransfer(body: unknown): Parsed<TransferInput> {
  const record = isRecord(body) ? body : {};
  const missing = missingFields(record, REQUIRED);
  if (missing.length > 0) return { reply: missingReply(missing) };
  if (record.type !== 'PUSH' && record.type !== 'PULL') return { reply: badRequest('type must be PUSH or PULL') };
  if (!isAmount(record.amount)) return { reply: amountError() };
  if (!isCurrency(record.currency)) return { reply: currencyError() };
  if (record.merchant !== undefined && !isRecord(record.merchant)) {
    return { reply: badRequest('merchant must be an object') };
  }
  const value: TransferInput = {
    type: record.type,
    amount: record.amount,
    currency: String(record.currency),
    external_card_id: String(record.external_card_id),
    originating_account_id: String(record.originating_account_id),
    originating_customer_id: optionalString(record.originating_customer_id),
    three_ds_id: optionalString(record.three_ds_id),
    merchant: isRecord(record.merchant) ? record.merchant : undefined,
  };
  return { value };
}

/** Amounts are integer cents, at least 1. */
export function isAmount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1;
}

export const amountError = (): Reply => badRequest('amount must be an integer of at least 1 (cents)');

export function isCurrency(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

export const currencyError = (): Reply => badRequest('currency must be an ISO 4217 alpha-3 code');

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
