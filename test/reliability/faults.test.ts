import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/core/result.js';
import { runCli } from '../support/cli.js';
import { closedPort, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { causeOf, docNamed, faultDoc, readReport, tempProject, type StepSpec } from './helpers.js';

interface FaultCase {
  name: string;
  step: (server: FaultServer, port: number) => StepSpec;
  /** The one-line cause, as a pattern (URLs and byte counts vary). */
  cause: (server: FaultServer, port: number) => RegExp;
  attempts?: number;
}

const extractId = 'extract:\n  thing_id: "$.id"';

/** Every fault of the fault server, each in its own doc, all in one run. */
const FAULTS: FaultCase[] = [
  { name: 'hang', step: () => ({ path: '/hang' }), cause: () => /^timeout after 1000 ms waiting for headers$/ },
  { name: 'hang-body', step: () => ({ path: '/hang-body' }), cause: () => /^timeout after 1000 ms reading the body \(11 bytes received\)$/ },
  { name: 'drip', step: () => ({ path: '/drip?bytes=400&ms=10' }), cause: () => /^timeout after 1000 ms reading the body \(\d+ bytes received\)$/ },
  {
    name: 'reset',
    step: () => ({ path: '/reset' }),
    cause: () => /^connection reset by the server while reading the body \(\d+ bytes received\)$/,
    attempts: 3,
  },
  { name: 'reset-early', step: () => ({ path: '/reset-early' }), cause: () => /^connection reset by the server before it answered$/, attempts: 3 },
  { name: 'status-500', step: () => ({ path: '/status/500' }), cause: () => /^expected status 2xx, got 500$/, attempts: 1 },
  { name: 'status-502', step: () => ({ path: '/status/502' }), cause: () => /^expected status 2xx, got 502$/, attempts: 3 },
  { name: 'status-503', step: () => ({ path: '/status/503' }), cause: () => /^expected status 2xx, got 503$/, attempts: 3 },
  { name: 'status-429', step: () => ({ path: '/flaky/always?fail=99&status=429&retryAfter=0' }), cause: () => /^expected status 2xx, got 429$/, attempts: 3 },
  {
    name: 'not-json',
    step: () => ({ path: '/not-json', extra: extractId }),
    cause: () => /^cannot extract `thing_id` from \$\.id: the response says JSON but is not: .+$/,
  },
  {
    name: 'big-body',
    step: () => ({ path: '/big?mb=50', extra: extractId }),
    cause: () => /^cannot extract `thing_id` from \$\.id: the body was cut at 10485760 bytes \(--max-body\) and was not parsed$/,
  },
  {
    name: 'refused',
    step: (_s, port) => ({ url: `http://127.0.0.1:${port}/nothing` }),
    cause: (_s, port) => new RegExp(`^connection refused \\(127\\.0\\.0\\.1:${port}\\)$`),
    attempts: 1,
  },
  { name: 'redirect-loop', step: () => ({ path: '/loop/a' }), cause: (s) => new RegExp(`^redirect loop: ${s.url}/loop/a → /loop/b → /loop/a$`) },
  {
    name: 'redirect-limit',
    step: () => ({ path: '/redirect-chain/9' }),
    cause: () => /^too many redirects \(more than 5\): .*\/redirect-chain\/9 → .*\/redirect-chain\/3$/,
  },
];

describe('faults end as step failures with one-line causes; the run goes on; exit 1', () => {
  let server: FaultServer;
  let report: RunResult;
  let run: { code: number | null; stdout: string; stderr: string };
  let port: number;

  beforeAll(async () => {
    server = await startFaultServer();
    port = await closedPort();
    const files: Record<string, string> = { 'docs/zz-after-the-faults.md': faultDoc('Still runs', [{ path: '/ok' }]) };
    for (const f of FAULTS) files[`docs/${f.name}.md`] = faultDoc(`Fault ${f.name}`, [f.step(server, port)]);
    const dir = tempProject(files);
    run = await runCli(['run', 'docs', '--base-url', server.url, '--timeout', '1000', '--concurrency', '8', '--reporter', 'console', '--reporter', 'json'], {
      cwd: dir,
    });
    report = readReport(dir);
  }, 60_000);
  afterAll(() => server.close());

  it('exits 1, without a stack trace, and still runs the healthy doc', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(docNamed(report, 'zz-after-the-faults.md').status).toBe('passed');
    expect(report.summary.failed).toBe(FAULTS.length);
  });

  it.each(FAULTS)('$name', (f) => {
    const doc = docNamed(report, `${f.name}.md`);
    expect(doc.status).toBe('failed');
    const step = doc.steps[0];
    expect(step.status).toBe('failed');
    const cause = causeOf(step);
    expect(cause).toMatch(f.cause(server, port));
    expect(cause).not.toContain('\n');
    if (f.attempts !== undefined) expect(step.attempts).toHaveLength(f.attempts);
    // The console shows the same line.
    expect(run.stdout).toContain(cause!.slice(0, 40));
  });

  it('never buffers a 50 MB body: it is cut near --max-body and marked truncated', () => {
    const step = docNamed(report, 'big-body.md').steps[0];
    expect(step.response?.truncated).toBe(true);
    expect(step.response!.size).toBeLessThan(11 * 1024 * 1024);
  });
});
