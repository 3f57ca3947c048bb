/**
 * `run --record`: writes each doc's verification metadata as the doc finishes.
 *
 *   const recorder = createRecorder({ rootDir, sources });   // sources: absolute path → text as read
 *   runner.on(recorder.onEvent);                              // every RunEvent; only doc:end / run:end matter
 *   const summary = await recorder.settle();                  // after the run, also after an interrupt
 *
 * On `doc:end`: passed → status verified + verifiedAt = the doc's finishedAt; failed → status failed;
 * +1 timesReused for the doc if it executed and +1 per entry of `usedDocs` (display paths relative to
 * rootDir). Docs with status skip/skipped/deprecated are never touched. `sources` is the exact text the
 * run read (BOM and CRLF kept): a doc whose disk text differs is a conflict, not overwritten.
 * Writes are atomic and serial per file; `settle()` waits for every write in flight (so an interrupted
 * run never leaves a half-written doc), then records the run id in the ledger (so applying the run's
 * saved report with `stepdoc record` later changes nothing) and returns what changed per doc.
 * Exit code: `recordFailed(summary)` (a conflict or error) should make the run exit 1.
 */
import path from 'node:path';
import type { DocResult, RunEvent, RunResult } from '../core/result.js';
import { contributionsOf } from './contributions.js';
import { DocStore } from './doc-store.js';
import { runKey } from '../core/run-key.js';
import { DEFAULT_LEDGER, ledgerPath, loadLedger, markApplied, saveLedger } from './ledger.js';
import { recordFile } from './record-file.js';
import { SummaryBuilder, type RecordSummary } from './summary.js';

export type { RecordSummary } from './summary.js';
export { recordFailed } from './summary.js';
export { formatRecordSummary } from './format.js';

export interface RecorderOptions {
  rootDir: string;
  sources: ReadonlyMap<string, string>;
  now?: () => Date;
  /** Ledger file (relative to rootDir or absolute), or false for none. Default `reports/.stepdoc-record-ledger.json`. */
  ledger?: string | false;
}

export interface Recorder {
  onEvent(event: RunEvent): void;
  settle(): Promise<RecordSummary>;
}

export function createRecorder(options: RecorderOptions): Recorder {
  const now = options.now ?? (() => new Date());
  const store = new DocStore(options.sources);
  const summary = new SummaryBuilder();
  const pending = new Set<Promise<unknown>>();
  let finished: RunResult | undefined;

  const onDocEnd = (doc: DocResult) => {
    for (const c of contributionsOf([doc], options.rootDir, (d) => d.file)) {
      const task = recordFile(store, summary, c, now());
      pending.add(task);
      const done = () => pending.delete(task);
      task.then(done, done);
    }
  };

  return {
    onEvent(event) {
      if (event.type === 'doc:end') onDocEnd(event.doc);
      else if (event.type === 'run:end') finished = event.result;
    },
    async settle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await store.idle();
      const result = summary.build();
      if (finished && options.ledger !== false) await noteRun(options, finished, summary, result);
      return result;
    },
  };
}

/** Best effort: a ledger that cannot be written is a warning, the docs are already recorded. */
async function noteRun(options: RecorderOptions, run: RunResult, summary: SummaryBuilder, result: RecordSummary): Promise<void> {
  const file = path.resolve(options.rootDir, options.ledger || DEFAULT_LEDGER);
  const clean = summary.cleanFiles();
  if (clean.length === 0) return;
  try {
    const ledger = await loadLedger(file);
    markApplied(
      ledger,
      runKey(run),
      clean.map((f) => ledgerPath(options.rootDir, f)),
      new Date(),
    );
    await saveLedger(file, ledger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result.diagnostics.push({ code: 'record-ledger', severity: 'warning', message: `the record ledger was not updated: ${message}` });
  }
}
