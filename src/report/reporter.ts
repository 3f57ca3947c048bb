import type { Redactor } from '../core/redact.js';
import type { RunEvent, RunResult } from '../core/result.js';

/**
 * Options every reporter receives. Reporters never touch `process`: output goes through `out`,
 * files go under `reportDir`, and every string passes through `redactor` before it leaves.
 */
export interface ReporterOptions {
  rootDir: string;
  reportDir: string;
  redactor: Redactor;
  /** Console-like output (the CLI passes stdout). */
  out: { write(chunk: string): unknown; isTTY?: boolean };
  color: boolean;
  env: Record<string, string | undefined>;
  /** Response bodies longer than this many characters are truncated in reports. */
  maxReportBodyChars: number;
  /** Sources of the docs of the run (absolute path → text), for code frames and file/line attributes. */
  sources: ReadonlyMap<string, string>;
  quiet: boolean;
  verbose: boolean;
}

export interface Reporter {
  /**
   * True when `finish(result)` needs only the failed docs of `result` in full: the reporter took
   * every other doc from its `doc:end` event. The CLI then lets the runner drop the requests and
   * responses of docs that did not fail, so a long run's memory stays flat.
   */
  streams?: boolean;
  /** Live events while the run goes; optional. */
  onEvent?(event: RunEvent): void;
  /** Called once at the end; returns the paths of the files it wrote (if any). */
  finish(result: RunResult): Promise<string[]>;
}

export type ReporterFactory = (options: ReporterOptions) => Reporter;
