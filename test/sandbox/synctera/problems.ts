import type { Reply } from '../http.js';

/** Synctera's v0 error body (RFC 7807 plus the `code` preview), served as application/problem+json. */
export function problem(status: number, code: string, title: string, detail: string, type: string): Reply {
  return {
    status,
    contentType: 'application/problem+json',
    body: { code, detail, status, title, type: `https://dev.synctera.com/errors/${type}` },
  };
}

export const badRequest = (detail: string): Reply => problem(400, 'BAD_REQUEST_BODY', 'Bad Request Body', detail, 'bad-request-body');

export const notFound = (what: string, id: string): Reply =>
  problem(404, 'RESOURCE_NOT_FOUND', 'Resource Not Found', `${what} ${id} not found`, 'resource-not-found');

/** A business rule refused the request (422 "Rule Violation"). */
export const ruleViolation = (code: string, detail: string): Reply => problem(422, code, 'Rule Violation', detail, 'rule-violation');

export const unauthorized = (): Reply => problem(401, 'UNAUTHORIZED', 'Unauthorized', 'a bearer API key is required', 'unauthorized');

/** Names of required fields that are absent, null or empty in a body. */
export function missingFields(body: Record<string, unknown>, required: string[]): string[] {
  return required.filter((name) => body[name] === undefined || body[name] === null || body[name] === '');
}

export function missingReply(missing: string[]): Reply {
  return badRequest(`missing required fields: ${missing.join(', ')}`);
}
