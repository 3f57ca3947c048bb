import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { describeNetworkError } from './errors.js';
import { encodeBody } from './encode.js';
import type { HttpRequest, HttpResponse } from './types.js';

export interface HttpClientOptions {
  timeoutMs: number;
  /** Bodies over this size are cut (and marked truncated), never buffered without bound. */
  maxBodyBytes: number;
}

/**
 * One undici Agent for the whole run: it keeps one keep-alive pool per origin, so a thousand
 * requests to one API reuse a handful of connections.
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(private readonly options: HttpClientOptions) {
    this.agent = new Agent({
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: Math.min(options.timeoutMs, 10_000) },
    });
  }

  async send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    const { body, contentType } = await encodeBody(request);
    const headers = { ...request.headers };
    if (contentType && !hasHeader(headers, 'content-type')) headers['content-type'] = contentType;
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const started = performance.now();
    try {
      const response = await undiciRequest(request.url, {
        method: request.method as Dispatcher.HttpMethod,
        headers,
        body,
        dispatcher: this.agent,
        signal: combined,
      });
      const { text, size, truncated } = await readCapped(response.body, this.options.maxBodyBytes);
      const durationMs = performance.now() - started;
      return toResponse(response.statusCode, response.headers, text, size, truncated, durationMs);
    } catch (error) {
      const aborted = signal?.aborted === true;
      const timedOut = deadline.aborted && !aborted;
      throw describeNetworkError(timedOut ? { code: 'TimeoutError' } : error, this.options.timeoutMs, aborted);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    const room = limit - size;
    if (chunk.length > room) {
      if (room > 0) chunks.push(chunk.subarray(0, room));
      size += chunk.length;
      truncated = true;
      body.destroy();
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), size, truncated };
}

function toResponse(status: number, raw: Record<string, string | string[] | undefined>, text: string, size: number, truncated: boolean, durationMs: number): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  const response: HttpResponse = { status, headers, bodyText: text, size, truncated, durationMs };
  if (/\bjson\b|\+json/i.test(headers['content-type'] ?? '') && text.length > 0 && !truncated) {
    try {
      response.json = JSON.parse(text);
    } catch (error) {
      response.jsonError = `the response says JSON but is not: ${(error as Error).message}`;
    }
  }
  return response;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}
