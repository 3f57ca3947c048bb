import { ExitCode } from '../core/exit-codes.js';
import type { RunResult } from '../core/result.js';

export interface GateOptions {
  /** `--allow-skipped false` makes a skipped doc fail the gate. Default true. */
  allowSkipped: boolean;
}

/**
 * The CI gate (DESIGN §2): 130 when interrupted; 2 when a doc could not run (invalid); 1 when a doc
 * failed, or was skipped and skips are not allowed; else 0.
 */
export function exitCodeFor(result: RunResult, options: GateOptions): number {
  if (result.interrupted) return ExitCode.Interrupted;
  if (result.summary.invalid > 0) return ExitCode.Invalid;
  if (result.summary.failed > 0 || result.docs.some((d) => d.status === 'failed')) return ExitCode.Failed;
  if (!options.allowSkipped && (result.summary.skipped > 0 || result.docs.some((d) => d.status === 'skipped'))) return ExitCode.Failed;
  return ExitCode.Ok;
}

/** For `--max-failures N`: true once N docs have failed (N <= 0 means no limit). */
export function failureLimitReached(failedDocs: number, maxFailures: number | undefined): boolean {
  return maxFailures !== undefined && maxFailures > 0 && failedDocs >= maxFailures;
}
