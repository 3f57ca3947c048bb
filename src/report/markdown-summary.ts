import type { RunResult } from '../core/result.js';
import { docFailureMessage, failureDetail, stepTitle } from './describe.js';
import { repoPath } from './paths.js';
import { invalidFiles } from '../core/run-summary.js';
import { summaryParts } from './summary-parts.js';

/** GitHub caps a step summary at 1 MiB; a long list of failures is cut well before that. */
const MAX_ROWS = 100;

/** Safe in a table cell: no pipes, no line breaks, no HTML. */
export function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Inside a fenced block: a fence longer than any backtick run in the text can never be closed early. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

function headline(result: RunResult): string {
  const s = result.summary;
  const ok = s.failed === 0 && s.invalid === 0 && !result.interrupted;
  const parts = summaryParts(s).map((p) => p.text);
  const shard = result.shard ? ` (shard ${result.shard.index}/${result.shard.total})` : '';
  return `## ${ok ? '✅' : '❌'} stepdoc${shard}: ${parts.join(' · ')}${result.interrupted ? ' · interrupted' : ''}`;
}

export function renderStepSummary(result: RunResult, root: string): string {
  const lines = [
    headline(result),
    '',
    `${result.summary.total} docs in ${(result.durationMs / 1000).toFixed(1)} s · run \`${result.runId}\` · stepdoc ${result.stepdocVersion}`,
    '',
  ];
  const failed = result.docs.filter((d) => d.status === 'failed');
  if (failed.length > 0) {
    lines.push('| Doc | Endpoint | Failure |', '|---|---|---|');
    for (const doc of failed.slice(0, MAX_ROWS)) {
      lines.push(`| ${cell(doc.displayPath)} | ${cell(doc.endpoint ?? '')} | ${cell(docFailureMessage(doc))} |`);
    }
    if (failed.length > MAX_ROWS) lines.push('', `…and ${failed.length - MAX_ROWS} more failed docs (see the HTML report).`);
    lines.push('');
    for (const doc of failed.slice(0, MAX_ROWS)) {
      const step = doc.steps.find((s) => s.status === 'failed');
      if (!step) continue;
      lines.push(`<details><summary>${cell(doc.displayPath)} › ${cell(stepTitle(step))}</summary>`, '', fenced(failureDetail(step)), '', '</details>', '');
    }
  }
  const invalid = invalidFiles(result.docs, result.diagnostics);
  if (invalid.length > 0) {
    lines.push('**Invalid docs** (not run):', '');
    for (const file of invalid.slice(0, MAX_ROWS)) {
      const diag = result.diagnostics.find((d) => d.span?.file === file && d.severity === 'error');
      lines.push(`- ${cell(repoPath(root, file))}${diag?.span ? `:${diag.span.line}` : ''} — ${cell(diag ? `${diag.code}: ${diag.message}` : 'invalid')}`);
    }
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
