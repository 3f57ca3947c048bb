import type { DocResult, RunResult, StepResult } from '../core/result.js';
import { curlCommand } from '../http/curl.js';
import type { ReporterOptions } from './reporter.js';
import { truncateDoc, truncateRun } from './truncate.js';

/**
 * The one entry point of every file reporter: redact first (so truncation can never leave half a
 * secret behind), then bound response sizes.
 */
export function prepareResult(result: RunResult, options: Pick<ReporterOptions, 'redactor' | 'maxReportBodyChars'>): RunResult {
  const redacted = options.redactor.value(result);
  return truncateRun({ ...redacted, docs: redacted.docs.map((d) => withCurl(d, options)) }, options.maxReportBodyChars);
}

/** One doc prepared as `prepareResult` prepares it inside a run (redaction walks each value alike). */
export function prepareDoc(doc: DocResult, options: Pick<ReporterOptions, 'redactor' | 'maxReportBodyChars'>): DocResult {
  return truncateDoc(withCurl(options.redactor.value(doc), options), options.maxReportBodyChars);
}

/** Copy as curl on each failed step that sent a request, built from the redacted request (see http/curl.ts). */
function withCurl(doc: DocResult, options: Pick<ReporterOptions, 'redactor'>): DocResult {
  if (!doc.steps.some(wantsCurl)) return doc;
  return { ...doc, steps: doc.steps.map((s) => (wantsCurl(s) ? { ...s, curl: options.redactor.text(curlCommand(s.request!)) } : s)) };
}

function wantsCurl(step: StepResult): boolean {
  return step.status === 'failed' && step.request !== undefined;
}

/** Redacts the docs' sources too: a doc may hold a literal token an author pasted by mistake. */
export function prepareSources(options: Pick<ReporterOptions, 'redactor' | 'sources'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, text] of options.sources) out.set(file, options.redactor.text(text));
  return out;
}
