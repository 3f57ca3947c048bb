import { join } from 'node:path';
import type { RunResult } from '../core/result.js';
import type { Reporter, ReporterFactory, ReporterOptions } from './reporter.js';
import { prepareResult } from './prepare.js';
import { writeFileAtomic } from './write-file.js';

/** Bumped on any incompatible change of the report shape; readers check it. */
export const REPORT_SCHEMA_VERSION = 1;
/** Resolves through the package `exports` (`./schema/*`), so editors and tools find it in node_modules. */
export const REPORT_SCHEMA_REF = 'stepdoc/schema/report.schema.json';

export type JsonReport = RunResult & { $schema: string; schemaVersion: number };

/** The serialised run: what `stepdoc record` and `merge-reports` read back. */
export function toJsonReport(result: RunResult): JsonReport {
  return { $schema: REPORT_SCHEMA_REF, schemaVersion: REPORT_SCHEMA_VERSION, ...result };
}

export function fromJsonReport(report: JsonReport): RunResult {
  const { $schema: _schema, schemaVersion: _version, ...result } = report;
  return result;
}

export const createJsonReporter: ReporterFactory = (options: ReporterOptions): Reporter => ({
  async finish(result) {
    const path = join(options.reportDir, 'report.json');
    const report = toJsonReport(prepareResult(result, options));
    await writeFileAtomic(path, JSON.stringify(report, null, 2) + '\n');
    return [path];
  },
});
