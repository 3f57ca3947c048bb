import type { DocStatus } from '../../core/model.js';

/**
 * The coverage report: for each swagger file, its operations and the docs that declare them.
 * This shape is the `--format json` output; it is versioned and documented in docs/coverage.md.
 */
export interface CoverageReport {
  schemaVersion: 1;
  /** The instant ages are computed against (ISO 8601). */
  generatedAt: string;
  specs: SpecCoverage[];
  /** `swagger:` values that point at no file: the docs using them are in no spec's table. */
  missingSpecs: MissingSpec[];
  /** Docs without a `swagger:` key (display paths): they cannot cover anything. */
  docsWithoutSwagger: string[];
  totals: CoverageTotals;
}

export interface SpecCoverage {
  /** Display path of the spec file (relative to the project root, else to swaggerRoot, else absolute). */
  file: string;
  title?: string;
  /** `2.0`, `3.0`, `3.1`; absent when the file could not be loaded. */
  version?: string;
  /** False when the file exists but could not be read or parsed; `loadError` says why. */
  loaded: boolean;
  loadError?: string;
  /** True when at least one doc names it; false for specs added with `--swagger` only. */
  referenced: boolean;
  /** The distinct `swagger:` values of the docs that resolved to this file. */
  referencedAs: string[];
  /** Sorted by path, then method (GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, others A–Z). */
  operations: OperationCoverage[];
  /** Docs naming this spec whose `endpoint` is no operation of it, or that have no `endpoint`. */
  unmatched: UnmatchedDoc[];
  totals: CoverageTotals;
}

export interface OperationCoverage {
  method: string;
  /** The path template as written in the spec. */
  path: string;
  /** The prefix it is served under (Swagger 2.0 basePath, OAS servers path), '' when none: docs write `prefix + path`. */
  prefix: string;
  operationId?: string;
  summary?: string;
  /** Sorted by doc path; empty when the operation is not covered. */
  docs: DocCoverage[];
  covered: boolean;
  /** At least one of its docs has status `verified`. */
  verified: boolean;
}

export interface DocCoverage {
  /** Display path of the doc. */
  doc: string;
  /** `METHOD /path` as the doc's frontmatter writes it. */
  endpoint: string;
  status: DocStatus;
  /** The status as written, when it differs from the normalised one (`success`, `skip`…). */
  rawStatus?: string;
  verifiedAt?: string;
  /** Whole days since verifiedAt; null when never verified or the date is unreadable. */
  ageDays: number | null;
  /** Human label: `3 d ago`, `5 h ago`, `never`, `invalid date`. */
  age: string;
}

export interface UnmatchedDoc extends Omit<DocCoverage, 'endpoint'> {
  endpoint?: string;
  reason: 'not-in-spec' | 'no-endpoint';
  /** The closest operation of the spec, `METHOD /path` (with its served prefix). */
  closest?: string;
}

export interface MissingSpec {
  /** The `swagger:` value as written. */
  swagger: string;
  docs: string[];
  /** A did-you-mean, e.g. "did you mean `swagger/clients.json`?". */
  help?: string;
}

export interface CoverageTotals {
  operations: number;
  covered: number;
  verifiedCovered: number;
  /** covered / operations × 100, one decimal; null when there are no operations. */
  percent: number | null;
  verifiedPercent: number | null;
}
