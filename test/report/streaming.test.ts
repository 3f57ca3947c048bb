import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocResult, RunResult } from '../../src/core/result.js';
import { createHtmlReporter, renderHtmlReport } from '../../src/report/html/index.js';
import { createJsonReporter, toJsonReport } from '../../src/report/json.js';
import { createJunitReporter, renderJunit } from '../../src/report/junit.js';
import { prepareResult, prepareSources } from '../../src/report/prepare.js';
import type { ReporterFactory } from '../../src/report/reporter.js';
import { manyDocs, mixedRun, NASTY, options, run, SECRETS, tempDir } from './fixtures.js';

type Opts = ReturnType<typeof options>;

/** Each format as the whole-result renderers write it, in one string: the bytes a streamed report must match. */
const FORMATS: [string, ReporterFactory, string, (r: RunResult, o: Opts) => string][] = [
  ['json', createJsonReporter, 'report.json', (r, o) => JSON.stringify(toJsonReport(prepareResult(r, o)), null, 2) + '\n'],
  ['junit', createJunitReporter, 'junit.xml', (r, o) => renderJunit(prepareResult(r, o), o.rootDir)],
  ['html', createHtmlReporter, 'report.html', (r, o) => renderHtmlReport(prepareResult(r, o), prepareSources(o), o.rootDir)],
];

/** What the CLI's runner keeps with `retain: 'failures'`: docs that did not fail lose requests, responses and checks. */
function slimmed(result: RunResult): RunResult {
  const slim = (doc: DocResult): DocResult =>
    doc.status === 'failed' ? doc : { ...doc, steps: doc.steps.map(({ request: _q, response: _r, ...s }) => ({ ...s, checks: [] })) };
  return { ...result, docs: result.docs.map(slim) };
}

/** 1,000 docs, each with a request and a response that only the doc:end event carries in full. */
function bigRun(): RunResult {
  const docs = manyDocs(1000).map((d, i) => ({
    ...d,
    steps: d.steps.map((s) => ({
      ...s,
      request: { method: 'POST', url: `http://127.0.0.1:4010/items/${i}`, headers: { authorization: `Bearer ${SECRETS.token}` }, body: { i, note: NASTY } },
      response: {
        status: 200,
        headers: {},
        body: { id: `item-${i}`, note: 'x'.repeat(300) },
        bodyText: `{"id":"item-${i}"}`,
        size: 320,
        truncated: false,
        durationMs: 3,
      },
    })),
  }));
  return run(docs, { diagnostics: mixedRun().diagnostics });
}

/** Feeds the reporter the run's events (docs in an order other than the result's), then finishes with `finishWith`. */
async function streamed(factory: ReporterFactory, dir: string, result: RunResult, finishWith: RunResult): Promise<string[]> {
  const reporter = factory(options(dir));
  reporter.onEvent?.({ type: 'run:start', total: result.docs.length, startedAt: result.startedAt });
  for (const doc of [...result.docs].reverse()) reporter.onEvent?.({ type: 'doc:end', doc });
  reporter.onEvent?.({ type: 'run:end', result: finishWith });
  return reporter.finish(finishWith);
}

describe('streaming file reporters', () => {
  for (const [name, factory, file, render] of FORMATS) {
    it(`${name}: fed doc:end events and a slim result, writes the bytes of the whole-result renderer`, async () => {
      for (const result of [mixedRun(), bigRun(), run([])]) {
        const expected = render(result, options('unused'));
        const whole = await tempDir();
        await factory(options(whole)).finish(result);
        expect((await readFile(join(whole, file), 'utf8')) === expected).toBe(true);
        const stream = await tempDir();
        expect(await streamed(factory, stream, result, slimmed(result))).toEqual([join(stream, file)]);
        const actual = await readFile(join(stream, file), 'utf8');
        expect(actual.length).toBe(expected.length);
        expect(actual === expected).toBe(true);
        // The spool beside the report is gone; only the report is left.
        expect(await readdir(stream)).toEqual([file]);
      }
    });
  }

  it('json: the streamed report keeps the responses of passed docs the slim result dropped', async () => {
    const dir = await tempDir();
    const result = bigRun();
    await streamed(createJsonReporter, dir, result, slimmed(result));
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    expect(report.docs).toHaveLength(1000);
    const passed = report.docs.filter((d: DocResult) => d.status === 'passed');
    expect(passed.length).toBe(500);
    for (const d of passed) expect(d.steps[0].response.body.note).toHaveLength(300);
    expect(JSON.stringify(report)).not.toContain(SECRETS.token);
  });

  it('a doc in the result that never came through doc:end is rendered from the result', async () => {
    const result = mixedRun();
    const whole = await tempDir();
    const partial = await tempDir();
    await createJsonReporter(options(whole)).finish(result);
    const reporter = createJsonReporter(options(partial));
    for (const doc of result.docs.slice(1)) reporter.onEvent?.({ type: 'doc:end', doc });
    await reporter.finish(result);
    expect(await readFile(join(partial, 'report.json'), 'utf8')).toBe(await readFile(join(whole, 'report.json'), 'utf8'));
  });
});
