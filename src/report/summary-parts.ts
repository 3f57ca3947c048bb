import type { RunSummary } from '../core/result.js';

export type Tone = 'good' | 'bad' | 'warn' | 'plain';

/** One count of a summary line, e.g. `5 not run`, with how it should stand out. */
export interface SummaryPart {
  text: string;
  tone: Tone;
}

const KINDS = [
  ['dryRun', 'dry run'],
  ['notSent', 'not sent'],
  ['notRun', 'not run'],
] as const;

/**
 * The counts of a run, the same words in every report: passed, failed and skipped always; dry run,
 * not sent, not run and invalid when there are any; then steps a guard held back, per guard.
 * Reports read back from older versions may lack the newer counts.
 */
export function summaryParts(s: RunSummary): SummaryPart[] {
  const parts: SummaryPart[] = [
    { text: `${s.passed} passed`, tone: 'good' },
    { text: `${s.failed} failed`, tone: s.failed ? 'bad' : 'plain' },
    { text: `${s.skipped} skipped`, tone: 'plain' },
  ];
  for (const [key, label] of KINDS) if (s[key]) parts.push({ text: `${s[key]} ${label}`, tone: 'warn' });
  if (s.invalid) parts.push({ text: `${s.invalid} invalid`, tone: 'bad' });
  for (const [by, n] of Object.entries(s.stepsNotSent ?? {})) parts.push({ text: `${n} step${n === 1 ? '' : 's'} not sent: ${by}`, tone: 'warn' });
  return parts;
}
