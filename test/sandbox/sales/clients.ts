import { isRecord, type Reply } from '../http.js';
import { nowIso, platformUid } from '../ids.js';
import type { RequestContext } from '../router.js';
import { salesError, salesOk } from './errors.js';
import type { SalesClient } from './model.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** POST /platform/v1/clients → 201 `{ data: { client }, status: "OK" }`. */
export function createClient(ctx: RequestContext): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const { first_name, last_name, email } = body;
  if (first_name === undefined && last_name === undefined && email === undefined) {
    return salesError(422, 'MISSING_PARAMETER', 'One of first_name, last_name or email is required');
  }
  if (email !== undefined && (typeof email !== 'string' || !EMAIL.test(email))) {
    return salesError(422, 'INVALID_PARAMETER', 'email is not a valid email address');
  }
  const now = nowIso();
  const client: SalesClient = {
    id: platformUid(),
    first_name: asString(first_name),
    last_name: asString(last_name),
    email: asString(email),
    created_at: now,
    updated_at: now,
  };
  ctx.state.sales.clients.set(client.id, client);
  return salesOk(201, { client });
}

/** GET /platform/v1/clients/:id */
export function readClient(ctx: RequestContext): Reply {
  const client = ctx.state.sales.clients.get(ctx.params.id);
  if (!client) return salesError(404, 'NOT_FOUND', `Client ${ctx.params.id} not found`);
  return salesOk(200, { client });
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
