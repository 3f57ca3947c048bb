/**
 * The library entry point: `import { run } from 'stepdoc'`. It runs through the same front door as
 * the CLI (src/app): mock, record, reporters, shard, filters, dryRun, maxFailures, passWithNoDocs —
 * every option typed; an unknown option is a TypeError. Nothing prints unless `out` is given.
 */
import { errorDiag } from './core/diagnostic.js';
import { DiagnosticsError } from './core/errors.js';
import type { RunResult } from './core/result.js';
import { runProject } from './app/run-project.js';
import type { RunProjectOptions } from './app/types.js';

export type RunApiOptions = RunProjectOptions;

/**
 * Runs docs and returns the results. Anything that stops the run before its first request (invalid
 * docs unless keepGoing, config, preflight, no docs matched, record with dryRun) throws a
 * DiagnosticsError. `runProject` returns the full outcome (exit code, report files, record summary).
 */
export async function run(options: RunApiOptions = {}): Promise<RunResult> {
  const outcome = await runProject(options);
  if (outcome.result) return outcome.result;
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  throw new DiagnosticsError(errors.length ? errors : [errorDiag(outcome.stopped?.reason ?? 'stopped', outcome.stopped?.message ?? 'nothing was run')]);
}

export { runProject } from './app/run-project.js';
export { loadProject } from './app/load-project.js';
export type { AppEvent, AppListener, LoadedProject, ProjectOptions, RunOutcome, RunProjectOptions, StopReason, TextSink } from './app/types.js';
export { parseDoc } from './doc/parse.js';
export { renderDiagnostic } from './core/codeframe.js';
export { ExitCode } from './core/exit-codes.js';
export { StepdocError, UserError, DiagnosticsError, TemplateError, HttpError, ConfigError, UsageError } from './core/errors.js';
export type * from './core/model.js';
export type * from './core/result.js';
export type * from './core/settings.js';
export type { Diagnostic, Severity } from './core/diagnostic.js';
export type { SourceSpan } from './core/span.js';
export type { SettingsFlags } from './config/flags.js';
