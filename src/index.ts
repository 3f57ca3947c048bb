/**
 * The library entry point: `import { run } from 'stepdoc'`. It composes the same layers the CLI
 * does, without printing: results come back as data, progress as events.
 */
import { DiagnosticsError } from './core/errors.js';
import type { RunListener, RunResult } from './core/result.js';
import type { SettingsFlags } from './config/flags.js';
import { resolveSettings } from './config/resolve.js';
import { discoverDocs } from './doc/discover.js';
import { prepareRun } from './run/prepare.js';
import { runGraphs } from './run/runner.js';
import { loadValidation } from './run/validation.js';
import { createRequire } from 'node:module';

export interface RunApiOptions extends SettingsFlags {
  /** Docs or folders of docs (default `scenarios`). */
  paths?: string[];
  /** Project root (default process.cwd()). */
  cwd?: string;
  env?: Record<string, string | undefined>;
  onEvent?: RunListener;
  signal?: AbortSignal;
  /** Run the valid docs even when some are invalid. */
  keepGoing?: boolean;
}

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Runs docs and returns the results. Invalid docs throw a DiagnosticsError (unless keepGoing). */
export async function run(options: RunApiOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const { settings } = await resolveSettings(options, cwd, options.env ?? process.env);
  const found = await discoverDocs(options.paths ?? ['scenarios'], cwd);
  if (found.diagnostics.length) throw new DiagnosticsError(found.diagnostics);
  const prepared = await prepareRun(found, settings);
  if (prepared.invalid.length && !options.keepGoing) throw new DiagnosticsError(prepared.diagnostics.filter((d) => d.severity === 'error'));
  return runGraphs({
    settings, graphs: prepared.graphs, skipped: prepared.skipped, diagnostics: prepared.diagnostics,
    listener: options.onEvent, signal: options.signal, version, validation: await loadValidation(prepared.graphs, settings),
  });
}

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
