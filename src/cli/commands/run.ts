import { ExitCode } from '../../core/exit-codes.js';
import { Redactor } from '../../core/redact.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { AppEvent, RunProjectOptions } from '../../app/types.js';
import { printDiagnostics } from '../diagnostics.js';
import { followLiveHeap } from '../heap-growth.js';
import { tierUpForRun } from '../tier-up.js';
import { useColor, type CliIO } from '../io.js';
import { parseRunOptions, RUN_HELP, type RunCommandOptions } from '../run-options.js';

/** `stepdoc run`: argv → options → the app's runProject → exit code. It only decides what to print. */
export async function command(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--watch')) return (await import('./run-watch.js')).runWatch(argv, io, command);
  const parsed = parseRunOptions(argv);
  if (parsed.help) {
    io.stdout.write(RUN_HELP);
    return ExitCode.Ok;
  }
  if (parsed.list) {
    const { listDocs } = await import('../list-docs.js');
    return listDocs(
      toRunProjectOptions(parsed, io, () => {}),
      io,
    );
  }
  const [{ runProject }, { PREFLIGHT_CODES }] = await Promise.all([import('../../app/run-project.js'), import('../../app/preflight.js')]);
  // Flag secrets until the project is loaded; then every secret of the run (config, tokens).
  let redactor: Pick<Redactor, 'text'> = new Redactor(parsed.settings.secrets ?? []);
  const printed = new Set<Diagnostic>();
  let sources: ReadonlyMap<string, string> = new Map();
  const show = (diagnostics: Diagnostic[]) => {
    const wanted = diagnostics.filter((d) => !printed.has(d) && (d.severity === 'error' || parsed.verbose || PREFLIGHT_CODES.has(d.code)));
    for (const d of diagnostics) printed.add(d);
    printDiagnostics(io, wanted, sources, redactor);
  };
  const onEvent = (event: AppEvent) => {
    if (event.type === 'run:start') {
      followLiveHeap(event.total);
      tierUpForRun(event.total);
    }
    if (event.type !== 'project:loaded') return;
    sources = event.sources;
    redactor = { text: event.redact };
    show(event.diagnostics);
  };
  const outcome = await runProject(toRunProjectOptions(parsed, io, onEvent));
  if (outcome.stopped) {
    show(outcome.diagnostics);
    // A usage error or an empty selection is its own diagnostic; other stops add one line.
    if (!outcome.diagnostics.some((d) => d.message === outcome.stopped?.message)) io.stderr.write(`${redactor.text(outcome.stopped.message)}\n`);
  }
  return outcome.exitCode;
}

function toRunProjectOptions(parsed: RunCommandOptions, io: CliIO, onEvent: (event: AppEvent) => void): RunProjectOptions {
  return {
    ...parsed.settings,
    paths: parsed.paths,
    cwd: io.cwd,
    env: io.env,
    durations: parsed.durations,
    mock: parsed.mock,
    strictState: parsed.strictState,
    record: parsed.record,
    reporters: parsed.reporters,
    reportDir: parsed.reportDir,
    keepGoing: parsed.keepGoing,
    maxFailures: parsed.maxFailures,
    allowSkipped: parsed.allowSkipped,
    passWithNoDocs: parsed.passWithNoDocs,
    lastFailed: parsed.lastFailed,
    keepLastRun: true,
    quiet: parsed.quiet,
    verbose: parsed.verbose,
    out: io.stdout,
    color: useColor(io),
    onEvent,
    signal: io.signal,
  };
}
