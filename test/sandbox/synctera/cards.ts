import { isRecord, json, type Reply } from '../http.js';
import { nowIso, uuid } from '../ids.js';
import type { RequestContext } from '../router.js';
import type { Customer, ExternalCard } from './model.js';
import { badRequest, missingFields, missingReply, notFound } from './problems.js';
import { cardForToken, TEST_EXPIRY, type TestCard } from './test-cards.js';

/**
 * POST /v0/external_cards/tokens: turns an iFrame token into an External Card. The sandbox relaxes the
 * one-customer-per-card rule, as the real sandbox does, so the few test cards can be reused.
 */
export function createCardFromToken(ctx: RequestContext): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const missing = missingFields(body, ['customer_id', 'name', 'token']);
  if (missing.length > 0) return missingReply(missing);
  const customer = ctx.state.synctera.customers.get(String(body.customer_id));
  if (!customer) return notFound('customer', String(body.customer_id));
  const testCard = cardForToken(String(body.token));
  if (!testCard) return badRequest('token is unknown or expired');
  const now = nowIso();
  const card: ExternalCard = {
    id: uuid(),
    customer_id: customer.id,
    business_id: typeof body.business_id === 'string' ? body.business_id : undefined,
    name: String(body.name),
    currency: 'USD',
    last_four: testCard.pan.slice(-4),
    bin: testCard.pan.slice(0, 6),
    expiration_month: TEST_EXPIRY.month,
    expiration_year: TEST_EXPIRY.year,
    issuer: `Sandbox ${testCard.network} issuer`,
    status: 'ACTIVE',
    verifications: verifications(testCard, String(body.name), customer),
    created_time: now,
    last_modified_time: now,
  };
  ctx.state.synctera.cards.set(card.id, card);
  return json(201, card);
}

/** GET /v0/external_cards/:id */
export function readCard(ctx: RequestContext): Reply {
  const card = ctx.state.synctera.cards.get(ctx.params.id);
  return card ? json(200, card) : notFound('external card', ctx.params.id);
}

/** GET /v0/external_cards?customer_id=… */
export function listCards(ctx: RequestContext): Reply {
  const customerId = ctx.query.get('customer_id');
  const cards = [...ctx.state.synctera.cards.values()].filter((c) => !customerId || c.customer_id === customerId);
  return json(200, { external_cards: cards });
}

/** Name matching uses the customer's own name, whatever address is verified. */
function verifications(card: TestCard, name: string, customer: Customer): Record<string, unknown> {
  const sameName = name.trim().toLowerCase() === `${customer.first_name} ${customer.last_name}`.toLowerCase();
  const details = { country: 'US', currency: 'USD', network: card.network, product_type: card.productType, regulated: true };
  return {
    address_verification_result: 'VERIFIED',
    cvv2_result: 'VERIFIED',
    name_verification_result: sameName ? 'VERIFIED' : 'NAME_MISMATCH',
    pull_enabled: card.pull,
    push_enabled: card.push,
    pull_details: details,
    push_details: { ...details, funds_availability: 'NOW' },
    state: 'SUCCEEDED',
  };
}
