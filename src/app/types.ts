/**
 * The front door's contract: what a caller (the CLI, the library entry `run()`, lint, the UI) passes
 * to loadProject/runProject and what comes back. Everything here is data; nothing prints.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Doc } from '../core/model.js';
import type { RunEvent, RunResult } from '../core/result.js';
import type { RunSettings } from '../core/settings.js';
import type { SettingsFlags } from '../config/flags.js';
import type { StepGraph } from '../graph/graph.js';
import type { RecordSummary } from '../record/summary.js';

/** Where console-like output goes (a stream, or anything with `write`). */
export interface TextSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** What loadProject needs: where the project is, and the flags that shape settings and selection. */
export interface ProjectOptions extends SettingsFlags {
  /** Docs or folders of docs (default `scenarios`). */
  paths?: string[];
  /** Project root (default process.cwd()). */
  cwd?: string;
  /** Environment for STEPDOC_* values (default process.env). */
  env?: Record<string, string | undefined>;
  /** A previous report.json whose durations balance `shard` (relative to cwd). */
  durations?: string;
}

/** Everything runProject can do; the CLI's `run` flags map one to one onto these. */
export interface RunProjectOptions extends ProjectOptions {
  /** Run against the embedded mock built from the docs' swagger files. */
  mock?: boolean;
  /** With `mock`: unknown ids answer 404. */
  strictState?: boolean;
  /** Write status/verifiedAt/timesReused back into the docs (never together with dryRun). */
  record?: boolean;
  /** Reporter names: console, json, junit, html, github. Default (none here or in the config): console when `out` is given, else none. */
  reporters?: string[];
  /** Where file reporters write (default `reports`, relative to cwd). */
  reportDir?: string;
  /** Run the valid docs even when some are invalid. */
  keepGoing?: boolean;
  /** Stop starting docs after this many failed; the rest are `not-run`. */
  maxFailures?: number;
  /** Skipped docs do not fail the gate (default true). */
  allowSkipped?: boolean;
  /** A selection that matches no docs exits 0 instead of 2. */
  passWithNoDocs?: boolean;
  /** Rerun only the docs that failed or were invalid in the last run (`<reportDir>/last-run.json`). */
  lastFailed?: boolean;
  /** Write `<reportDir>/last-run.json` after the run, for a later `lastFailed` (the CLI does). */
  keepLastRun?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** Console output of the console reporter and the record summary (default: none). */
  out?: TextSink;
  /** Colour in console output (default false). */
  color?: boolean;
  /** Live progress: the project once loaded, every run event, the record summary. */
  onEvent?: AppListener;
  /** Abort to stop: no new requests, teardown of started docs, reports marked interrupted. */
  signal?: AbortSignal;
}

/** The loaded, prepared project: nothing has been sent. */
export interface LoadedProject {
  settings: RunSettings;
  /** Docs that will run (parsed, filtered, sharded, analysed). */
  graphs: StepGraph[];
  /** Docs reported as skipped without running (status skip/skipped). */
  skipped: RunResult['docs'];
  /** Selected docs with errors: they never run. */
  invalid: Doc[];
  /** How many docs the selection matched (runnable + skipped + invalid). */
  selected: number;
  /** Every diagnostic (config, discovery, docs, preflight), each with a span where it has a place. */
  diagnostics: Diagnostic[];
  /** Errors that stop any run whatever the docs say (a path that does not exist…); also in `diagnostics`. */
  loadErrors: Diagnostic[];
  /** Every doc read, by absolute path → source, for code frames, reporters and record. */
  sources: Map<string, string>;
  /** Config keys that are not settings (reporters, reportDir), passed through for the CLI. */
  extras: { reporters?: string[]; reportDir?: string };
}

/** Why a run stopped before its first request. */
export type StopReason =
  /** A selected doc, the config or a flag has an error diagnostic. */
  | 'invalid'
  /** The selection matched no docs (and passWithNoDocs was not set). */
  | 'no-docs'
  /** Base URL, tokens or swagger files are missing/malformed for the selected docs. */
  | 'preflight'
  /** Options that contradict each other (e.g. record with dryRun). */
  | 'usage';

/** What runProject did. `exitCode` is the CLI's exit code for it (0, 1, 2, 130). */
export interface RunOutcome {
  exitCode: number;
  /** Set when nothing was sent; `message` is one line for the console. */
  stopped?: { reason: StopReason; message: string };
  /** The run's results; absent when stopped before running. */
  result?: RunResult;
  /** Every diagnostic of the project and the run (errors and warnings). */
  diagnostics: Diagnostic[];
  /** Files the reporters wrote. */
  reportFiles: string[];
  /** With `record`: what was written into the docs. */
  record?: RecordSummary;
}

/** Events of the front door: the project once loaded, then the runner's events, then recording. */
export type AppEvent =
  | {
      type: 'project:loaded';
      selected: number;
      diagnostics: Diagnostic[];
      sources: ReadonlyMap<string, string>;
      /** Hides the run's secrets (tokens, config secrets) in text shown to a user, e.g. a code frame. */
      redact(text: string): string;
    }
  | RunEvent
  | { type: 'record:end'; summary: RecordSummary };

export type AppListener = (event: AppEvent) => void;

/** Config + discovered docs + prepare (+ preflight). Never sends; never throws for a user's mistake. */
export type LoadProject = (options: ProjectOptions) => Promise<LoadedProject>;

/** preflight → prepare → mock target → runner → recorder → reporters. Never prints except through `out`. */
export type RunProject = (options: RunProjectOptions) => Promise<RunOutcome>;
