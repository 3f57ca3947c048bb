import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { exitCodeFor, failureLimitReached } from '../../src/report/gate.js';
import { defaultReporterNames, loadReporter } from '../../src/report/registry.js';
import { doc, mixedRun, run, step } from './fixtures.js';

describe('gate', () => {
  const passed = doc('a.md', 'passed', [step('s')]);
  const skipped = doc('b.md', 'skipped', [], { skipReason: 'later' });
  const failed = doc('c.md', 'failed', [step('s', { status: 'failed' })]);

  it('0 when all passed, skips allowed by default', () => {
    expect(exitCodeFor(run([passed, skipped]), { allowSkipped: true })).toBe(0);
  });
  it('1 on any failed doc, and on skips when they are not allowed', () => {
    expect(exitCodeFor(run([passed, failed]), { allowSkipped: true })).toBe(1);
    expect(exitCodeFor(run([passed, skipped]), { allowSkipped: false })).toBe(1);
    expect(exitCodeFor(run([passed]), { allowSkipped: false })).toBe(0);
  });
  it('2 when a doc was invalid, 130 when interrupted', () => {
    expect(exitCodeFor(mixedRun(), { allowSkipped: true })).toBe(2);
    expect(exitCodeFor(run([passed], { interrupted: true }), { allowSkipped: true })).toBe(130);
  });
  it('--max-failures', () => {
    expect(failureLimitReached(2, 3)).toBe(false);
    expect(failureLimitReached(3, 3)).toBe(true);
    expect(failureLimitReached(99, undefined)).toBe(false);
    expect(failureLimitReached(99, 0)).toBe(false);
  });
});

describe('reporter registry', () => {
  it('loads each file format lazily', async () => {
    for (const name of ['json', 'junit', 'html', 'github']) expect(typeof (await loadReporter(name))).toBe('function');
  });
  it('rejects an unknown name with a suggestion', async () => {
    const error = await loadReporter('junt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('unknown reporter `junt`');
    expect((error as UsageError).help).toBe('did you mean `junit`?');
    await expect(loadReporter('toString')).rejects.toBeInstanceOf(UsageError);
  });
  it('adds GitHub annotations by default under GitHub Actions only', () => {
    expect(defaultReporterNames({ GITHUB_ACTIONS: 'true' })).toEqual(['console', 'github']);
    expect(defaultReporterNames({})).toEqual(['console']);
  });
});
