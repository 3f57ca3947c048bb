import type { SourceSpan } from './span.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding about user input (a doc, the config, a flag). Codes are stable and documented in
 * docs/diagnostics.md; tools and tests match on them, never on the message text.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span?: SourceSpan;
  /** What was expected at that place, e.g. "a number or a list of numbers". */
  expected?: string;
  /** A hint such as "did you mean `client_id`?". */
  help?: string;
}

export function errorDiag(code: string, message: string, span?: SourceSpan, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', message, span, ...extra };
}

export function warningDiag(code: string, message: string, span?: SourceSpan, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'warning', message, span, ...extra };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Worth knowing, never a failure (e.g. a step block kept as documentation). */
export function infoDiag(code: string, message: string, span?: SourceSpan, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'info', message, span, ...extra };
}
