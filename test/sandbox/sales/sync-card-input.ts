import { isRecord } from '../http.js';

/** A validated sync_card request body. */
export interface SyncCardInput {
  client_id: string;
  customer_id: string;
  external_card_id: string;
  default: boolean;
  details: {
    exp_month: number;
    exp_year: number;
    last_4: string;
    cardholder_name: string;
    card_brand: string;
  };
}

const TOP_LEVEL = ['client_id', 'customer_id', 'external_card_id'] as const;
const DETAILS = ['exp_month', 'exp_year', 'last_4', 'cardholder_name', 'card_brand'] as const;

/** The first missing required field, in the API's wording (`details.last_4`), or undefined. */
export function missingField(body: unknown): string | undefined {
  if (!isRecord(body)) return TOP_LEVEL[0];
  for (const name of TOP_LEVEL) if (isBlank(body[name])) return name;
  if (!isRecord(body.details)) return 'details';
  for (const name of DETAILS) if (isBlank(body.details[name])) return `details.${name}`;
  return undefined;
}

/** Type and range problems of a body that has every required field; undefined when it is fine. */
export function invalidField(body: Record<string, unknown>): string | undefined {
  const details = body.details as Record<string, unknown>;
  const month = details.exp_month;
  if (!Number.isInteger(month) || (month as number) < 1 || (month as number) > 12) {
    return 'details.exp_month must be an integer from 1 to 12';
  }
  if (!Number.isInteger(details.exp_year) || (details.exp_year as number) < 2000) {
    return 'details.exp_year must be a four-digit year';
  }
  if (typeof details.last_4 !== 'string' || !/^\d{4}$/.test(details.last_4)) {
    return 'details.last_4 must be a string of 4 digits';
  }
  if (body.default !== undefined && typeof body.default !== 'boolean') return 'default must be true or false';
  return undefined;
}

/** Call only after missingField and invalidField found nothing. */
export function toInput(body: Record<string, unknown>): SyncCardInput {
  const details = body.details as Record<string, unknown>;
  return {
    client_id: String(body.client_id),
    customer_id: String(body.customer_id),
    external_card_id: String(body.external_card_id),
    default: body.default === true,
    details: {
      exp_month: details.exp_month as number,
      exp_year: details.exp_year as number,
      last_4: details.last_4 as string,
      cardholder_name: String(details.cardholder_name),
      card_brand: String(details.card_brand),
    },
  };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
