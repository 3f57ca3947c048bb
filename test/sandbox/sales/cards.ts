import { isRecord, type Reply } from '../http.js';
import { nowIso, platformUid } from '../ids.js';
import type { RequestContext } from '../router.js';
import { salesError, salesOk } from './errors.js';
import { CARD_LIMIT_PER_CLIENT, gatewayConnected, type SalesState, type SyncedCard } from './model.js';
import { invalidField, missingField, toInput, type SyncCardInput } from './sync-card-input.js';

/**
 * POST /platform/v1/payment/cards/sync_card (fallback base only). Checks, in order: required fields, field
 * types, a connected gateway, the client, business-wide duplicates (exp_month + exp_year + last_4), the
 * per-client card limit. The client's first card always becomes its default card.
 */
export function syncCard(ctx: RequestContext): Reply {
  const { misbehave } = ctx;
  const sales = ctx.state.sales;
  const body = isRecord(ctx.body) ? ctx.body : {};
  const missing = missingField(body);
  if (missing && !misbehave.allowMissingFields) {
    return salesError(422, 'MISSING_PARAMETER', `Mandatory parameter ${missing} is missing`);
  }
  const invalid = missing ? undefined : invalidField(body);
  if (invalid) return salesError(422, 'INVALID_PARAMETER', invalid);
  if (!gatewayConnected(sales.settings) && !misbehave.acceptWithoutGateway) {
    return salesError(422, 'GATEWAY_NOT_CONNECTED', 'No payment gateway is connected for this business');
  }
  const input = missing ? lenientInput(body) : toInput(body);
  if (!sales.clients.has(input.client_id)) {
    return salesError(422, 'CLIENT_NOT_FOUND', `Client ${input.client_id} not found`);
  }
  if (findDuplicate(sales, input) && !misbehave.allowDuplicateCards) {
    return salesError(422, 'DUPLICATE_CARD', 'A card with the same exp_month, exp_year and last_4 already exists');
  }
  const owned = cardsOf(sales, input.client_id);
  if (owned.length >= CARD_LIMIT_PER_CLIENT && !misbehave.ignoreCardLimit) {
    return salesError(422, 'CARD_LIMIT_REACHED', `A client can hold at most ${CARD_LIMIT_PER_CLIENT} cards`);
  }
  const card = store(sales, input, owned.length === 0 && !misbehave.noAutoDefault);
  return salesOk(201, { card: present(card) });
}

function store(sales: SalesState, input: SyncCardInput, firstCard: boolean): SyncedCard {
  const makeDefault = input.default || firstCard;
  if (makeDefault) for (const card of cardsOf(sales, input.client_id)) card.default = false;
  const card: SyncedCard = {
    id: platformUid(),
    active: true,
    business_id: sales.businessId,
    ...input.details,
    client_id: input.client_id,
    created_at: nowIso(),
    default: makeDefault,
    payment_provider: 'stripe',
    staff_id: sales.staffId,
    staff_name: 'Sandbox Staff',
    customer_id: input.customer_id,
    external_card_id: input.external_card_id,
  };
  sales.cards.set(card.id, card);
  return card;
}

/** The response shows the card as the spec's example does (gateway ids stay internal). */
function present(card: SyncedCard): Record<string, unknown> {
  const { customer_id: _customer, external_card_id: _external, ...shown } = card;
  return shown;
}

function findDuplicate(sales: SalesState, input: SyncCardInput): SyncedCard | undefined {
  const { exp_month, exp_year, last_4 } = input.details;
  for (const card of sales.cards.values()) {
    if (card.exp_month === exp_month && card.exp_year === exp_year && card.last_4 === last_4) return card;
  }
  return undefined;
}

function cardsOf(sales: SalesState, clientId: string): SyncedCard[] {
  return [...sales.cards.values()].filter((card) => card.client_id === clientId);
}

/** With `allowMissingFields` the sandbox fills the gaps instead of refusing, like a careless API would. */
function lenientInput(body: Record<string, unknown>): SyncCardInput {
  const details = isRecord(body.details) ? body.details : {};
  return {
    client_id: String(body.client_id ?? ''),
    customer_id: String(body.customer_id ?? ''),
    external_card_id: String(body.external_card_id ?? ''),
    default: body.default === true,
    details: {
      exp_month: Number(details.exp_month ?? 1),
      exp_year: Number(details.exp_year ?? 2030),
      last_4: String(details.last_4 ?? '0000'),
      cardholder_name: String(details.cardholder_name ?? ''),
      card_brand: String(details.card_brand ?? 'unknown'),
    },
  };
}
