import type { DocResult, RunResult } from '../core/result.js';
import type { ReporterOptions } from './reporter.js';
import { truncateDoc, truncateRun } from './truncate.js';

/**
 * The one entry point of every file reporter: redact first (so truncation can never leave half a
 * secret behind), then bound response sizes.
 */
export function prepareResult(result: RunResult, options: Pick<ReporterOptions, 'redactor' | 'maxReportBodyChars'>): RunResult {
  const redacted = options.redactor.value(result);
  return truncateRun(redacted, options.maxReportBodyChars);
}

/** One doc prepared as `prepareResult` prepares it inside a run (redaction walks each value alike). */
export function prepareDoc(doc: DocResult, options: Pick<ReporterOptions, 'redactor' | 'maxReportBodyChars'>): DocResult {
  return truncateDoc(options.redactor.value(doc), options.maxReportBodyChars);
}

/** Redacts the docs' sources too: a doc may hold a literal token an author pasted by mistake. */
export function prepareSources(options: Pick<ReporterOptions, 'redactor' | 'sources'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, text] of options.sources) out.set(file, options.redactor.text(text));
  return out;
}
