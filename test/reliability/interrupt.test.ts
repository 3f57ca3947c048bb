import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/core/result.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { faultDoc, spawnCli, tempProject, waitFor } from './helpers.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

/** Three docs whose test step hangs; each cleans up with `cleanupPath`. Concurrency 2: the third never starts. */
function hangingProject(tag: string, cleanupPath: string): string {
  const files: Record<string, string> = {};
  for (const name of ['a', 'b', 'c']) {
    files[`docs/${name}.md`] = faultDoc(
      `Hangs ${name}`,
      [
        { id: 'wait', path: `/hang?tag=${tag}&doc=${name}` },
        { id: 'never', path: `/ok?tag=${tag}&after=${name}` },
      ],
      {
        setup: [{ id: 'prepare', path: `/ok?tag=${tag}&setup=${name}` }],
        cleanup: [{ id: 'tidy', path: `${cleanupPath}${cleanupPath.includes('?') ? '&' : '?'}tag=${tag}&cleanup=${name}` }],
      },
    );
  }
  return tempProject(files);
}

const tagged = (tag: string) => server.hits.filter((h) => h.query.get('tag') === tag);

describe.each(['SIGINT', 'SIGTERM'] as const)('%s during a run', (signal) => {
  it('stops sending, aborts in-flight requests, runs teardown of started docs, writes reports marked interrupted, exits 130', async () => {
    const tag = `${signal}-${Date.now()}`;
    const dir = hangingProject(tag, '/ok');
    const cli = spawnCli(
      ['run', 'docs', '--base-url', server.url, '--concurrency', '2', '--timeout', '30000', '--reporter', 'json', '--reporter', 'junit'],
      dir,
    );
    await waitFor(() => tagged(tag).filter((h) => h.path === '/hang').length === 2);
    cli.child.kill(signal);
    const { code, stderr } = await cli.done;
    expect(code, stderr).toBe(130);
    expect(stderr).toContain(`${signal}: stopping`);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

    const hits = tagged(tag);
    expect(
      hits
        .filter((h) => h.query.has('cleanup'))
        .map((h) => h.query.get('cleanup'))
        .sort(),
    ).toEqual(['a', 'b']);
    expect(hits.filter((h) => h.query.has('after'))).toHaveLength(0);
    expect(hits.some((h) => h.query.get('doc') === 'c' || h.query.get('setup') === 'c')).toBe(false);

    const report = JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8')) as RunResult;
    expect(report.interrupted).toBe(true);
    // The doc never started is counted as not run, not dropped.
    expect(report.docs.map((d) => `${d.displayPath}:${d.status}`).sort()).toEqual(['docs/a.md:failed', 'docs/b.md:failed', 'docs/c.md:not-run']);
    expect(report.summary.notRun).toBe(1);
    report.docs = report.docs.filter((d) => d.status !== 'not-run');
    for (const doc of report.docs) {
      expect(doc.interrupted).toBe(true);
      expect(doc.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['prepare:passed', 'wait:failed', 'never:skipped', 'tidy:passed']);
      expect(doc.steps[1].error?.message).toBe('request aborted (run interrupted)');
      expect(doc.steps[2].skipReason).toBe('interrupted');
    }
    expect(existsSync(join(dir, 'reports/junit.xml'))).toBe(true);
  });
});

describe('teardown after an interrupt is bounded', () => {
  it('gives up on a hanging cleanup after the grace period, still writes the report and exits 130', async () => {
    const tag = `grace-${Date.now()}`;
    const dir = hangingProject(tag, '/hang');
    const cli = spawnCli(['run', 'docs', '--base-url', server.url, '--concurrency', '2', '--timeout', '60000', '--reporter', 'json'], dir);
    await waitFor(() => tagged(tag).filter((h) => h.path === '/hang').length === 2);
    cli.child.kill('SIGINT');
    const { code, stderr } = await cli.done;
    expect(code, stderr).toBe(130);
    const report = JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8')) as RunResult;
    expect(report.interrupted).toBe(true);
    for (const doc of report.docs.filter((d) => d.status !== 'not-run'))
      expect(doc.steps.at(-1)).toMatchObject({ id: 'tidy', status: 'failed', error: { code: 'aborted' } });
  });

  it('a second SIGINT exits at once, leaving no half-written report', async () => {
    const tag = `twice-${Date.now()}`;
    const dir = hangingProject(tag, '/hang');
    const cli = spawnCli(
      ['run', 'docs', '--base-url', server.url, '--concurrency', '2', '--timeout', '60000', '--reporter', 'json', '--reporter', 'html'],
      dir,
    );
    await waitFor(() => tagged(tag).filter((h) => h.path === '/hang').length === 2);
    cli.child.kill('SIGINT');
    await waitFor(() => tagged(tag).filter((h) => h.query.has('cleanup')).length === 2);
    cli.child.kill('SIGINT');
    const { code } = await cli.done;
    expect(code).toBe(130);
    const reports = join(dir, 'reports');
    const files = existsSync(reports) ? readdirSync(reports) : [];
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (files.includes('report.json')) expect(() => JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8'))).not.toThrow();
  });
});
