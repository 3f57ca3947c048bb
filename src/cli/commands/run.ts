import { resolve } from 'node:path';
import pc from 'picocolors';
import { ExitCode } from '../../core/exit-codes.js';
import { Redactor } from '../../core/redact.js';
import type { Doc } from '../../core/model.js';
import type { RunEvent, RunResult } from '../../core/result.js';
import type { RunSettings } from '../../core/settings.js';
import { resolveSettings } from '../../config/resolve.js';
import { discoverDocs } from '../../doc/discover.js';
import type { StepGraph } from '../../graph/graph.js';
import { prepareRun, type PreparedRun } from '../../run/prepare.js';
import { runGraphs } from '../../run/runner.js';
import { loadValidation } from '../../run/validation.js';
import { readDurations, selectShard } from '../../run/shard.js';
import { canonicalDiagnostics } from '../../report/merge.js';
import { exitCodeFor } from '../../report/gate.js';
import type { Reporter } from '../../report/reporter.js';
import { printDiagnostics } from '../diagnostics.js';
import { VERSION } from '../help.js';
import { useColor, type CliIO } from '../io.js';
import { createReporters } from '../reporters.js';
import { parseRunOptions, RUN_HELP, type RunCommandOptions } from '../run-options.js';

export async function command(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--watch')) return (await import('./run-watch.js')).runWatch(argv, io, command);
  const options = parseRunOptions(argv);
  if (options.help) {
    io.stdout.write(RUN_HELP);
    return ExitCode.Ok;
  }
  const { settings, extras, warnings } = await resolveSettings(options.settings, io.cwd, io.env);
  const found = await discoverDocs(options.paths.length ? options.paths : ['scenarios'], io.cwd);
  const shard = settings.filters.shard;
  const durations = shard && options.durations ? await readDurations(resolve(io.cwd, options.durations)) : undefined;
  const prepared = await prepareRun(found, settings, { select: shard ? (docs) => selectShard(docs, shard, durations) : undefined });
  const diagnostics = canonicalDiagnostics([...found.diagnostics, ...warnings, ...prepared.diagnostics]);
  const redactor = new Redactor(settings.secrets);
  printDiagnostics(io, options.verbose ? diagnostics : diagnostics.filter((d) => d.severity === 'error'), prepared.sources, redactor);
  if (found.diagnostics.length || (prepared.invalid.length && !options.keepGoing)) {
    if (prepared.invalid.length) io.stderr.write(`${prepared.invalid.length} invalid doc(s); nothing was sent. Fix them, or pass --keep-going to run the valid ones.\n`);
    return ExitCode.Invalid;
  }
  const target = options.mock ? await startMock(prepared, settings, options, io) : { settings, close: async () => {} };
  try {
    const reporters = await createReporters(options.reporters ?? extras.reporters ?? ['console'], {
      rootDir: settings.rootDir, reportDir: resolve(io.cwd, options.reportDir ?? extras.reportDir ?? 'reports'), redactor,
      out: io.stdout, color: useColor(io), env: io.env, maxReportBodyChars: 16_384, sources: prepared.sources,
      quiet: options.quiet, verbose: options.verbose,
    });
    const recorder = options.record ? await startRecorder(settings, prepared) : undefined;
    // When every reporter streams (took its docs from doc:end), the result keeps only failed docs in full.
    const retain = reporters.every((r) => r.streams) ? 'failures' : 'all';
    const result = await execute(prepared, target.settings, options, io, [...reporters, ...(recorder ? [recorder.reporter] : [])], diagnostics, retain);
    await Promise.all(reporters.map((r) => r.finish(result)));
    const recordCode = recorder ? await recorder.finish(io) : ExitCode.Ok;
    return Math.max(exitCodeFor(result, { allowSkipped: options.allowSkipped }), recordCode);
  } finally {
    await target.close();
  }
}

async function execute(prepared: PreparedRun, settings: RunSettings, options: RunCommandOptions, io: CliIO, listeners: Array<Pick<Reporter, 'onEvent'>>, diagnostics: RunResult['diagnostics'], retain: 'all' | 'failures'): Promise<RunResult> {
  const listener = (event: RunEvent) => {
    for (const r of listeners) r.onEvent?.(event);
  };
  return runGraphs({
    settings, graphs: prepared.graphs, skipped: prepared.skipped, diagnostics,
    listener, signal: io.signal, validation: await loadValidation(prepared.graphs, settings), version: VERSION, mock: options.mock,
    maxFailures: options.maxFailures, shard: settings.filters.shard,
    retain,
  });
}

/** One mock per run, built from the swagger files of the docs to run and of the docs they use. */
async function startMock(prepared: PreparedRun, settings: RunSettings, options: RunCommandOptions, io: CliIO) {
  const { startMockTarget, specFilesOfDocs } = await import('../mock-target.js');
  const { files, diagnostics } = await specFilesOfDocs(docsOf(prepared.graphs), settings);
  if (options.verbose) printDiagnostics(io, diagnostics, prepared.sources);
  const target = await startMockTarget(files, settings, { strictState: options.strictState });
  return { ...target, settings: { ...target.settings, mock: true } };
}

function docsOf(graphs: StepGraph[], into = new Map<string, Doc>()): Doc[] {
  for (const graph of graphs) {
    into.set(graph.doc.file, graph.doc);
    for (const node of graph.nodes) if (node.kind === 'use' && node.target) docsOf([node.target], into);
  }
  return [...into.values()];
}

/** `--record`: each doc's metadata is written as it finishes; the CLI waits for every write. */
async function startRecorder(settings: RunSettings, prepared: PreparedRun) {
  const { createRecorder, recordFailed, formatRecordSummary } = await import('../../record/recorder.js');
  const recorder = createRecorder({ rootDir: settings.rootDir, sources: prepared.sources });
  return {
    reporter: { onEvent: (event: RunEvent) => recorder.onEvent(event) },
    async finish(io: CliIO): Promise<number> {
      const summary = await recorder.settle();
      const c = pc.createColors(useColor(io));
      const text = formatRecordSummary(summary, { bold: c.bold, dim: c.dim, yellow: c.yellow });
      if (text) io.stdout.write(`\n${text}\n`);
      return recordFailed(summary) ? ExitCode.Failed : ExitCode.Ok;
    },
  };
}
