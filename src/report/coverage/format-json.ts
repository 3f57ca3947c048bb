import type { CoverageReport } from './model.js';

/** The `--format json` output: the report as is (its schema is in docs/coverage.md), 2-space indented. */
export function formatCoverageJson(report: CoverageReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
