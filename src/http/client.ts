import type { Dispatcher } from 'undici';
import { Agent } from './undici-lite.js';
import type { ApiTarget } from '../core/settings.js';
import { AbortWatch } from './abort-watch.js';
import { describeNetworkError } from './errors.js';
import { encodeBody } from './encode.js';
import { Exchange, type ExchangeFailure } from './exchange.js';
import { RateLimiter } from './rate-limit.js';
import { followRedirect } from './redirect.js';
import { toResponse } from './response.js';
import type { CookieStore, HttpRequest, HttpResponse } from './types.js';

export interface HttpClientOptions {
  timeoutMs: number;
  /** Bodies over this size are cut (and marked truncated), never buffered without bound. */
  maxBodyBytes: number;
  /** Per-API rate limits (`requestsPerSecond`, `maxConcurrent`), looked up by HttpRequest.api. */
  apis?: Record<string, ApiTarget>;
}

export interface SendOptions {
  /** Follow 301/302/303/307/308 (default). Off when the step expects a redirect status itself. */
  followRedirects?: boolean;
  /** The doc run's cookie jar: Cookie sent and Set-Cookie stored on every hop, redirects included. */
  cookies?: CookieStore;
}

/**
 * One undici Agent for the whole run: it keeps one keep-alive pool per origin, so a thousand
 * requests to one API reuse a handful of connections.
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly limiter: RateLimiter;
  private readonly inFlight = new AbortWatch<Exchange>();

  constructor(private readonly options: HttpClientOptions) {
    this.agent = new Agent({
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: Math.min(options.timeoutMs, 10_000) },
    });
    this.limiter = new RateLimiter(options.apis ?? {});
  }

  /** Waits for the API's rate limit, then sends, following redirects (each hop has its own timeout). */
  async send(request: HttpRequest, signal?: AbortSignal, options: SendOptions = {}): Promise<HttpResponse> {
    const release = await this.limiter.acquire(request.api, signal);
    try {
      const started = performance.now();
      const chain = [request.url];
      let current = request;
      for (;;) {
        const response = options.cookies ? await this.sendWithCookies(current, options.cookies, signal) : await this.sendOnce(current, signal);
        const next = options.followRedirects === false ? undefined : followRedirect(response.status, response.headers, current, chain);
        if (!next) {
          response.durationMs = performance.now() - started;
          if (chain.length > 1) response.redirects = chain.slice(1);
          return response;
        }
        chain.push(next.url);
        current = next;
      }
    } finally {
      release();
    }
  }

  /** The jar's cookies joined to any Cookie header the step wrote itself; Set-Cookie answers stored. */
  private async sendWithCookies(request: HttpRequest, cookies: CookieStore, signal?: AbortSignal): Promise<HttpResponse> {
    const fromJar = await cookies.header(request.url);
    let sent = request;
    if (fromJar) {
      const own = Object.keys(request.headers).find((k) => k.toLowerCase() === 'cookie');
      const headers = { ...request.headers };
      if (own) delete headers[own];
      headers.cookie = own ? `${request.headers[own]}; ${fromJar}` : fromJar;
      sent = { ...request, headers };
    }
    const response = await this.sendOnce(sent, signal);
    if (response.setCookies) await cookies.store(request.url, response.setCookies);
    return response;
  }

  private async sendOnce(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    const { body, contentType } = await encodeBody(request);
    const headers = { ...request.headers };
    if (request.specHint) headers['x-stepdoc-spec'] = encodeURIComponent(request.specHint);
    if (request.expectHint?.length) headers['x-stepdoc-expect'] = request.expectHint.join(',');
    if (contentType && !hasHeader(headers, 'content-type')) headers['content-type'] = contentType;
    const { timeoutMs, maxBodyBytes } = this.options;
    if (signal?.aborted) throw describeNetworkError(signal.reason, timeoutMs, true);
    const { origin, pathname, search } = new URL(request.url);
    const started = performance.now();
    const exchange = new Exchange({ timeoutMs, maxBodyBytes }, signal && ((done) => this.inFlight.delete(signal, done)));
    if (signal) this.inFlight.add(signal, exchange);
    this.agent.dispatch({ origin, path: pathname + search, method: request.method as Dispatcher.HttpMethod, headers, body }, exchange);
    try {
      const { status, headers: received, body: read, setCookies } = await exchange.done;
      const response = toResponse(status, received, read, performance.now() - started, maxBodyBytes);
      if (setCookies) response.setCookies = setCookies;
      return response;
    } catch (failure) {
      const { error, phase, bytes, timedOut } = failure as ExchangeFailure;
      const aborted = signal?.aborted === true;
      throw describeNetworkError(timedOut && !aborted ? { code: 'TimeoutError' } : error, timeoutMs, aborted, { phase, bytes });
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}
