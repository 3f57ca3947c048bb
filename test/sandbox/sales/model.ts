/** The sales platform's state: one business with its payment settings, clients and synced cards. */
export interface SalesState {
  businessId: string;
  staffId: string;
  settings: PaymentSettings;
  clients: Map<string, SalesClient>;
  cards: Map<string, SyncedCard>;
}

export interface PaymentSettings {
  stripe_user_id?: string;
  stripe_access_token?: string;
  payments_gateway_type?: string;
  payments_enabled: boolean;
  allow_credit_card: boolean;
  currency: string;
  [key: string]: unknown;
}

export interface SalesClient {
  id: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  created_at: string;
  updated_at: string;
}

/** The card shape of the spec's sync_card response example. */
export interface SyncedCard {
  id: string;
  active: boolean;
  business_id: string;
  card_brand: string;
  cardholder_name: string;
  client_id: string;
  created_at: string;
  default: boolean;
  exp_month: number;
  exp_year: number;
  last_4: string;
  payment_provider: string;
  staff_id: string;
  staff_name: string;
  customer_id: string;
  external_card_id: string;
}

/** How many cards one client may hold; the next sync is refused. */
export const CARD_LIMIT_PER_CLIENT = 5;

export function newSalesState(): SalesState {
  return {
    businessId: 'sandboxbusiness1',
    staffId: 'sandboxstaff0001',
    settings: { payments_enabled: false, allow_credit_card: false, currency: 'USD' },
    clients: new Map(),
    cards: new Map(),
  };
}

/** A gateway is connected once its credentials are stored and it is the active gateway type. */
export function gatewayConnected(settings: PaymentSettings): boolean {
  return settings.payments_gateway_type === 'stripe' && hasStripeCredentials(settings);
}

export function hasStripeCredentials(settings: PaymentSettings): boolean {
  return Boolean(settings.stripe_user_id && settings.stripe_access_token);
}
