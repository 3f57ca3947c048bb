import pc from 'picocolors';
import { DRY_RUN_REASON, type DocResult, type RunEvent, type RunResult } from '../core/result.js';
import type { Reporter, ReporterFactory } from './reporter.js';
import { bufferedOutput } from './buffered-output.js';
import { docLine, failureDetail, ms, runWarningLines, stepLines, summaryLine } from './console-format.js';

/**
 * One line per doc as it finishes; failures in detail at the end; a summary line. On a terminal a
 * live progress line (done/total, failures, elapsed) is redrawn in place; in CI plain lines only.
 */
export const createConsoleReporter: ReporterFactory = (options) => {
  const c = pc.createColors(options.color);
  const live = Boolean(options.out.isTTY) && !options.env.CI && !options.quiet;
  const sink = bufferedOutput(options.out);
  const out = (text: string) => sink.write(options.redactor.text(text));
  let total = 0;
  let done = 0;
  let failed = 0;
  let started = Date.now();
  const clearLive = () => live && out('\r\x1b[2K');
  const drawLive = () => live && out(c.dim(`  ${done}/${total} docs · ${failed} failed · ${ms(Date.now() - started)}`));
  const reporter: Reporter = {
    // Prints each doc as it ends; at the end it needs only the failed docs in full.
    streams: true,
    onEvent(event: RunEvent) {
      if (event.type === 'run:start') {
        total = event.total;
        started = Date.parse(event.startedAt);
      } else if (event.type === 'doc:end') {
        done++;
        if (event.doc.status === 'failed') failed++;
        clearLive();
        if (!options.quiet || event.doc.status === 'failed') out(docLine(event.doc, c) + '\n');
        if (options.verbose || isDryRun(event.doc)) out(stepLines(event.doc, c) + '\n');
        drawLive();
      }
    },
    async finish(result: RunResult) {
      clearLive();
      const failures = result.docs.filter((d) => d.status === 'failed');
      if (failures.length) out('\n' + failures.map((d) => failureDetail(d, c, options.verbose)).join('\n\n') + '\n');
      // Parts of specs that were not checked (remote refs still cut, examples that break their schema): said once each.
      const specWarnings = result.diagnostics.filter((d) => d.severity === 'warning' && /^(spec|mock)-/.test(d.code));
      if (specWarnings.length) out('\n' + specWarnings.map((d) => `${c.yellow(`warning[${d.code}]`)}: ${d.message}`).join('\n') + '\n');
      out('\n' + summaryLine(result, c) + '\n');
      for (const line of runWarningLines(result, c)) out(line + '\n');
      sink.flush();
      return [];
    },
  };
  return reporter;
};

function isDryRun(doc: DocResult): boolean {
  return doc.steps.some((s) => s.skipReason === DRY_RUN_REASON);
}
