import { describe, expect, it } from 'vitest';
import pc from 'picocolors';
import { renderJunit } from '../../src/report/junit.js';
import { renderHtmlReport } from '../../src/report/html/index.js';
import { renderStepSummary } from '../../src/report/markdown-summary.js';
import { summaryLine } from '../../src/report/console-format.js';
import { doc, run, step, ROOT } from './fixtures.js';

/** dry-run, not-sent and not-run are their own kinds in every report, never a silent pass. */
function kindsRun() {
  return run([
    doc('scenarios/a.md', 'passed', [
      step('get'),
      step('cleanup', { phase: 'teardown', status: 'not-sent', notSentBy: 'DELETE guard', skipReason: 'DELETE not sent to a live API' }),
    ]),
    doc('scenarios/b.md', 'dry-run', [step('get', { status: 'dry-run', skipReason: 'dry run: nothing sent' })]),
    doc('scenarios/c.md', 'not-sent', [step('remove', { status: 'not-sent', notSentBy: 'DELETE guard', skipReason: 'DELETE not sent to a live API' })]),
    doc('scenarios/d.md', 'not-run', [], { skipReason: 'not started: --max-failures 1 reached' }),
  ]);
}

describe('outcome kinds in every report', () => {
  it('counts each kind in the summary, and held-back steps per guard', () => {
    expect(kindsRun().summary).toEqual({
      total: 4,
      passed: 1,
      failed: 0,
      skipped: 0,
      invalid: 0,
      dryRun: 1,
      notSent: 1,
      notRun: 1,
      stepsNotSent: { 'DELETE guard': 2 },
    });
  });

  it('console summary line', () => {
    expect(summaryLine(kindsRun(), pc.createColors(false))).toBe(
      '1 passed, 0 failed, 0 skipped, 1 dry run, 1 not sent, 1 not run, 2 steps not sent: DELETE guard (4 docs, 5.00 s)',
    );
  });

  it('junit: a skipped case that names the kind', () => {
    const xml = renderJunit(kindsRun(), ROOT);
    expect(xml).toContain('<skipped message="not-sent: DELETE not sent to a live API"/>');
    expect(xml).toContain('<skipped message="dry-run: dry run: nothing sent"/>');
    expect(xml).toContain('<skipped message="not-run: not started: --max-failures 1 reached"/>');
  });

  it('github job summary headline', () => {
    expect(renderStepSummary(kindsRun(), ROOT).split('\n')[0]).toBe(
      '## ✅ stepdoc: 1 passed · 0 failed · 0 skipped · 1 dry run · 1 not sent · 1 not run · 2 steps not sent: DELETE guard',
    );
  });

  it('html: the counts are in the embedded data and the page has a chip per kind', () => {
    const html = renderHtmlReport(kindsRun(), new Map(), ROOT);
    expect(html).toContain('"notRun":1');
    expect(html).toContain('"stepsNotSent":{"DELETE guard":2}');
    expect(html).toContain("chip('not-run', s.notRun || 0, 'not run')");
  });
});
