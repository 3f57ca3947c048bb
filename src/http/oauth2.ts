import type { OAuth2Settings, TokenProfile } from '../core/settings.js';
import { fetchToken, readTokenResponse, type FetchedToken, type TokenFetchDeps } from './oauth2-fetch.js';
import type { HttpRequest, HttpResponse } from './types.js';

interface Entry {
  promise: Promise<FetchedToken>;
  /** Set once the promise resolved: lets a 401 drop exactly the token that was refused. */
  value?: FetchedToken;
}

export interface OAuth2TokensOptions extends Omit<TokenFetchDeps, 'now'> {
  /** Called with every fetched token before it is used: it is a secret from then on. */
  onToken(token: string): void;
  now?: () => number;
}

/**
 * OAuth2 client-credentials tokens of one run, per profile: fetched on first use, one request in
 * flight however many docs ask at once (the others wait for it), reused until `expires_in` minus a
 * margin, fetched again once after a 401. A failed fetch stays failed for the run: every step of
 * the profile fails with the same line instead of hammering a broken endpoint.
 */
export class OAuth2Tokens {
  private readonly entries = new Map<string, Entry>();
  /** Profiles whose endpoint refused Basic client auth: they use the body from then on. */
  private readonly bodyAuth = new Set<string>();
  private readonly deps: TokenFetchDeps;

  constructor(private readonly options: OAuth2TokensOptions) {
    this.deps = { send: options.send, retry: options.retry, now: options.now ?? Date.now };
  }

  async token(name: string, settings: OAuth2Settings, signal?: AbortSignal): Promise<string> {
    for (;;) {
      let entry = this.entries.get(name);
      if (!entry) {
        entry = this.start(name, settings, signal);
        this.entries.set(name, entry);
      }
      const fetched = await entry.promise;
      if (fetched.expiresAt === undefined || this.deps.now() < fetched.expiresAt) return fetched.token;
      // Expired: the first waiter to notice drops it; the others then find the new fetch in flight.
      if (this.entries.get(name) === entry) this.entries.delete(name);
    }
  }

  /** A 401 for `token`: forget it (unless another step already did and a new one is on its way). */
  invalidate(name: string, token: string): void {
    const entry = this.entries.get(name);
    if (entry?.value?.token === token) this.entries.delete(name);
  }

  private start(name: string, settings: OAuth2Settings, signal?: AbortSignal): Entry {
    const entry: Entry = { promise: this.fetch(name, settings, signal) };
    entry.promise.then(
      (value) => (entry.value = value),
      () => {},
    );
    return entry;
  }

  private async fetch(name: string, settings: OAuth2Settings, signal?: AbortSignal): Promise<FetchedToken> {
    let auth: OAuth2Settings['auth'] = settings.auth === 'basic' && !this.bodyAuth.has(name) ? 'basic' : 'body';
    let { response, sentAt } = await fetchToken(name, settings, auth, this.deps, signal);
    // Many servers take only one of the two client auth methods: basic (the default) falls back to the body once.
    if (response.status === 401 && auth === 'basic' && !settings.authExplicit) {
      auth = 'body';
      this.bodyAuth.add(name);
      ({ response, sentAt } = await fetchToken(name, settings, auth, this.deps, signal));
    }
    const fetched = readTokenResponse(name, settings, response, sentAt);
    this.options.onToken(fetched.token);
    return fetched;
  }
}

/** The request with the profile's header carrying `token` (e.g. `Authorization: Bearer …`). */
export function withToken(request: HttpRequest, profile: TokenProfile, token: string): HttpRequest {
  const headers = { ...request.headers };
  for (const key of Object.keys(headers)) if (key.toLowerCase() === profile.header.toLowerCase()) delete headers[key];
  headers[profile.header] = profile.scheme ? `${profile.scheme} ${token}` : token;
  return { ...request, headers };
}

/**
 * Sends a request that carries `token` of an OAuth2 profile; a 401 (when the step does not expect
 * one) drops that token and sends once more with a fresh one, before the step can fail.
 */
export async function sendRefreshing(
  tokens: OAuth2Tokens,
  request: HttpRequest,
  profile: TokenProfile,
  token: string,
  send: (request: HttpRequest) => Promise<HttpResponse>,
  signal?: AbortSignal,
): Promise<HttpResponse> {
  const name = request.oauth2Profile!;
  const first = await send(withToken(request, profile, token));
  if (first.status !== 401 || !profile.oauth2) return first;
  tokens.invalidate(name, token);
  const fresh = await tokens.token(name, profile.oauth2, signal);
  return send(withToken(request, profile, fresh));
}
