import type { Dispatcher } from 'undici';
import { setOwn } from '../core/own-property.js';
import type { FailedPhase } from './errors.js';
import type { CappedBody } from './response.js';

export interface ExchangeLimits {
  /** The whole exchange (queue, headers and body) must end within this. */
  timeoutMs: number;
  /** Body bytes kept; past this the connection is closed and the body marked truncated. */
  maxBodyBytes: number;
}

export interface Exchanged {
  status: number;
  /** Lower-cased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: CappedBody;
  /** Set-Cookie values one by one, when there are any. */
  setCookies?: string[];
}

/** Why an exchange failed and where it was, for a one-line message (describeNetworkError). */
export interface ExchangeFailure {
  error: unknown;
  phase: FailedPhase;
  /** Body bytes received before the failure. */
  bytes: number;
  timedOut: boolean;
}

/**
 * One request through undici's dispatcher, its answer collected straight into memory up to the
 * cap. undici's `request()` wraps each answer in a Readable stream, an AsyncResource and (for a
 * timeout) an AbortController with listeners; reading that stream with `for await` costs more
 * again. A test runner reads every body whole, so the handler keeps the chunks itself: the same
 * connection pool and parser, a fraction of the work per request.
 */
export class Exchange implements Dispatcher.DispatchHandler {
  readonly done: Promise<Exchanged>;
  private settle!: { resolve: (value: Exchanged) => void; reject: (failure: ExchangeFailure) => void };
  private abortConnection?: (reason: Error) => void;
  private reason?: Error;
  private finished = false;
  private timedOut = false;
  private readonly timer: NodeJS.Timeout;
  private status = 0;
  private rawHeaders: Buffer[] = [];
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private phase: FailedPhase = 'headers';

  constructor(
    private readonly options: ExchangeLimits,
    private readonly onSettled?: (exchange: Exchange) => void,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.cancel(new DOMException(`timeout after ${options.timeoutMs} ms`, 'TimeoutError'));
    }, options.timeoutMs);
  }

  /** Ends the exchange with `reason` (a timeout, an interrupt): now if it is under way, else when it starts. */
  cancel(reason: Error): void {
    if (this.finished) return;
    this.reason ??= reason;
    this.abortConnection?.(reason);
  }

  onConnect(abort: (reason?: Error) => void): void {
    if (this.reason) abort(this.reason);
    else this.abortConnection = abort;
  }

  onHeaders(status: number, rawHeaders: Buffer[]): boolean {
    if (status < 200) return true; // 1xx: informational, the real answer follows
    this.status = status;
    this.rawHeaders = rawHeaders;
    this.phase = 'body';
    return true;
  }

  onData(chunk: Buffer): boolean {
    const room = this.options.maxBodyBytes - this.size;
    this.size += chunk.length;
    if (chunk.length <= room) {
      this.chunks.push(chunk);
      return true;
    }
    // Over the cap: keep what fits, answer now, and close the connection rather than read the rest.
    if (room > 0) this.chunks.push(chunk.subarray(0, room));
    this.succeed(true);
    this.abortConnection?.(new Error('body cap reached'));
    return false;
  }

  onComplete(): void {
    this.succeed(false);
  }

  onError(error: Error): void {
    if (this.finish()) this.settle.reject({ error: this.reason ?? error, phase: this.phase, bytes: this.size, timedOut: this.timedOut });
  }

  private succeed(truncated: boolean): void {
    if (!this.finish()) return;
    const text = this.chunks.length === 1 ? this.chunks[0].toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
    this.settle.resolve({
      status: this.status,
      headers: headerRecord(this.rawHeaders),
      body: { text, size: this.size, truncated },
      setCookies: setCookieList(this.rawHeaders),
    });
  }

  private finish(): boolean {
    if (this.finished) return false;
    this.finished = true;
    clearTimeout(this.timer);
    this.onSettled?.(this);
    return true;
  }
}

/** undici's raw `[name, value, …]` pairs → lower-cased names, repeated values joined. */
function headerRecord(raw: Buffer[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toString('latin1').toLowerCase();
    const value = raw[i + 1].toString('latin1');
    setOwn(headers, name, Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value);
  }
  return headers;
}

/** Set-Cookie headers one by one: they cannot be joined with `, ` (an Expires date holds a comma). */
function setCookieList(raw: Buffer[]): string[] | undefined {
  let out: string[] | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].length === 10 && raw[i].toString('latin1').toLowerCase() === 'set-cookie') (out ??= []).push(raw[i + 1].toString('latin1'));
  }
  return out;
}
