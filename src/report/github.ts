import { appendFile } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostic.js';
import type { RunResult } from '../core/result.js';
import type { Reporter, ReporterFactory, ReporterOptions } from './reporter.js';
import { docFailureMessage, failureDetail, failureLine, failureMessage, stepTitle } from './describe.js';
import { renderStepSummary } from './markdown-summary.js';
import { repoPath } from './paths.js';
import { prepareResult } from './prepare.js';

/** Workflow-command escaping (actions/toolkit `command.ts`): data and property values differ. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning', props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${list ? ' ' + list : ''}::${escapeData(message)}\n`;
}

function diagnosticCommand(diag: Diagnostic, root: string): string {
  const kind = diag.severity === 'error' ? 'error' : 'warning';
  const props = diag.span ? { file: repoPath(root, diag.span.file), line: diag.span.line, col: diag.span.col } : {};
  return command(kind, { ...props, title: `stepdoc ${diag.code}` }, diag.message + (diag.help ? `\n${diag.help}` : ''));
}

/** Annotations: one per failed step (or failed doc without a failed step), one per run diagnostic. */
export function renderAnnotations(result: RunResult, root: string): string {
  let out = '';
  for (const doc of result.docs) {
    if (doc.status !== 'failed') continue;
    const failed = doc.steps.filter((s) => s.status === 'failed');
    for (const step of failed) {
      const file = repoPath(root, step.span.file || doc.file);
      const message = `${failureMessage(step)}\n${failureDetail(step)}`;
      out += command('error', { file, line: failureLine(step), title: `stepdoc: ${doc.displayPath} › ${stepTitle(step)}` }, message);
    }
    if (failed.length === 0) {
      out += command('error', { file: repoPath(root, doc.file), line: 1, title: `stepdoc: ${doc.displayPath}` }, docFailureMessage(doc));
    }
  }
  for (const diag of result.diagnostics) {
    if (diag.severity !== 'info') out += diagnosticCommand(diag, root);
  }
  return out;
}

/** On by default under GitHub Actions (GITHUB_ACTIONS=true); see `defaultReporterNames`. */
export const createGithubReporter: ReporterFactory = (options: ReporterOptions): Reporter => ({
  // Annotations and the step summary are about failed docs only.
  streams: true,
  async finish(result) {
    const prepared = prepareResult(result, options);
    const root = options.env.GITHUB_WORKSPACE || options.rootDir;
    options.out.write(renderAnnotations(prepared, root));
    const summaryPath = options.env.GITHUB_STEP_SUMMARY;
    if (!summaryPath) return [];
    await appendFile(summaryPath, renderStepSummary(prepared, root), 'utf8');
    return [summaryPath];
  },
});
