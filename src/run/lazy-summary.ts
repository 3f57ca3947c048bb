import type { StepResult } from '../core/result.js';

/**
 * Sets `result[key]` to a summary made on first read. A step's redacted copy of its request and
 * response is read only by whoever reports it (a failure, the json/junit/html reports, the
 * dashboard); a passed step of a console-only run is never read, and its copy is never made. The
 * run's Redactor only gains secrets, so a copy made later is redacted at least as much. Until then
 * it holds what the copy is made from, so callers defer only copies of bounded size.
 */
export function lazySummary<K extends 'request' | 'response'>(result: StepResult, key: K, make: () => NonNullable<StepResult[K]>): void {
  const settle = (value: StepResult[K]) => {
    Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(result, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(make()),
    set: settle,
  });
}

/** A step result without its request and response, made without reading them (no lazy copy is made). */
export function withoutExchange(step: StepResult): StepResult {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(step)) if (key !== 'request' && key !== 'response') out[key] = step[key as keyof StepResult];
  return out as unknown as StepResult;
}
