import type { LintReport } from './types.js';

/** One object per diagnostic, flat, for scripts: file/line/col/code/severity/message/help. */
export function formatJson(report: LintReport): string {
  const rows = report.diagnostics.map((d) => ({
    file: d.span?.file ?? null,
    line: d.span?.line ?? null,
    col: d.span?.col ?? null,
    length: d.span?.length ?? null,
    code: d.code,
    severity: d.severity,
    message: d.message,
    expected: d.expected ?? null,
    help: d.help ?? null,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
