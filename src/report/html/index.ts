import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DocResult, RunResult } from '../../core/result.js';
import type { Reporter, ReporterFactory, ReporterOptions } from '../reporter.js';
import { joined, spoolingReporter, splitAt } from '../doc-spool.js';
import { prepareDoc, prepareResult, prepareSources } from '../prepare.js';
import { invalidFiles } from '../../core/run-summary.js';
import { writeFileAtomicFrom } from '../write-file.js';
import { buildView, embedJson, viewDoc } from './embed.js';
import { renderPage } from './template.js';

function pageTitle(result: RunResult): string {
  const s = result.summary;
  const verdict = s.failed > 0 ? `${s.failed} failed` : s.invalid > 0 ? `${s.invalid} invalid` : s.passed > 0 ? 'passed' : 'nothing sent';
  return `stepdoc report — ${verdict} (${s.total} docs)`;
}

export function renderHtmlReport(result: RunResult, sources: ReadonlyMap<string, string>, rootDir: string): string {
  const view = buildView(result, invalidFiles(result.docs, result.diagnostics), sources, rootDir);
  return renderPage(pageTitle(result), embedJson(view));
}

/**
 * One self-contained file: data, CSS and script inline, no external URL of any kind. Written in
 * parts: the page around the data, and each doc's view (spooled as the doc ended) in the docs array.
 */
export const createHtmlReporter: ReporterFactory = (options: ReporterOptions): Reporter => {
  const path = join(options.reportDir, 'report.html');
  let sources: Map<string, string> | undefined;
  const prepared = () => (sources ??= prepareSources(options));
  const render = (doc: DocResult) => ({ text: embedJson(viewDoc(prepareDoc(doc, options), prepared(), options.rootDir)), meta: undefined });
  return spoolingReporter(path, render, async (chunks, result) => {
    const outline = prepareResult({ ...result, docs: [] }, options);
    const invalid = invalidFiles(result.docs, result.diagnostics).map((f) => options.redactor.text(f));
    const view = buildView(outline, invalid, prepared(), options.rootDir);
    const token = `stepdoc-docs-${randomUUID()}`;
    const page = renderPage(pageTitle(outline), embedJson({ ...view, run: { ...view.run, docs: token } }));
    const [head, tail] = splitAt(page, JSON.stringify(token));
    await writeFileAtomicFrom(path, joined(head + '[', chunks, ',', ']' + tail));
    return [path];
  });
};
