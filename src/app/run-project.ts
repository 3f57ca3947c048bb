import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { UserError, DiagnosticsError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { Redactor } from '../core/redact.js';
import type { Doc } from '../core/model.js';
import type { RunEvent } from '../core/result.js';
import type { RunSettings } from '../core/settings.js';
import type { StepGraph } from '../graph/graph.js';
import { exitCodeFor } from '../report/gate.js';
import { canonicalDiagnostics } from '../report/merge.js';
import type { Reporter } from '../report/reporter.js';
import { runGraphs } from '../run/runner.js';
import { loadValidation } from '../run/validation.js';
import { lastFailedPaths, reportDir, writeLastRun } from './last-run.js';
import { stopped } from './stopped.js';
import { loadProject } from './load-project.js';
import { checkOptionKeys } from './option-keys.js';
import { preflight } from './preflight.js';
import { startRecording, type Recording } from './recording.js';
import { noDocsMessage } from './selection.js';
import { createReporters, type ReporterSpec } from './reporters.js';
import type { AppListener, LoadedProject, RunOutcome, RunProjectOptions } from './types.js';
import { VERSION } from './version.js';

/**
 * The one run pipeline, for the CLI, the library and the UI: load → preflight → mock target →
 * runner → recorder → reporters. Nothing is sent unless every check before the first request
 * passed; a user's mistake is an outcome with exit code 2, never a throw. Unknown option keys
 * are a programmer's mistake: a TypeError.
 */
export async function runProject(options: RunProjectOptions): Promise<RunOutcome> {
  checkOptionKeys(options);
  const emit: AppListener = options.onEvent ?? (() => {});
  if (options.record && options.dryRun) {
    return stopped('usage', '--record and --dry-run together: a dry run sends nothing, so there is nothing to record', []);
  }
  if (options.record && options.mock) {
    return stopped('usage', '--record and --mock together: a mock run checks the docs against their specs, not the API, so it verifies nothing to record', []);
  }
  if (options.lastFailed) {
    const rerun = await lastFailedPaths(options);
    if ('stop' in rerun) return rerun.stop;
    options = { ...options, paths: rerun.paths };
  }
  let project: LoadedProject;
  try {
    project = await loadProject(options);
  } catch (error) {
    if (error instanceof DiagnosticsError) return stopped('invalid', 'invalid config or options; nothing was sent', error.diagnostics);
    if (error instanceof UserError) return stopped('invalid', error.message, [error.toDiagnostic()]);
    throw error;
  }
  const checked = preflight(project.graphs, project.settings, {
    mock: Boolean(options.mock),
    dryRun: project.settings.dryRun,
    strictSchema: options.schema === 'strict',
  });
  const diagnostics = canonicalDiagnostics([...project.diagnostics, ...checked.diagnostics]);
  const redactor = new Redactor(project.settings.secrets);
  emit({ type: 'project:loaded', selected: project.selected, diagnostics, sources: project.sources, redact: (text) => redactor.text(text) });
  if (project.loadErrors.length) return stopped('invalid', 'nothing was sent', diagnostics);
  if (project.selected === 0 && !options.passWithNoDocs) return stopped('no-docs', noDocsMessage(options), diagnostics);
  if (project.invalid.length && !options.keepGoing) {
    return stopped('invalid', `${project.invalid.length} invalid doc(s); nothing was sent. Fix them, or pass --keep-going to run the valid ones.`, diagnostics);
  }
  if (hasErrors(checked.diagnostics)) return stopped('preflight', 'the run cannot start; nothing was sent', diagnostics);
  return execute(options, project, checked.settings, diagnostics);
}

async function execute(options: RunProjectOptions, project: LoadedProject, settings: RunSettings, diagnostics: Diagnostic[]): Promise<RunOutcome> {
  const redactor = new Redactor(settings.secrets);
  let reporters: Reporter[];
  try {
    reporters = await createReporters(reporterNames(options, project), {
      rootDir: settings.rootDir,
      reportDir: reportDir(options, project),
      redactor,
      out: options.out ?? { write: () => true },
      color: Boolean(options.color),
      env: options.env ?? process.env,
      maxReportBodyChars: 16_384,
      sources: project.sources,
      quiet: Boolean(options.quiet),
      verbose: Boolean(options.verbose),
    });
  } catch (error) {
    // An unknown reporter name is the user's mistake: nothing has been sent yet.
    if (error instanceof UserError) return stopped('usage', error.message, diagnostics, error.toDiagnostic());
    throw error;
  }
  const target = options.mock ? await startMock(project, settings, options) : { settings, close: async () => {}, warnings: (): Diagnostic[] => [] };
  try {
    const recording = options.record ? await startRecording(settings, project.sources, options.out, Boolean(options.color)) : undefined;
    const listener = fanOut(options.onEvent, reporters, recording);
    // With console output (the CLI) and reporters that all stream (they took their docs from doc:end),
    // the result keeps only failed docs in full, so memory stays flat. A library caller gets every doc.
    // The runner then also empties project.graphs as docs start: nothing below reads them.
    const retain = options.out && reporters.every((r) => r.streams) ? 'failures' : 'all';
    const result = await runGraphs({
      settings: target.settings,
      graphs: project.graphs,
      skipped: project.skipped,
      diagnostics,
      listener,
      signal: options.signal,
      validation: await loadValidation(project.graphs, target.settings),
      version: VERSION,
      mock: options.mock,
      maxFailures: options.maxFailures,
      shard: settings.filters.shard,
      retain,
      // The reporters' Redactor: secrets found during the run (fetched tokens, captured values) reach them too.
      redactor,
    });
    // What the mock found while answering (served specs' cut refs, examples that break their schema), once each.
    const seen = new Set(result.diagnostics.map((d) => `${d.code} ${d.message}`));
    result.diagnostics.push(...target.warnings().filter((d) => !seen.has(`${d.code} ${d.message}`)));
    const reportFiles = (await Promise.all(reporters.map((r) => r.finish(result)))).flat();
    const record = recording ? await recording.finish() : undefined;
    if (record) options.onEvent?.({ type: 'record:end', summary: record.summary });
    if (options.keepLastRun && !settings.dryRun) await writeLastRun(reportDir(options, project), settings.rootDir, result);
    const exitCode = Math.max(exitCodeFor(result, { allowSkipped: options.allowSkipped ?? true }), record?.exitCode ?? ExitCode.Ok);
    return { exitCode, result, diagnostics, reportFiles, record: record?.summary };
  } finally {
    await target.close();
  }
}

/**
 * The reporters asked for (options, else config). With console output (`out`) and none asked for:
 * console. With console output and only file reporters: the summary line and failures still reach
 * it (console, quiet) unless quiet.
 */
function reporterNames(options: RunProjectOptions, project: LoadedProject): ReporterSpec[] {
  const names = options.reporters ?? project.extras.reporters ?? (options.out ? ['console'] : []);
  const listed = names.flatMap((n) => n.split(',')).map((n) => n.trim());
  if (options.out && !options.quiet && !listed.includes('console')) return [...names, { name: 'console', quiet: true }];
  return names;
}

function fanOut(onEvent: AppListener | undefined, reporters: Reporter[], recording: Recording | undefined): (event: RunEvent) => void {
  return (event) => {
    for (const r of reporters) r.onEvent?.(event);
    recording?.onEvent(event);
    onEvent?.(event);
  };
}

/** One mock per run, built from the swagger files of the docs to run and of the docs they use. */
async function startMock(project: LoadedProject, settings: RunSettings, options: RunProjectOptions) {
  const { startMockTarget, specFilesOfDocs } = await import('./mock-target.js');
  const { files } = await specFilesOfDocs(docsOf(project.graphs), settings);
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
