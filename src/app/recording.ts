import pc from 'picocolors';
import { ExitCode } from '../core/exit-codes.js';
import type { RunEvent } from '../core/result.js';
import type { RunSettings } from '../core/settings.js';
import type { RecordSummary } from '../record/summary.js';
import type { TextSink } from './types.js';

export interface Recording {
  onEvent(event: RunEvent): void;
  finish(): Promise<{ summary: RecordSummary; exitCode: number }>;
}

/**
 * `record`: each doc's metadata is written as it finishes; finish waits for every write. The recorder
 * decides per outcome: only passed, failed and skipped docs are written (never a dry run, never a doc
 * that did not run or sent nothing).
 */
export async function startRecording(
  settings: RunSettings,
  sources: ReadonlyMap<string, string>,
  out: TextSink | undefined,
  color: boolean,
): Promise<Recording> {
  const { createRecorder, recordFailed, formatRecordSummary } = await import('../record/recorder.js');
  const recorder = createRecorder({ rootDir: settings.rootDir, sources });
  return {
    onEvent: (event) => recorder.onEvent(event),
    async finish() {
      const summary = await recorder.settle();
      const c = pc.createColors(color);
      const text = formatRecordSummary(summary, { bold: c.bold, dim: c.dim, yellow: c.yellow });
      if (text && out) out.write(`\n${text}\n`);
      return { summary, exitCode: recordFailed(summary) ? ExitCode.Failed : ExitCode.Ok };
    },
  };
}
