import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DocResult, RunResult } from '../core/result.js';
import type { Reporter, ReporterFactory, ReporterOptions } from './reporter.js';
import { joined, spoolingReporter, splitAt } from './doc-spool.js';
import { prepareDoc, prepareResult } from './prepare.js';
import { writeFileAtomicFrom } from './write-file.js';

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

/**
 * `JSON.stringify(report, null, 2)`, written in parts: the run without its docs, with each doc's
 * text (spooled as it ended) put where the docs array goes.
 */
export const createJsonReporter: ReporterFactory = (options: ReporterOptions): Reporter => {
  const path = join(options.reportDir, 'report.json');
  const render = (doc: DocResult) => ({ text: atDocDepth(prepareDoc(doc, options)), meta: undefined });
  return spoolingReporter(path, render, async (chunks, result) => {
    const token = `stepdoc-docs-${randomUUID()}`;
    const outline = JSON.stringify({ ...toJsonReport(prepareResult({ ...result, docs: [] }, options)), docs: token }, null, 2) + '\n';
    const [head, tail] = splitAt(outline, JSON.stringify(token));
    const parts = chunks.length === 0 ? [head + '[]' + tail] : joined(head + '[\n    ', chunks, ',\n    ', '\n  ]' + tail);
    await writeFileAtomicFrom(path, parts);
    return [path];
  });
};

const OPEN = '{\n  "d": [\n    ';
const CLOSE = '\n  ]\n}';

/**
 * A doc's JSON as it is indented in the report's docs array (depth 2): stringified at that depth
 * and cut out, rather than re-indented with a replace — which copied every doc's text (≈11 KB
 * with two 2 KB bodies) once more, a fifth of all a long run allocated.
 */
export function atDocDepth(doc: DocResult): string {
  const text = JSON.stringify({ d: [doc] }, null, 2);
  return text.slice(OPEN.length, text.length - CLOSE.length);
}
