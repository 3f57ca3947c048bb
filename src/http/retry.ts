import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError } from '../core/errors.js';
import type { StepAttempt } from '../core/result.js';
import type { RetryPolicy } from '../core/settings.js';
import type { HttpResponse } from './types.js';

/** Statuses a live API answers when it is busy or briefly down: worth another try after a pause. */
export const RETRYABLE_STATUSES: readonly number[] = [429, 502, 503];
/** Error codes (from describeNetworkError) worth another try. A timeout is not: it would multiply the wait. */
const RETRYABLE_ERRORS = new Set(['connection-reset']);
/** Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** A Retry-After longer than this is not waited for: the attempt stands as the answer. */
export const MAX_RETRY_AFTER_MS = 60_000;

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/**
 * `Retry-After` in milliseconds from now: delta-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`). Undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * min(maxDelay, base·2^(n-1)), so docs that failed together do not retry together.
 */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface RetryOptions {
  policy: RetryPolicy;
  method: string;
  /** The doc opted in to retrying non-idempotent requests (or config `retry.unsafe`). */
  unsafe?: boolean;
  /** Statuses the step expects: never retried even when retryable (a step may test for a 503). */
  accepts?: (status: number) => boolean;
  signal?: AbortSignal;
  /** Called once per attempt, in order, for the report. */
  onAttempt?: (attempt: StepAttempt) => void;
  random?: () => number;
}

type Outcome = { response: HttpResponse } | { error: unknown };

/**
 * Sends, and sends again after a pause on 429/502/503 or a reset connection, up to
 * `policy.attempts` in all. Only idempotent requests are repeated unless the doc opts in.
 * Retry-After is honoured (seconds or HTTP-date) up to MAX_RETRY_AFTER_MS.
 */
export async function sendWithRetry(send: () => Promise<HttpResponse>, options: RetryOptions): Promise<HttpResponse> {
  const max = Math.max(1, options.policy.attempts);
  const repeatable = options.unsafe === true || options.policy.unsafe || isIdempotent(options.method);
  for (let attempt = 1; ; attempt++) {
    const t0 = performance.now();
    const outcome: Outcome = await send().then(
      (response) => ({ response }),
      (error: unknown) => ({ error }),
    );
    const wait = repeatable && attempt < max ? delayBeforeRetry(outcome, attempt, options) : undefined;
    options.onAttempt?.(describeAttempt(outcome, performance.now() - t0, wait));
    if (wait === undefined) {
      if ('error' in outcome) throw outcome.error;
      return outcome.response;
    }
    try {
      await sleep(wait, undefined, { signal: options.signal });
    } catch {
      throw new HttpError('request aborted (run interrupted)', 'aborted');
    }
  }
}

/** The pause before the next attempt, or undefined when this outcome is final. */
function delayBeforeRetry(outcome: Outcome, attempt: number, options: RetryOptions): number | undefined {
  if (options.signal?.aborted) return undefined;
  if ('error' in outcome) {
    const code = outcome.error instanceof HttpError ? outcome.error.code : undefined;
    return code && RETRYABLE_ERRORS.has(code) ? backoffDelay(attempt, options.policy, options.random) : undefined;
  }
  const { status, headers } = outcome.response;
  if (!RETRYABLE_STATUSES.includes(status) || options.accepts?.(status)) return undefined;
  const after = parseRetryAfter(headers['retry-after']);
  if (after === undefined) return backoffDelay(attempt, options.policy, options.random);
  if (after > MAX_RETRY_AFTER_MS) return undefined;
  // At least what the server asked for, plus a little jitter so concurrent docs spread out.
  return Math.ceil(after + (options.random ?? Math.random)() * Math.min(after * 0.1, options.policy.baseDelayMs));
}

function describeAttempt(outcome: Outcome, durationMs: number, waitMs: number | undefined): StepAttempt {
  const attempt: StepAttempt =
    'error' in outcome
      ? { error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error), durationMs: Math.round(durationMs) }
      : { status: outcome.response.status, durationMs: Math.round(outcome.response.durationMs) };
  if (waitMs !== undefined) attempt.retryInMs = waitMs;
  return attempt;
}
