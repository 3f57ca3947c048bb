import type { Diagnostic } from './diagnostic.js';
import type { DocResult, RunSummary } from './result.js';

/**
 * Files that could not run: the distinct files named by error diagnostics of the run that are not
 * among the docs that ran. Counting files (not diagnostics) keeps the number stable when one doc
 * has several errors and when shards repeat a run-level diagnostic.
 */
export function invalidFiles(docs: readonly DocResult[], diagnostics: readonly Diagnostic[]): string[] {
  const ran = new Set(docs.map((d) => d.file));
  const files = new Set<string>();
  for (const diag of diagnostics) {
    if (diag.severity === 'error' && diag.span && !ran.has(diag.span.file)) files.add(diag.span.file);
  }
  return [...files].sort();
}

/** The run summary from its parts; `total` counts every doc, the invalid ones included. */
export function summarize(docs: readonly DocResult[], diagnostics: readonly Diagnostic[]): RunSummary {
  const count = (status: DocResult['status']) => docs.filter((d) => d.status === status).length;
  const invalid = invalidFiles(docs, diagnostics).length;
  return {
    total: docs.length + invalid,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    invalid,
    dryRun: count('dry-run'),
    notSent: count('not-sent'),
    notRun: count('not-run'),
    stepsNotSent: stepsNotSent(docs),
  };
}

/** Steps a guard held back, counted per guard over every doc (a used doc's steps included). */
export function stepsNotSent(docs: readonly DocResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const doc of docs) {
    for (const step of doc.steps) {
      if (step.status === 'not-sent') {
        const by = step.notSentBy ?? 'guard';
        counts[by] = (counts[by] ?? 0) + 1;
      }
    }
  }
  return counts;
}
