import type { Route } from '../router.js';
import { createAccount, readAccount } from './accounts.js';
import { createCardFromToken, listCards, readCard } from './cards.js';
import { createCustomer, readCustomer } from './customers.js';
import { createReversal } from './reversals.js';
import { createTransfer, listTransfers, readTransfer } from './transfers.js';

const V0 = '/v0';

/** Synctera v0: literal paths are listed before `:id` ones so `/external_cards/transfers` is not a card id. */
export const syncteraRoutes: Route[] = [
  { method: 'POST', pattern: `${V0}/customers`, handler: createCustomer },
  { method: 'GET', pattern: `${V0}/customers/:id`, handler: readCustomer },
  { method: 'POST', pattern: `${V0}/accounts`, handler: createAccount },
  { method: 'GET', pattern: `${V0}/accounts/:id`, handler: readAccount },
  { method: 'POST', pattern: `${V0}/external_cards/tokens`, handler: createCardFromToken },
  { method: 'GET', pattern: `${V0}/external_cards`, handler: listCards },
  { method: 'POST', pattern: `${V0}/external_cards/transfers`, handler: createTransfer },
  { method: 'GET', pattern: `${V0}/external_cards/transfers`, handler: listTransfers },
  { method: 'GET', pattern: `${V0}/external_cards/transfers/:id`, handler: readTransfer },
  { method: 'POST', pattern: `${V0}/external_cards/transfers/:id/reversals`, handler: createReversal },
  { method: 'GET', pattern: `${V0}/external_cards/:id`, handler: readCard },
];

export function isSyncteraPath(path: string): boolean {
  return path.startsWith(`${V0}/`);
}
