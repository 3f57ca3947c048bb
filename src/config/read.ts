import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import type { SourceSpan } from '../core/span.js';

export const SCHEMA_MODES = ['off', 'warn', 'strict'] as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A number from the config after `${ENV}` was filled in, within the range the schema gives its key
 * (written numbers were range-checked by the schema already; this catches `${ENV}` values).
 */
export function numberIn(value: unknown, key: string, range: { min: number; max: number }, diagnostics: Diagnostic[], span?: SourceSpan): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < range.min || n > range.max) {
    diagnostics.push(
      errorDiag('config-type', `\`${key}\` must be a number from ${range.min} to ${range.max}, got ${JSON.stringify(value)}`, span, {
        expected: `a number from ${range.min} to ${range.max}`,
      }),
    );
    return undefined;
  }
  return n;
}

/** `NAME=VALUE` flag values → pairs; a missing `=` is a usage error naming the flag. */
export function pairs(values: string[] | undefined, flag: string, shape: string, diagnostics: Diagnostic[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const value of values ?? []) {
    const eq = value.indexOf('=');
    if (eq <= 0) diagnostics.push(errorDiag('usage', `${flag} ${value}: expected ${shape}`, undefined, { expected: shape }));
    else out.push([value.slice(0, eq), value.slice(eq + 1)]);
  }
  return out;
}
