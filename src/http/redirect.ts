import { HttpError } from '../core/errors.js';
import type { HttpRequest } from './types.js';

/** Hops followed before giving up; browsers allow 20, an API that needs more than 5 is broken. */
export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Never carried to another origin (as fetch does), plus the request's own token header. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * The request to send after a redirect answer, or undefined when the answer is not a redirect.
 * `chain` holds the URLs visited so far (the first request's included). A loop, too many hops or
 * a Location that is not http(s) is an HttpError with one line naming the hops.
 */
export function followRedirect(status: number, headers: Record<string, string>, current: HttpRequest, chain: readonly string[]): HttpRequest | undefined {
  const location = headers.location;
  if (!REDIRECTS.has(status) || !location) return undefined;
  let next: URL;
  try {
    next = new URL(location, current.url);
  } catch {
    throw new HttpError(`redirect ${status} to an invalid Location \`${location}\``, 'redirect-invalid');
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:')
    throw new HttpError(`redirect ${status} to a non-HTTP Location \`${location}\``, 'redirect-invalid');
  const url = next.toString();
  if (chain.includes(url)) throw new HttpError(`redirect loop: ${[...chain, url].map(short).join(' → ')}`, 'redirect-loop');
  if (chain.length > MAX_REDIRECTS)
    throw new HttpError(`too many redirects (more than ${MAX_REDIRECTS}): ${[...chain, url].map(short).join(' → ')}`, 'redirect-limit');
  const method = nextMethod(status, current);
  const carried = carriedHeaders(current, url, method.bodyKind === 'none' && current.bodyKind !== 'none');
  return { ...current, url, ...method, headers: carried };
}

/** 303, and 301/302 after a POST, turn into a GET without a body (what every client does); 307/308 repeat as sent. */
function nextMethod(status: number, current: HttpRequest): Pick<HttpRequest, 'method' | 'bodyKind' | 'body' | 'files'> {
  const toGet = (status === 303 && current.method !== 'HEAD') || ((status === 301 || status === 302) && current.method === 'POST');
  if (!toGet) return { method: current.method, bodyKind: current.bodyKind, body: current.body, files: current.files };
  return { method: 'GET', bodyKind: 'none', body: undefined, files: undefined };
}

function carriedHeaders(current: HttpRequest, url: string, bodyDropped: boolean): Record<string, string> {
  const sameOrigin = new URL(current.url).origin === new URL(url).origin;
  const dropped = new Set(sameOrigin ? [] : [...CREDENTIAL_HEADERS, ...(current.sensitiveHeaders ?? []).map((h) => h.toLowerCase())]);
  if (bodyDropped) dropped.add('content-type');
  return Object.fromEntries(Object.entries(current.headers).filter(([k]) => !dropped.has(k.toLowerCase())));
}

/** Path and query when the origin is the first one's, for a readable chain. */
function short(url: string, index: number, all: string[]): string {
  const first = new URL(all[0]);
  const u = new URL(url);
  return index > 0 && u.origin === first.origin ? u.pathname + u.search : url;
}
