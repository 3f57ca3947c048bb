import { HttpError } from '../core/errors.js';
import type { OAuth2Settings, RetryPolicy } from '../core/settings.js';
import { sendWithRetry } from './retry.js';
import type { HttpRequest, HttpResponse } from './types.js';

/** A token as the endpoint gave it, and until when it may be used (undefined: for the whole run). */
export interface FetchedToken {
  token: string;
  expiresAt?: number;
}

export interface TokenFetchDeps {
  send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse>;
  retry: RetryPolicy;
  now(): number;
}

/** A token endpoint that failed: the step fails with this one line, naming the profile. */
export class TokenEndpointError extends HttpError {}

/** At most 30 s, and never more than a tenth of the token's life: a 1 s token is still used for 0.9 s. */
export function expiryMargin(lifetimeMs: number): number {
  return Math.min(30_000, lifetimeMs / 10);
}

/**
 * One client-credentials grant (RFC 6749 §4.4). `auth: basic` sends the client in an Authorization
 * header (each part form-encoded, §2.3.1), `body` sends client_id/client_secret in the form.
 */
export async function fetchToken(
  name: string,
  settings: OAuth2Settings,
  auth: 'basic' | 'body',
  deps: TokenFetchDeps,
  signal?: AbortSignal,
): Promise<{ response: HttpResponse; sentAt: number }> {
  const body: Record<string, string> = { grant_type: 'client_credentials' };
  if (settings.scope) body.scope = settings.scope;
  if (settings.audience) body.audience = settings.audience;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth === 'body') Object.assign(body, { client_id: settings.clientId, client_secret: settings.clientSecret });
  else headers.authorization = `Basic ${Buffer.from(`${formEncode(settings.clientId)}:${formEncode(settings.clientSecret)}`).toString('base64')}`;
  const request: HttpRequest = { method: 'POST', url: settings.tokenUrl, headers, bodyKind: 'form', body, sensitiveHeaders: ['authorization'] };
  const sentAt = deps.now();
  try {
    // A token request changes nothing on the server: 429/502/503 and resets are retried like a GET.
    const response = await sendWithRetry(() => deps.send(request, signal), { policy: deps.retry, method: 'POST', unsafe: true, signal });
    return { response, sentAt };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TokenEndpointError(`token profile \`${name}\`: cannot get a token from ${settings.tokenUrl}: ${reason}`, 'oauth2-token', error);
  }
}

/** The token of a 2xx answer, or the endpoint's own words (`invalid_client: …`) in a TokenEndpointError. */
export function readTokenResponse(name: string, settings: OAuth2Settings, response: HttpResponse, sentAt: number): FetchedToken {
  const json = response.json as Record<string, unknown> | undefined;
  if (response.status < 200 || response.status > 299) {
    throw new TokenEndpointError(
      `token profile \`${name}\`: the token endpoint ${settings.tokenUrl} answered ${response.status}${endpointSays(json, response.bodyText)}`,
      'oauth2-token',
    );
  }
  const token = json?.access_token;
  if (typeof token !== 'string' || token === '') {
    throw new TokenEndpointError(
      `token profile \`${name}\`: the token endpoint ${settings.tokenUrl} answered ${response.status} without an \`access_token\` (expected a JSON body { access_token, expires_in })`,
      'oauth2-token',
    );
  }
  const seconds = Number(json?.expires_in);
  if (json?.expires_in === undefined || !Number.isFinite(seconds) || seconds <= 0) return { token };
  const lifetime = seconds * 1000;
  return { token, expiresAt: sentAt + lifetime - expiryMargin(lifetime) };
}

function endpointSays(json: Record<string, unknown> | undefined, text: string): string {
  if (json && typeof json.error === 'string') {
    const description = typeof json.error_description === 'string' ? `: ${json.error_description}` : '';
    return ` (${json.error}${description})`;
  }
  const line = text.trim().split('\n')[0].slice(0, 200);
  return line ? ` (${line})` : '';
}

/** application/x-www-form-urlencoded, as §2.3.1 asks for the client id and secret before base64. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
