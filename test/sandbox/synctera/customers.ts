import { isRecord, json, type Reply } from '../http.js';
import { nowIso, uuid } from '../ids.js';
import type { RequestContext } from '../router.js';
import type { Customer } from './model.js';
import { badRequest, missingFields, missingReply, notFound } from './problems.js';

const STATUSES = ['ACTIVE', 'DECEASED', 'DENIED', 'DORMANT', 'ESCHEAT', 'FROZEN', 'INACTIVE', 'PROSPECT', 'SANCTION'];

/** POST /v0/customers: a personal customer (first_name, last_name, status). */
export function createCustomer(ctx: RequestContext): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const missing = missingFields(body, ['first_name', 'last_name', 'status']);
  if (missing.length > 0) return missingReply(missing);
  if (!STATUSES.includes(String(body.status))) return badRequest(`status must be one of ${STATUSES.join(', ')}`);
  if (body.dob !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(body.dob))) {
    return badRequest('dob must be a date in YYYY-MM-DD format');
  }
  const now = nowIso();
  const customer: Customer = {
    id: uuid(),
    first_name: String(body.first_name),
    last_name: String(body.last_name),
    dob: typeof body.dob === 'string' ? body.dob : undefined,
    email: typeof body.email === 'string' ? body.email : undefined,
    status: String(body.status),
    creation_time: now,
    last_updated_time: now,
  };
  ctx.state.synctera.customers.set(customer.id, customer);
  return json(201, customer);
}

/** GET /v0/customers/:id */
export function readCustomer(ctx: RequestContext): Reply {
  const customer = ctx.state.synctera.customers.get(ctx.params.id);
  return customer ? json(200, customer) : notFound('customer', ctx.params.id);
}
