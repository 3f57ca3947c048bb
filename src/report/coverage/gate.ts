import type { CoverageReport } from './model.js';

export interface BelowThreshold {
  file: string;
  percent: number;
}

/**
 * `--fail-under PCT`: the loaded specs whose operation coverage is below PCT. Specs with no
 * operations (or that did not load) have no percentage and never fail the gate; their warnings say why.
 */
export function specsBelow(report: CoverageReport, threshold: number): BelowThreshold[] {
  return report.specs.flatMap((spec) =>
    spec.totals.percent !== null && spec.totals.percent < threshold ? [{ file: spec.file, percent: spec.totals.percent }] : [],
  );
}
