import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The per-process token: the page gets it from the printed URL; every /api request must carry it. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * DNS rebinding: a hostile page can point its own name at 127.0.0.1, but its requests then carry
 * its own Host header. Only our loopback names with our own port are served.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser says where a request comes from; a state change from any other origin is refused. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The token from the `x-stepdoc-token` header, or `?token=` (EventSource cannot send headers). */
export function tokenAllowed(req: IncomingMessage, url: URL, token: string): boolean {
  const given = headerValue(req.headers['x-stepdoc-token']) ?? url.searchParams.get('token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
