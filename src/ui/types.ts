import type { Diagnostic } from '../core/diagnostic.js';
import type { RunEvent, RunResult } from '../core/result.js';
import type { RecordSummary } from '../record/summary.js';

/** One doc as the dashboard lists it: what its frontmatter says now, read from disk. */
export interface DocEntry {
  /** Absolute path (the key of a doc everywhere in the UI's server). */
  file: string;
  displayPath: string;
  /** The doc's folder relative to the project root, `.` at the top. */
  folder: string;
  title?: string;
  endpoint?: string;
  domain?: string;
  tags: string[];
  /** The frontmatter status as written (verified, pending, failed, skip…). */
  status: string;
  verifiedAt?: string;
  timesReused?: number;
  /** Absolute paths of the docs this doc `use:`s (directly). */
  uses: string[];
  /** The doc's OpenAPI file (absolute), when its `swagger:` names one that exists. */
  spec?: string;
  /** Errors that keep the doc from running (shown, not run). */
  errors: Diagnostic[];
}

export interface EngineRunOptions {
  onEvent(event: RunEvent): void;
  signal: AbortSignal;
}

/** A finished run and what recording it needs (the exact text of each doc the run read). */
export interface EngineRun {
  result: RunResult;
  sources: ReadonlyMap<string, string>;
}

/**
 * Everything the UI asks of the pipeline. ONE adapter implements it (engine.ts); no other UI file
 * knows how a run is put together, so the adapter is the only file to change when the pipeline does.
 */
export interface UiEngine {
  /** The project's root (display paths are relative to it). */
  readonly rootDir: string;
  /** Whether runs go to the embedded mock (shown on the page). */
  readonly mock: boolean;
  /** Every secret of the configuration: redacted from everything the page receives. */
  readonly secrets: readonly string[];
  /** The docs (re-read from disk on each call) and the folders to watch. */
  list(): Promise<DocEntry[]>;
  /** The folders and files whose changes matter (docs, specs, config). */
  watchRoots(): string[];
  /** The raw text of a doc, or undefined when it is not one of the project's docs. */
  source(file: string): Promise<string | undefined>;
  run(files: string[], options: EngineRunOptions): Promise<EngineRun>;
  /** Files changed on disk: forget what was cached from them (loaded specs) before the next run. */
  invalidate(files: readonly string[]): void;
  /** Writes the verification metadata of these results into the docs (the recorder, src/record). */
  record(run: EngineRun, files: string[]): Promise<RecordSummary>;
}
