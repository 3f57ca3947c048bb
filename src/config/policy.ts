import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import type { RetryPolicy } from '../core/settings.js';
import type { SourceSpan } from '../core/span.js';
import { isRecord, numberIn } from './read.js';
import { rangeOf } from './shape.js';

/**
 * Config sections read into settings. Their keys and written values were checked against
 * schema/config.schema.json when the file was read (config/shape.ts); what is left to check here is
 * values that came from `${ENV}`.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5_000, unsafe: false };

type SpanOf = (path: string) => SourceSpan | undefined;

/** `retry: { attempts, baseDelayMs, maxDelayMs, unsafe }`. */
export function readRetryPolicy(value: unknown, diagnostics: Diagnostic[], spanOf: SpanOf): RetryPolicy {
  if (!isRecord(value)) return { ...DEFAULT_RETRY };
  const num = (key: 'attempts' | 'baseDelayMs' | 'maxDelayMs') =>
    numberIn(value[key], `retry.${key}`, rangeOf('retry', key), diagnostics, spanOf(`retry.${key}`));
  return {
    attempts: num('attempts') ?? DEFAULT_RETRY.attempts,
    baseDelayMs: num('baseDelayMs') ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: num('maxDelayMs') ?? DEFAULT_RETRY.maxDelayMs,
    unsafe: booleanKey(value.unsafe, 'retry.unsafe', diagnostics, spanOf) ?? false,
  };
}

/** `rateLimit: { requestsPerSecond, maxConcurrent }` (top level, or per API under `apis.NAME.rateLimit`). */
export function readRateLimit(value: unknown, key: string, diagnostics: Diagnostic[], spanOf: SpanOf): { requestsPerSecond?: number; maxConcurrent?: number } {
  if (!isRecord(value)) return {};
  const num = (name: 'requestsPerSecond' | 'maxConcurrent') =>
    numberIn(value[name], `${key}.${name}`, rangeOf('rateLimit', name), diagnostics, spanOf(`${key}.${name}`));
  return { requestsPerSecond: num('requestsPerSecond'), maxConcurrent: num('maxConcurrent') };
}

/** true/false only: `allowDelete: "yes"` must not quietly mean false. */
export function booleanKey(value: unknown, key: string, diagnostics: Diagnostic[], spanOf: SpanOf): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  diagnostics.push(errorDiag('config-type', `\`${key}\` must be true or false, got ${JSON.stringify(value)}`, spanOf(key), { expected: 'true or false' }));
  return undefined;
}
