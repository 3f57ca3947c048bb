import { createHash } from 'node:crypto';
import type { Diagnostic } from '../core/diagnostic.js';
import type { RunResult } from '../core/result.js';
import { runKey } from '../core/run-key.js';
import { summarize } from '../core/run-summary.js';

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Diagnostics in a stable order (by file, line, column, code), each once: shards repeat run-level ones. */
export function canonicalDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const diag of list) {
    const key = JSON.stringify([diag.code, diag.severity, diag.message, diag.span ?? null, diag.help ?? null]);
    if (!seen.has(key)) seen.set(key, diag);
  }
  const key = (d: Diagnostic) => [d.span?.file ?? '', d.span?.line ?? 0, d.span?.col ?? 0, d.code] as const;
  return [...seen.values()].sort((a, b) => {
    const [fa, la, ca, xa] = key(a);
    const [fb, lb, cb, xb] = key(b);
    return byPath(fa, fb) || la - lb || ca - cb || byPath(xa, xb);
  });
}

function mergedRunId(results: RunResult[]): string {
  const ids = [...new Set(results.map((r) => r.runId))].sort();
  if (ids.length === 1) return ids[0];
  return 'merged-' + createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 16);
}

/**
 * One run from shard runs, as if it had run unsharded: docs ordered by displayPath, diagnostics
 * de-duplicated in canonical order, the summary recomputed, startedAt the earliest, finishedAt the
 * latest, no shard. A doc in two inputs is a caller error (checked by merge-reports).
 */
export function mergeRunResults(results: RunResult[]): RunResult {
  if (results.length === 0) throw new Error('mergeRunResults needs at least one result');
  // Each doc remembers the run that executed it: recording then counts it once, whichever report is applied.
  const docs = results.flatMap((r) => r.docs.map((d) => (d.origin ? d : { ...d, origin: runKey(r) }))).sort((a, b) => byPath(a.displayPath, b.displayPath));
  const diagnostics = canonicalDiagnostics(results.flatMap((r) => r.diagnostics));
  const startedAt = results.map((r) => r.startedAt).sort()[0];
  const finishedAt = results
    .map((r) => r.finishedAt)
    .sort()
    .at(-1) as string;
  const apis: Record<string, string | undefined> = {};
  for (const r of results) Object.assign(apis, r.environment.apis);
  const first = results[0];
  return {
    runId: mergedRunId(results),
    stepdocVersion: first.stepdocVersion,
    startedAt,
    finishedAt,
    durationMs: Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt)) || Math.max(...results.map((r) => r.durationMs)),
    docs,
    diagnostics,
    summary: summarize(docs, diagnostics),
    interrupted: results.some((r) => r.interrupted),
    mergedFrom: [...new Set(results.flatMap((r) => r.mergedFrom ?? [runKey(r)]))].sort(),
    environment: { ...first.environment, mock: results.every((r) => r.environment.mock), apis },
  };
}

/** displayPaths that appear in more than one input (a merge of overlapping shards would double-count). */
export function duplicateDocs(results: RunResult[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const doc of results.flatMap((r) => r.docs)) {
    if (seen.has(doc.displayPath)) dup.add(doc.displayPath);
    seen.add(doc.displayPath);
  }
  return [...dup].sort();
}
