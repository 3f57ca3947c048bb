import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadJsonError, bearerToken, json, readJson, writeReply, type Reply } from './http.js';
import type { Misbehave } from './options.js';
import { matchRoute, pathExists, type Base, type Route } from './router.js';
import { salesError } from './sales/errors.js';
import { isSalesPath, salesRoutes } from './sales/routes.js';
import type { SandboxState } from './state.js';
import { badRequest, problem, unauthorized } from './synctera/problems.js';
import { syncteraRoutes } from './synctera/routes.js';

const ROUTES: Route[] = [...salesRoutes, ...syncteraRoutes];

/** Builds the request listener of one base URL; both bases share one state. */
export function requestHandler(base: Base, state: SandboxState, misbehave: Misbehave) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    answer(req, base, state, misbehave)
      .catch((error: unknown) => json(500, { error: error instanceof Error ? error.message : String(error) }))
      .then((reply) => {
        state.log.push({ method: req.method ?? 'GET', base, path: req.url ?? '/', status: reply.status });
        writeReply(res, reply);
      });
  };
}

async function answer(req: IncomingMessage, base: Base, state: SandboxState, misbehave: Misbehave): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  if (!bearerToken(req)) return errorFor(url.pathname, 'unauthorized');
  const match = matchRoute(
    ROUTES.filter((route) => !route.bases || route.bases.includes(base)),
    method,
    url.pathname,
  );
  if (!match) return errorFor(url.pathname, pathExists(ROUTES, url.pathname) ? 'method' : 'missing');
  let body: unknown;
  try {
    body = method === 'GET' || method === 'HEAD' ? {} : await readJson(req);
  } catch (error) {
    if (error instanceof BadJsonError) return errorFor(url.pathname, 'json', error.message);
    throw error;
  }
  return match.route.handler({ method, path: url.pathname, params: match.params, query: url.searchParams, body, state, misbehave, base });
}

type Failure = 'unauthorized' | 'missing' | 'method' | 'json';

/** Errors before any handler runs, in the envelope of the API the path belongs to. */
function errorFor(path: string, failure: Failure, detail = ''): Reply {
  const statuses: Record<Failure, number> = { unauthorized: 401, missing: 404, method: 405, json: 400 };
  const status = statuses[failure];
  if (isSalesPath(path)) {
    const messages: Record<Failure, string> = {
      unauthorized: 'Unauthorized: a bearer token is required',
      missing: `No route ${path}`,
      method: `Method not allowed on ${path}`,
      json: detail,
    };
    return salesError(status, failure.toUpperCase(), messages[failure]);
  }
  if (failure === 'unauthorized') return unauthorized();
  if (failure === 'json') return badRequest(detail);
  if (failure === 'method') return problem(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed', `method not allowed on ${path}`, 'method-not-allowed');
  return problem(404, 'RESOURCE_NOT_FOUND', 'Resource Not Found', `no route ${path}`, 'resource-not-found');
}
