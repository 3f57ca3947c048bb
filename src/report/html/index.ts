import { join } from 'node:path';
import type { RunResult } from '../../core/result.js';
import type { Reporter, ReporterFactory, ReporterOptions } from '../reporter.js';
import { prepareResult, prepareSources } from '../prepare.js';
import { invalidFiles } from '../../core/run-summary.js';
import { writeFileAtomic } from '../write-file.js';
import { buildView, embedJson } from './embed.js';
import { renderPage } from './template.js';

function pageTitle(result: RunResult): string {
  const s = result.summary;
  const verdict = s.failed > 0 ? `${s.failed} failed` : s.invalid > 0 ? `${s.invalid} invalid` : 'passed';
  return `stepdoc report — ${verdict} (${s.total} docs)`;
}

export function renderHtmlReport(result: RunResult, sources: ReadonlyMap<string, string>, rootDir: string): string {
  const view = buildView(result, invalidFiles(result.docs, result.diagnostics), sources, rootDir);
  return renderPage(pageTitle(result), embedJson(view));
}

/** One self-contained file: data, CSS and script inline, no external URL of any kind. */
export const createHtmlReporter: ReporterFactory = (options: ReporterOptions): Reporter => ({
  async finish(result) {
    const path = join(options.reportDir, 'report.html');
    const html = renderHtmlReport(prepareResult(result, options), prepareSources(options), options.rootDir);
    await writeFileAtomic(path, html);
    return [path];
  },
});
