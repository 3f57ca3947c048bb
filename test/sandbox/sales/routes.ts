import { salesError } from './errors.js';
import type { Route } from '../router.js';
import { syncCard } from './cards.js';
import { createClient, readClient } from './clients.js';
import { readSettings, updateSettings } from './settings.js';

const PREFIX = '/platform/v1';

/** The sales platform. sync_card lives behind the fallback base only; the main base answers 404 for it. */
export const salesRoutes: Route[] = [
  { method: 'GET', pattern: `${PREFIX}/payment/settings`, handler: readSettings },
  { method: 'POST', pattern: `${PREFIX}/payment/settings`, handler: updateSettings },
  { method: 'POST', pattern: `${PREFIX}/clients`, handler: createClient },
  { method: 'GET', pattern: `${PREFIX}/clients/:id`, handler: readClient },
  { method: 'POST', pattern: `${PREFIX}/payment/cards/sync_card`, handler: syncCard, bases: ['fallback'] },
  {
    method: 'POST',
    pattern: `${PREFIX}/payment/cards/sync_card`,
    handler: (ctx) => (ctx.misbehave.serveSyncCardOnMain ? syncCard(ctx) : salesError(404, 'NOT_FOUND', 'sync_card is only served by the fallback API')),
    bases: ['main'],
  },
];

/** Sales requests carry the sales error envelope on 401/404. */
export function isSalesPath(path: string): boolean {
  return path.startsWith(`${PREFIX}/`);
}
