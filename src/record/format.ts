import type { FieldChange } from './plan.js';
import type { RecordSummary } from './summary.js';

export interface FormatStyle {
  bold(s: string): string;
  dim(s: string): string;
  yellow(s: string): string;
}

const PLAIN: FormatStyle = { bold: (s) => s, dim: (s) => s, yellow: (s) => s };

/** The console view of a recording: one line per doc that changed, `key old → new`, then the warnings. */
export function formatRecordSummary(summary: RecordSummary, style: FormatStyle = PLAIN): string {
  const lines: string[] = [];
  const written = summary.docs.filter((d) => d.state === 'written' && d.changes.length > 0);
  const applied = summary.docs.filter((d) => d.state === 'already-applied').length;
  lines.push(style.bold(`recorded ${written.length} doc${written.length === 1 ? '' : 's'}`) + tail(summary.docs.length - written.length, applied));
  for (const doc of written) lines.push(`  ${doc.displayPath}  ${doc.changes.map((c) => formatChange(c, style)).join(style.dim(' · '))}`);
  for (const d of summary.diagnostics) lines.push(style.yellow(`warning[${d.code}]`) + `: ${d.message}`);
  return lines.join('\n') + '\n';
}

export function formatChange(change: FieldChange, style: FormatStyle = PLAIN): string {
  return `${change.key} ${style.dim(show(change.old))} → ${change.new}`;
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function tail(others: number, applied: number): string {
  const parts: string[] = [];
  if (others - applied > 0) parts.push(`${others - applied} unchanged or not recorded`);
  if (applied > 0) parts.push(`${applied} already applied`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
