import { ExitCode } from '../core/exit-codes.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiagnosticsError, StepdocError } from '../core/errors.js';
import { renderDiagnostic } from '../core/codeframe.js';
import { processIO, frameStyle, useColor, type CliIO, type Command } from './io.js';
import { HELP, VERSION } from './help.js';

/** Commands load lazily: `stepdoc lint` never pays for undici, `run` never for the mock unless --mock. */
const commands: Record<string, () => Promise<{ command: Command }>> = {
  run: () => import('./commands/run.js'),
  'merge-reports': () => import('./commands/merge-reports.js'),
  record: () => import('./commands/record.js'),
  mock: () => import('./commands/mock.js'),
  lint: () => import('./commands/lint.js'),
  new: () => import('./commands/new.js'),
  coverage: () => import('./commands/coverage.js'),
  import: () => import('./commands/import.js'),
  init: () => import('./commands/init.js'),
  ui: () => import('./commands/ui.js'),
};

export async function main(argv: string[], io?: CliIO): Promise<number> {
  const controller = new AbortController();
  const cli = io ?? processIO(controller.signal);
  const verbose = argv.includes('--verbose');
  const detach = io ? () => {} : attachProcessHandlers(controller, cli, verbose);
  try {
    return await dispatch(argv, cli);
  } catch (error) {
    return reportError(error, cli, verbose);
  } finally {
    detach();
  }
}

/** Signals, plus a last line of defence: an error nobody caught is still one line and exit 3, never a trace. */
function attachProcessHandlers(controller: AbortController, io: CliIO, verbose: boolean): () => void {
  const detachSignals = attachSignals(controller);
  const onUncaught = (error: unknown) => {
    reportBug(error, io, verbose);
    process.exit(ExitCode.Internal);
  };
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  return () => {
    detachSignals();
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  };
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  // `stepdoc help run` is `stepdoc run --help`.
  if (name === 'help') return dispatch([rest[0], '--help'], io);
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return ExitCode.Ok;
  }
  const load = commands[name];
  if (!load) {
    const { didYouMean } = await import('../core/suggest.js');
    const help = didYouMean(name, Object.keys(commands));
    io.stderr.write(`error[usage]: unknown command \`${name}\`${help ? `\n  = help: ${help}` : ''}\n  = help: run \`stepdoc --help\` for the commands\n`);
    return ExitCode.Invalid;
  }
  const { command } = await load();
  return command(rest, io);
}

/** User errors print a diagnostic and exit 2; anything else is a bug: one line, stack only with --verbose. */
function reportError(error: unknown, io: CliIO, verbose: boolean): number {
  if (error instanceof StepdocError) {
    const style = frameStyle(useColor(io, 'stderr'));
    const diagnostics = error instanceof DiagnosticsError ? error.diagnostics.filter((d) => d.severity === 'error') : [error.toDiagnostic()];
    io.stderr.write(diagnostics.map((d) => renderDiagnostic(d, d.span ? sourceOf(d.span.file, io.cwd) : undefined, style)).join('\n') + '\n');
    return error.exitCode;
  }
  return reportBug(error, io, verbose);
}

function reportBug(error: unknown, io: CliIO, verbose: boolean): number {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const more = verbose ? '' : ' (--verbose shows the stack)';
  io.stderr.write(`internal error: ${message} — this is a bug in stepdoc; please report it with the command you ran${more}\n`);
  if (verbose && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  return ExitCode.Internal;
}

/**
 * First SIGINT/SIGTERM aborts the run gracefully: no new requests, in-flight ones aborted, teardown
 * of started docs within a grace period, reports written (marked interrupted), exit 130. A second
 * one exits at once; reports are written by rename, so none is ever left half-written.
 */
function attachSignals(controller: AbortController): () => void {
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(ExitCode.Interrupted);
    process.stderr.write(`\n${name}: stopping — no new requests, cleaning up started docs, writing reports (again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** The text of a file a diagnostic points at (the config file, typically), for its code frame; best effort. */
function sourceOf(file: string, cwd: string): string | undefined {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    return undefined;
  }
}
