import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { ExitCode } from '../core/exit-codes.js';
import type { RunOutcome, StopReason } from './types.js';

/** Nothing was sent. A usage error and an empty selection are diagnostics of their own. */
export function stopped(reason: StopReason, message: string, diagnostics: Diagnostic[], own?: Diagnostic): RunOutcome {
  const mine = own ? [own] : reason === 'usage' || reason === 'no-docs' ? [errorDiag(reason, message)] : [];
  return { exitCode: ExitCode.Invalid, stopped: { reason, message }, diagnostics: [...diagnostics, ...mine], reportFiles: [] };
}
