import path from 'node:path';
import type { DocResult } from '../core/result.js';
import { runKey } from '../core/run-key.js';
import { contributionsOf } from './contributions.js';
import { DocStore } from './doc-store.js';
import { DEFAULT_LEDGER, hasApplied, ledgerPath, loadLedger, markApplied, saveLedger, type Ledger } from './ledger.js';
import { recordFile } from './record-file.js';
import type { SavedReport } from './report-file.js';
import { SummaryBuilder, type RecordSummary } from './summary.js';

export interface ApplyOptions {
  /** Report paths (`docs[].displayPath`, `usedDocs`) are resolved against this folder. */
  rootDir: string;
  /** Ledger file (relative to rootDir or absolute), or false for none. */
  ledger?: string | false;
  now?: () => Date;
  /** Stops before the next doc once aborted; the write in progress completes. */
  signal?: AbortSignal;
}

/**
 * `stepdoc record`: applies saved reports (oldest first) to the docs, one doc at a time. A (run, doc)
 * pair already in the ledger is skipped, so re-applying a report is a no-op. The run is the one that
 * executed the doc: a merged report names each doc's shard run (`origin`), so a shard's report and the
 * merged report of the same run, in any order, count each execution once. The ledger is saved after
 * each report and on interrupt, so finished work is never counted twice.
 */
export async function applyReports(reports: readonly SavedReport[], options: ApplyOptions): Promise<RecordSummary> {
  const now = options.now ?? (() => new Date());
  const store = new DocStore();
  const summary = new SummaryBuilder();
  const ledgerFile = options.ledger === false ? undefined : path.resolve(options.rootDir, options.ledger ?? DEFAULT_LEDGER);
  const ledger: Ledger = ledgerFile ? await loadLedger(ledgerFile) : { version: 1, applied: {} };
  for (const report of [...reports].sort(byFinish)) {
    for (const [key, docs] of byExecutingRun(report)) {
      if (options.signal?.aborted) break;
      const done = await applyRun(key, docs, ledger, store, summary, options, now);
      if (ledgerFile && done.length > 0) {
        markApplied(ledger, key, done, now());
        await saveLedger(ledgerFile, ledger);
      }
    }
  }
  return summary.build();
}

/** The report's docs grouped by the run that executed them: one group, or one per shard of a merged report. */
function byExecutingRun(report: SavedReport): Map<string, DocResult[]> {
  const groups = new Map<string, DocResult[]>();
  const own = runKey(report);
  for (const doc of report.docs) {
    const key = doc.origin ?? own;
    const list = groups.get(key);
    if (list) list.push(doc);
    else groups.set(key, [doc]);
  }
  return groups;
}

/** Returns the ledger paths of the docs this run's results were applied to. */
async function applyRun(
  key: string,
  docs: DocResult[],
  ledger: Ledger,
  store: DocStore,
  summary: SummaryBuilder,
  options: ApplyOptions,
  now: () => Date,
): Promise<string[]> {
  const root = path.resolve(options.rootDir);
  const done: string[] = [];
  for (const c of contributionsOf(docs, root, (d) => path.resolve(root, d.displayPath))) {
    if (options.signal?.aborted) break;
    const rel = ledgerPath(root, c.file);
    if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) {
      summary.add(c.file, c.displayPath, 'error', [], 'is outside the project root; pass --root');
    } else if (hasApplied(ledger, key, rel)) {
      summary.add(c.file, c.displayPath, 'already-applied', []);
    } else {
      const state = await recordFile(store, summary, c, now());
      if (state === 'written' || state === 'unchanged') done.push(rel);
    }
  }
  return done;
}

function byFinish(a: SavedReport, b: SavedReport): number {
  return (Date.parse(a.finishedAt ?? '') || 0) - (Date.parse(b.finishedAt ?? '') || 0);
}
