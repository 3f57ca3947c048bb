import path from 'node:path';
import { contributionsOf } from './contributions.js';
import { DocStore } from './doc-store.js';
import { DEFAULT_LEDGER, hasApplied, ledgerPath, loadLedger, markApplied, reportKey, saveLedger, type Ledger } from './ledger.js';
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
 * `stepdoc record`: applies saved reports (oldest first) to the docs, one doc at a time. A (report, doc)
 * pair already in the ledger is skipped, so re-applying a report is a no-op; the ledger is saved after
 * each report and on interrupt, so finished work is never counted twice.
 */
export async function applyReports(reports: readonly SavedReport[], options: ApplyOptions): Promise<RecordSummary> {
  const now = options.now ?? (() => new Date());
  const store = new DocStore();
  const summary = new SummaryBuilder();
  const ledgerFile = options.ledger === false ? undefined : path.resolve(options.rootDir, options.ledger ?? DEFAULT_LEDGER);
  const ledger: Ledger = ledgerFile ? await loadLedger(ledgerFile) : { version: 1, applied: {} };
  for (const report of [...reports].sort(byFinish)) {
    if (options.signal?.aborted) break;
    const done = await applyOne(report, ledger, store, summary, options, now);
    if (ledgerFile && done.length > 0) {
      markApplied(ledger, reportKey(report), done, now());
      await saveLedger(ledgerFile, ledger);
    }
  }
  return summary.build();
}

/** Returns the ledger paths of the docs this report was applied to. */
async function applyOne(report: SavedReport, ledger: Ledger, store: DocStore, summary: SummaryBuilder, options: ApplyOptions, now: () => Date): Promise<string[]> {
  const root = path.resolve(options.rootDir);
  const key = reportKey(report);
  const done: string[] = [];
  for (const c of contributionsOf(report.docs, root, (d) => path.resolve(root, d.displayPath))) {
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
