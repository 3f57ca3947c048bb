import { resolve } from 'node:path';
import { ExitCode } from '../../core/exit-codes.js';
import { Redactor } from '../../core/redact.js';
import type { RunEvent, RunResult } from '../../core/result.js';
import type { RunSettings } from '../../core/settings.js';
import type { ValidationProvider } from '../../core/validation.js';
import { resolveSettings } from '../../config/resolve.js';
import { discoverDocs } from '../../doc/discover.js';
import { prepareRun, type PreparedRun } from '../../run/prepare.js';
import { runGraphs } from '../../run/runner.js';
import type { Reporter } from '../../report/reporter.js';
import { printDiagnostics } from '../diagnostics.js';
import { VERSION } from '../help.js';
import { useColor, type CliIO } from '../io.js';
import { createReporters } from '../reporters.js';
import { parseRunOptions, RUN_HELP, type RunCommandOptions } from '../run-options.js';

export async function command(argv: string[], io: CliIO): Promise<number> {
  const options = parseRunOptions(argv);
  if (options.help) {
    io.stdout.write(RUN_HELP);
    return ExitCode.Ok;
  }
  const { settings, extras, warnings } = await resolveSettings(options.settings, io.cwd, io.env);
  const found = await discoverDocs(options.paths.length ? options.paths : ['scenarios'], io.cwd);
  const prepared = await prepareRun(found, settings);
  const diagnostics = [...found.diagnostics, ...warnings, ...prepared.diagnostics];
  const redactor = new Redactor(settings.secrets);
  printDiagnostics(io, options.verbose ? diagnostics : diagnostics.filter((d) => d.severity === 'error'), prepared.sources, redactor);
  if (found.diagnostics.length || (prepared.invalid.length && !options.keepGoing)) {
    if (prepared.invalid.length) io.stderr.write(`${prepared.invalid.length} invalid doc(s); nothing was sent. Fix them, or pass --keep-going to run the valid ones.\n`);
    return ExitCode.Invalid;
  }
  const target = options.mock ? await startMock(prepared, settings, options) : { settings, close: async () => {} };
  try {
    const reporters = await createReporters(options.reporters ?? extras.reporters ?? ['console'], {
      rootDir: settings.rootDir, reportDir: resolve(io.cwd, options.reportDir ?? extras.reportDir ?? 'reports'), redactor,
      out: io.stdout, color: useColor(io), env: io.env, maxReportBodyChars: 16_384, sources: prepared.sources,
      quiet: options.quiet, verbose: options.verbose,
    });
    const result = await execute(prepared, target.settings, options, io, reporters, diagnostics);
    await Promise.all(reporters.map((r) => r.finish(result)));
    return exitCodeOf(result, options, prepared);
  } finally {
    await target.close();
  }
}

async function execute(prepared: PreparedRun, settings: RunSettings, options: RunCommandOptions, io: CliIO, reporters: Reporter[], diagnostics: RunResult['diagnostics']): Promise<RunResult> {
  const listener = (event: RunEvent) => {
    for (const r of reporters) r.onEvent?.(event);
  };
  return runGraphs({
    settings, graphs: prepared.graphs, skipped: prepared.skipped, diagnostics, invalidCount: prepared.invalid.length,
    listener, signal: io.signal, validation: await validationFor(prepared, settings), version: VERSION, mock: options.mock,
    maxFailures: options.maxFailures, shard: settings.filters.shard,
  });
}

/** ajv and the spec loader load only when a doc to run has a swagger file. */
async function validationFor(prepared: PreparedRun, settings: RunSettings): Promise<ValidationProvider | undefined> {
  if (settings.schemaMode === 'off' || !prepared.graphs.some((g) => g.doc.frontmatter.swagger)) return undefined;
  const { createValidationProvider } = await import('../../openapi/provider.js');
  return createValidationProvider(settings);
}

async function startMock(_prepared: PreparedRun, settings: RunSettings, _options: RunCommandOptions): Promise<{ settings: RunSettings; close(): Promise<void> }> {
  return { settings, close: async () => {} };
}

function exitCodeOf(result: RunResult, options: RunCommandOptions, prepared: PreparedRun): number {
  if (result.interrupted) return ExitCode.Interrupted;
  if (result.summary.failed > 0) return ExitCode.Failed;
  if (!options.allowSkipped && result.summary.skipped > 0) return ExitCode.Failed;
  if (prepared.invalid.length > 0) return ExitCode.Invalid;
  return ExitCode.Ok;
}
