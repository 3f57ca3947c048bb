import type { DocStore } from './doc-store.js';
import { applyScalarEdits, readFrontmatterValues } from './frontmatter-edit.js';
import { planChanges, type FieldChange } from './plan.js';
import type { Contribution } from './contributions.js';
import type { DocRecordState, SummaryBuilder } from './summary.js';

/**
 * Records one contribution into its file through the store: the plan is made from the text on disk at
 * write time (not from the run's start), so consecutive updates of a used doc build on each other.
 */
export async function recordFile(store: DocStore, summary: SummaryBuilder, c: Contribution, now: Date): Promise<DocRecordState> {
  let changes: FieldChange[] = [];
  const outcome = await store.update(c.file, (text) => {
    changes = planChanges(readFrontmatterValues(text, c.displayPath), { ...c.input, now });
    return applyScalarEdits(
      text,
      changes.map((ch) => ({ key: ch.key, value: ch.new })),
      c.displayPath,
    );
  });
  const state: DocRecordState = outcome.kind;
  const message = outcome.kind === 'conflict' || outcome.kind === 'error' ? describe(outcome.error) : undefined;
  summary.add(c.file, c.displayPath, state, outcome.kind === 'written' ? changes : [], message);
  return state;
}

function describe(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the doc does not exist (was it moved or deleted?)';
  if (code === 'EACCES' || code === 'EPERM') return 'the doc cannot be written (permission denied)';
  return error.message;
}
