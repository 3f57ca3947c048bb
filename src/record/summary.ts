import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { FieldChange } from './plan.js';

/** What recording did to one doc. `already-applied`: the report was applied to it before (ledger). */
export type DocRecordState = 'written' | 'unchanged' | 'conflict' | 'error' | 'already-applied';

export interface DocRecordEntry {
  file: string;
  displayPath: string;
  state: DocRecordState;
  /** Per key, the value before recording and the value after (several updates are merged). */
  changes: FieldChange[];
  message?: string;
}

export interface RecordSummary {
  docs: DocRecordEntry[];
  /** Docs that changed on disk during the run and were therefore not written. */
  conflicts: number;
  /** Docs that could not be edited or written (invalid frontmatter, missing file, I/O error). */
  errors: number;
  /** One warning per conflict or error, ready for the console and the JSON report. */
  diagnostics: Diagnostic[];
}

const SEVERITY: Record<DocRecordState, number> = { 'already-applied': 0, unchanged: 1, written: 2, error: 3, conflict: 4 };

/** Collects the outcome of every update, one entry per doc, in the order docs were first recorded. */
export class SummaryBuilder {
  private readonly entries = new Map<string, DocRecordEntry>();

  add(file: string, displayPath: string, state: DocRecordState, changes: FieldChange[], message?: string): void {
    const entry = this.entries.get(file);
    if (!entry) {
      this.entries.set(file, { file, displayPath, state, changes: state === 'written' ? [...changes] : [], message });
      return;
    }
    if (state === 'written') entry.changes = mergeChanges(entry.changes, changes);
    if (SEVERITY[state] > SEVERITY[entry.state]) {
      entry.state = state;
      entry.message = message ?? entry.message;
    }
  }

  /** Files whose every update succeeded (written or nothing to write). */
  cleanFiles(): string[] {
    return [...this.entries.values()].filter((e) => e.state === 'written' || e.state === 'unchanged').map((e) => e.file);
  }

  build(): RecordSummary {
    const docs = [...this.entries.values()];
    const diagnostics = docs
      .filter((d) => d.state === 'conflict' || d.state === 'error')
      .map((d) =>
        warningDiag(d.state === 'conflict' ? 'record-conflict' : 'record-error', `${d.displayPath}: ${d.message ?? 'not recorded'}`, {
          file: d.file,
          line: 1,
          col: 1,
        }),
      );
    return {
      docs,
      conflicts: docs.filter((d) => d.state === 'conflict').length,
      errors: docs.filter((d) => d.state === 'error').length,
      diagnostics,
    };
  }
}

/** Per key: the first old value and the last new one (a doc used twice shows timesReused 0 → 2). */
function mergeChanges(before: FieldChange[], after: FieldChange[]): FieldChange[] {
  const merged = before.map((c) => ({ ...c }));
  for (const change of after) {
    const existing = merged.find((c) => c.key === change.key);
    if (existing) existing.new = change.new;
    else merged.push({ ...change });
  }
  return merged;
}

/** Exit code contribution: a doc that could not be recorded makes the command exit 1. */
export function recordFailed(summary: RecordSummary): boolean {
  return summary.conflicts > 0 || summary.errors > 0;
}
