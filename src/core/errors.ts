import type { Diagnostic } from './diagnostic.js';
import type { SourceSpan } from './span.js';
import { ExitCode } from './exit-codes.js';

/** Base of every error stepdoc raises on purpose. Anything else reaching the CLI is a bug (exit 3). */
export class StepdocError extends Error {
  readonly exitCode: ExitCode = ExitCode.Invalid;
  constructor(
    message: string,
    readonly code: string,
    readonly span?: SourceSpan,
    readonly help?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toDiagnostic(): Diagnostic {
    return { code: this.code, severity: 'error', message: this.message, span: this.span, help: this.help };
  }
}

/** Bad input from the user: a doc, the config, a flag. Exit 2, never a stack trace. */
export class UserError extends StepdocError {}

/** Several diagnostics at once (e.g. every invalid doc of a run). */
export class DiagnosticsError extends UserError {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics[0]?.message ?? 'invalid input', diagnostics[0]?.code ?? 'invalid', diagnostics[0]?.span);
  }
}

export class UsageError extends UserError {
  constructor(message: string, help?: string) {
    super(message, 'usage', undefined, help);
  }
}

export class ConfigError extends UserError {}

/** A template that cannot be parsed or rendered (unknown variable or filter, bad syntax). */
export class TemplateError extends UserError {}

/** A request that could not be made or completed: timeout, reset, refused. Fails the step, not the run. */
export class HttpError extends StepdocError {
  constructor(
    message: string,
    code: string,
    override readonly cause?: unknown,
  ) {
    super(message, code);
  }
}
