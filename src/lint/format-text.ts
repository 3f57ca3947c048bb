import { renderDiagnostic, type FrameStyle } from '../core/codeframe.js';
import { countBySeverity, type LintReport } from './types.js';

/** Hurl/rustc-style code frames, one per diagnostic, then `N errors, M warnings in K docs`. */
export function formatText(report: LintReport, style?: FrameStyle, options: { errorsOnly?: boolean } = {}): string {
  const shown = options.errorsOnly ? report.diagnostics.filter((d) => d.severity === 'error') : report.diagnostics;
  const frames = shown.map((d) => renderDiagnostic(d, d.span ? report.sources.get(d.span.file) : undefined, style));
  const parts = frames.length ? [frames.join('\n\n'), ''] : [];
  parts.push(summaryLine(report));
  return parts.join('\n') + '\n';
}

export function summaryLine(report: Pick<LintReport, 'diagnostics' | 'docs'>): string {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  return `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(report.docs, 'doc')}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
