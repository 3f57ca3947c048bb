import path from 'node:path';
import type { DocResult } from '../core/result.js';
import type { RecordInput, RecordOutcome } from './plan.js';

const RECORDED: ReadonlySet<string> = new Set<RecordOutcome>(['passed', 'failed', 'skipped']);

/** Everything one run (or one doc's end) asks of one file: its own outcome and how often it executed. */
export interface Contribution {
  file: string;
  displayPath: string;
  input: Omit<RecordInput, 'now'>;
}

/**
 * Groups doc results by the file they record into: a doc's own outcome (+1 when it executed, i.e.
 * passed or failed) and +1 per execution through another doc's `use:` (a used doc's status is not
 * changed by being used). Interrupted docs are not recorded: their outcome says nothing about the doc.
 */
export function contributionsOf(docs: readonly DocResult[], rootDir: string, locate: (doc: DocResult) => string): Contribution[] {
  const byFile = new Map<string, Contribution>();
  const entry = (file: string, displayPath: string) => {
    let c = byFile.get(file);
    if (!c) byFile.set(file, (c = { file, displayPath, input: { reuseIncrement: 0 } }));
    return c;
  };
  for (const doc of docs) {
    // Only real outcomes are recorded: a dry run, a doc never started or held back says nothing about the doc.
    if (doc.interrupted || !RECORDED.has(doc.status)) continue;
    const own = entry(locate(doc), doc.displayPath);
    own.input.outcome = doc.status as RecordOutcome;
    own.input.finishedAt = doc.finishedAt;
    if (doc.status === 'passed' || doc.status === 'failed') own.input.reuseIncrement += 1;
    for (const used of doc.usedDocs ?? []) {
      const c = entry(path.resolve(rootDir, used), toPosix(used));
      c.input.reuseIncrement += 1;
      // Only a savedAt stamp for a doc that ran solely through `use:`; its own result, if any, overrides.
      if (c.input.outcome === undefined) c.input.finishedAt = doc.finishedAt;
    }
  }
  return [...byFile.values()];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
