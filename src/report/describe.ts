import type { CheckResult, DocResult, StepResult } from '../core/result.js';

/** Plain-text descriptions of results, shared by the JUnit, GitHub and Markdown outputs. */

export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function failedChecks(step: StepResult): CheckResult[] {
  return step.checks.filter((c) => !c.passed && c.severity !== 'warning');
}

export function checkLine(check: CheckResult): string {
  const head = `${check.passed ? 'ok' : check.severity === 'warning' ? 'warning' : 'failed'}: ${check.name}`;
  const parts = [head];
  if (!check.passed && (check.expected !== undefined || check.actual !== undefined)) {
    parts.push(`expected ${formatValue(check.expected)}, actual ${formatValue(check.actual)}`);
  }
  if (check.message) parts.push(check.message);
  return parts.join(' — ');
}

/** One line saying why a step failed: its error, else its first failed check. */
export function failureMessage(step: StepResult): string {
  if (step.error) return `${step.error.code}: ${step.error.message}`;
  const check = failedChecks(step)[0];
  if (check) {
    const values =
      check.expected !== undefined || check.actual !== undefined ? `: expected ${formatValue(check.expected)}, actual ${formatValue(check.actual)}` : '';
    return `${check.name}${values}${check.message ? ` (${check.message})` : ''}`;
  }
  return 'step failed';
}

/** Several lines: request line, error, every check, response status. For JUnit bodies and summaries. */
export function failureDetail(step: StepResult): string {
  const lines: string[] = [];
  if (step.request) lines.push(`${step.request.method} ${step.request.url}`);
  if (step.response) lines.push(`→ ${step.response.status} in ${Math.round(step.response.durationMs)} ms`);
  if (step.error) lines.push(`error ${step.error.code}: ${step.error.message}`);
  for (const check of step.checks) lines.push(checkLine(check));
  if (step.attempts.length > 1) lines.push(`attempts: ${step.attempts.length}`);
  return lines.join('\n');
}

/** The line a failure points at: the failed check's span when it has one, else the step's. */
export function failureLine(step: StepResult): number {
  return failedChecks(step).find((c) => c.span)?.span?.line ?? step.span.line;
}

export function stepTitle(step: StepResult): string {
  return step.description ? `${step.id} — ${step.description}` : step.id;
}

/** Why a doc failed when none of its steps did (e.g. a `use:` failed or a template broke before any step). */
export function docFailureMessage(doc: DocResult): string {
  const step = doc.steps.find((s) => s.status === 'failed');
  if (step) return failureMessage(step);
  const diag = doc.diagnostics.find((d) => d.severity === 'error');
  if (diag) return `${diag.code}: ${diag.message}`;
  return doc.interrupted ? 'interrupted' : 'doc failed';
}

export function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}
