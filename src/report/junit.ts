import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { DocResult, RunResult, StepResult } from '../core/result.js';
import type { Reporter, ReporterFactory, ReporterOptions } from './reporter.js';
import { docFailureMessage, failureDetail, failureLine, failureMessage, failedChecks, seconds, stepTitle } from './describe.js';
import { repoPath } from './paths.js';
import { joined, spoolingReporter, splitAt, type DocChunk } from './doc-spool.js';
import { prepareDoc, prepareResult } from './prepare.js';
import { invalidFiles } from '../core/run-summary.js';
import { el, renderXml, renderXmlFragment, type XmlElement } from './xml.js';
import { writeFileAtomicFrom } from './write-file.js';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function stepCase(doc: DocResult, step: StepResult, rootDir: string): XmlElement {
  const name = step.fromDoc ? `${step.fromDoc} › ${stepTitle(step)}` : stepTitle(step);
  const attrs = { name, classname: doc.displayPath, file: repoPath(rootDir, step.span.file || doc.file), line: step.span.line, time: seconds(step.durationMs) };
  if (step.status === 'failed') {
    const type = step.error?.code ?? failedChecks(step)[0]?.kind ?? 'failure';
    return el('testcase', { ...attrs, line: failureLine(step) }, [el('failure', { message: failureMessage(step), type }, [], failureDetail(step))]);
  }
  if (step.status !== 'passed') {
    // dry-run, not-sent: JUnit has no such kinds; a skipped case that says which.
    const reason = step.skipReason ?? doc.skipReason ?? 'skipped';
    return el('testcase', attrs, [el('skipped', { message: step.status === 'skipped' ? reason : `${step.status}: ${reason}` })]);
  }
  return el('testcase', attrs);
}

/** A doc whose outcome no step carries (skipped before any step, or failed outside one) gets one case. */
function docCase(doc: DocResult, rootDir: string): XmlElement | undefined {
  const attrs = { name: '(doc)', classname: doc.displayPath, file: repoPath(rootDir, doc.file), line: 1, time: seconds(doc.durationMs) };
  if (doc.status === 'failed' && !doc.steps.some((s) => s.status === 'failed')) {
    const detail = doc.diagnostics.map((d) => `${d.severity}[${d.code}]: ${d.message}`).join('\n');
    return el('testcase', attrs, [el('failure', { message: docFailureMessage(doc), type: 'doc' }, [], detail)]);
  }
  if (doc.status !== 'passed' && doc.status !== 'failed' && doc.steps.length === 0) {
    const reason = doc.skipReason ?? doc.status;
    return el('testcase', attrs, [el('skipped', { message: doc.status === 'skipped' ? reason : `${doc.status}: ${reason}` })]);
  }
  return undefined;
}

function count(cases: XmlElement[]): Counts {
  const has = (c: XmlElement, name: string) => (c.children ?? []).some((x) => x.name === name);
  return {
    tests: cases.length,
    failures: cases.filter((c) => has(c, 'failure')).length,
    errors: cases.filter((c) => has(c, 'error')).length,
    skipped: cases.filter((c) => has(c, 'skipped')).length,
  };
}

function docSuite(doc: DocResult, rootDir: string): XmlElement {
  const cases = doc.steps.map((s) => stepCase(doc, s, rootDir));
  const extra = docCase(doc, rootDir);
  if (extra) cases.push(extra);
  const children = [...cases];
  const notes = doc.diagnostics.map((d) => `${d.severity}[${d.code}]: ${d.message}`);
  if (notes.length > 0) children.push(el('system-out', {}, [], notes.join('\n')));
  return el(
    'testsuite',
    {
      name: doc.displayPath,
      ...count(cases),
      time: seconds(doc.durationMs),
      timestamp: doc.startedAt,
      file: repoPath(rootDir, doc.file),
    },
    children,
  );
}

/** A file that could not run: one suite with one erroring case listing its diagnostics. */
function invalidSuite(file: string, diagnostics: Diagnostic[], rootDir: string): XmlElement {
  const mine = diagnostics.filter((d) => d.span?.file === file && d.severity === 'error');
  const path = repoPath(rootDir, file);
  const first = mine[0];
  const detail = mine.map((d) => `${d.span ? `${path}:${d.span.line}:${d.span.col} ` : ''}${d.code}: ${d.message}${d.help ? ` (${d.help})` : ''}`).join('\n');
  const testcase = el('testcase', { name: '(invalid doc)', classname: path, file: path, line: first?.span?.line ?? 1, time: '0.000' }, [
    el('error', { message: first ? `${first.code}: ${first.message}` : 'invalid doc', type: first?.code ?? 'invalid' }, [], detail),
  ]);
  return el('testsuite', { name: path, tests: 1, failures: 0, errors: 1, skipped: 0, time: '0.000', file: path }, [testcase]);
}

const NO_COUNTS: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };

function countsOf(suite: XmlElement): Counts {
  const a = suite.attrs ?? {};
  return { tests: Number(a.tests), failures: Number(a.failures), errors: Number(a.errors), skipped: Number(a.skipped) };
}

function add(a: Counts, b: Counts): Counts {
  return { tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped };
}

/** A suite as text at its place in the document, with its counts (the root's totals need them first). */
function suiteChunk(suite: XmlElement): DocChunk<Counts> {
  return { text: renderXmlFragment(suite, '  '), meta: countsOf(suite) };
}

function rootOf(result: RunResult, total: Counts, children: XmlElement[]): XmlElement {
  return el('testsuites', { name: 'stepdoc', ...total, time: seconds(result.durationMs), timestamp: result.startedAt }, children);
}

export function renderJunit(result: RunResult, rootDir: string): string {
  const suites = result.docs.map((d) => docSuite(d, rootDir));
  for (const file of invalidFiles(result.docs, result.diagnostics)) suites.push(invalidSuite(file, result.diagnostics, rootDir));
  return renderXml(rootOf(result, suites.map(countsOf).reduce(add, NO_COUNTS), suites));
}

/** `renderJunit`, written in parts: each doc's suite is rendered and spooled as the doc ends. */
export const createJunitReporter: ReporterFactory = (options: ReporterOptions): Reporter => {
  const path = join(options.reportDir, 'junit.xml');
  const render = (doc: DocResult) => suiteChunk(docSuite(prepareDoc(doc, options), options.rootDir));
  return spoolingReporter(path, render, async (spooled, result) => {
    const prepared = prepareResult({ ...result, docs: [] }, options);
    const invalid = invalidFiles(result.docs, result.diagnostics)
      .map((f) => options.redactor.text(f))
      .map((file) => suiteChunk(invalidSuite(file, prepared.diagnostics, options.rootDir)));
    const chunks = [...spooled, ...invalid.map((c) => ({ meta: c.meta, text: async () => c.text }))];
    const total = chunks.map((c) => c.meta).reduce(add, NO_COUNTS);
    if (chunks.length === 0) {
      await writeFileAtomicFrom(path, [renderXml(rootOf(prepared, total, []))]);
    } else {
      const marker = `stepdoc-suites-${randomUUID()}`;
      const [head, tail] = splitAt(renderXml(rootOf(prepared, total, [el(marker)])), `  <${marker}/>`);
      await writeFileAtomicFrom(path, joined(head, chunks, '\n', tail));
    }
    return [path];
  });
};
