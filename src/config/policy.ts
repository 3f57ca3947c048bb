import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import type { RetryPolicy } from '../core/settings.js';
import { didYouMean } from '../core/suggest.js';
import { isRecord, numberIn } from './read.js';

const RETRY_KEYS = ['attempts', 'baseDelayMs', 'maxDelayMs', 'unsafe'];
const RATE_LIMIT_KEYS = ['requestsPerSecond', 'maxConcurrent'];
export const API_KEYS = ['baseUrl', 'rateLimit'];

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5_000, unsafe: false };

/** `retry: { attempts, baseDelayMs, maxDelayMs, unsafe }`, each checked: a typo or a wrong type is an error, not a silent default. */
export function readRetryPolicy(value: unknown, diagnostics: Diagnostic[]): RetryPolicy {
  if (value === undefined) return { ...DEFAULT_RETRY };
  if (!isRecord(value)) {
    diagnostics.push(errorDiag('config-type', '`retry` must be a mapping: { attempts, baseDelayMs, maxDelayMs, unsafe }'));
    return { ...DEFAULT_RETRY };
  }
  unknownKeys(value, RETRY_KEYS, 'retry', diagnostics);
  return {
    attempts: numberIn(value.attempts, 'retry.attempts', 1, 20, diagnostics) ?? DEFAULT_RETRY.attempts,
    baseDelayMs: numberIn(value.baseDelayMs, 'retry.baseDelayMs', 0, 600_000, diagnostics) ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: numberIn(value.maxDelayMs, 'retry.maxDelayMs', 0, 600_000, diagnostics) ?? DEFAULT_RETRY.maxDelayMs,
    unsafe: booleanKey(value.unsafe, 'retry.unsafe', diagnostics) ?? false,
  };
}

/** `rateLimit: { requestsPerSecond, maxConcurrent }` (top level, or per API under `apis.NAME.rateLimit`). */
export function readRateLimit(value: unknown, key: string, diagnostics: Diagnostic[]): { requestsPerSecond?: number; maxConcurrent?: number } {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    diagnostics.push(errorDiag('config-type', `\`${key}\` must be a mapping: { requestsPerSecond, maxConcurrent }`));
    return {};
  }
  unknownKeys(value, RATE_LIMIT_KEYS, key, diagnostics);
  return {
    requestsPerSecond: numberIn(value.requestsPerSecond, `${key}.requestsPerSecond`, 0.001, 100_000, diagnostics),
    maxConcurrent: numberIn(value.maxConcurrent, `${key}.maxConcurrent`, 1, 10_000, diagnostics),
  };
}

/** true/false only: `allowDelete: "yes"` must not quietly mean false. */
export function booleanKey(value: unknown, key: string, diagnostics: Diagnostic[]): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  diagnostics.push(errorDiag('config-type', `\`${key}\` must be true or false, got ${JSON.stringify(value)}`));
  return undefined;
}

export function unknownKeys(value: Record<string, unknown>, known: string[], at: string, diagnostics: Diagnostic[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) diagnostics.push(errorDiag('config-unknown-key', `unknown key \`${at}.${key}\``, undefined, { help: didYouMean(key, known) ?? `known: ${known.join(', ')}` }));
  }
}
