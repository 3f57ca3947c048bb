import type { Diagnostic } from '../core/diagnostic.js';

export interface LintOptions {
  /** Files or folders of docs (default: scenarios/). */
  paths: string[];
  /** Project root: display paths, `use:` and `swagger:` paths are relative to it. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Explicit config file; otherwise ./stepdoc.config.yaml when present. */
  config?: string;
  /** `NAME=VALUE` each, as for `run --var`: the names become known variables. */
  vars?: string[];
  /** Threads to lint on (default 1); large sets only. */
  threads?: number;
}

export interface LintReport {
  /** Sorted by file, line, column; deduplicated. */
  diagnostics: Diagnostic[];
  /** Docs linted (the config file is not counted). */
  docs: number;
  /** Source text by display path, for code frames. */
  sources: Map<string, string>;
  /** Values to redact from any output (token values written into the config file). */
  secrets: string[];
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
