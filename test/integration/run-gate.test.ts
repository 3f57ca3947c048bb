import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const doc = (path: string, status = '') =>
  `---\nendpoint: "GET ${path}"\nstatus: ${status || 'verified'}\n---\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: get\n    path: ${path}\n\`\`\`\n`;

interface Report {
  docs: Array<{ displayPath: string; status: string }>;
  summary: { passed: number; failed: number; skipped: number; notRun: number };
}

describe('the CI gate through stepdoc run', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer((req, res) => sendJson(res, req.path.startsWith('/bad') ? 500 : 200, { ok: true }));
    dir = mkdtempSync(join(tmpdir(), 'stepdoc-gate-'));
    for (let i = 0; i < 7; i++) writeFileSync(join(dir, `ok${i}.md`), doc(`/ok/${i}`));
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `bad${i}.md`), doc(`/bad/${i}`));
  });
  afterAll(() => server.close());

  const run = (args: string[]) => runCli(['run', ...args, '--base-url', server.url, '--retries', '1'], { cwd: dir });
  const report = (name: string): Report => JSON.parse(readFileSync(join(dir, name, 'report.json'), 'utf8')) as Report;

  it('splits docs into disjoint shards that together are the whole run, and merges them back', async () => {
    const whole = await run(['.', '--reporter', 'json', '--report-dir', 'all']);
    expect(whole.code).toBe(1);
    const shards = [];
    for (const i of [1, 2, 3]) {
      await run(['.', '--shard', `${i}/3`, '--reporter', 'json', '--report-dir', `shard${i}`]);
      shards.push(report(`shard${i}`).docs.map((d) => d.displayPath));
    }
    const union = shards.flat().sort();
    expect(new Set(union).size).toBe(union.length);
    expect(union).toEqual(
      report('all')
        .docs.map((d) => d.displayPath)
        .sort(),
    );
    expect(shards.map((s) => s.length).sort()).toEqual([3, 3, 4]);
    const again = await run(['.', '--shard', '2/3', '--reporter', 'json', '--report-dir', 'shard2b']);
    expect(again.code).toBeGreaterThanOrEqual(0);
    expect(report('shard2b').docs.map((d) => d.displayPath)).toEqual(shards[1]);
    const merged = await runCli(
      ['merge-reports', 'shard1/report.json', 'shard2/report.json', 'shard3/report.json', '--reporter', 'json', '--report-dir', 'merged'],
      { cwd: dir },
    );
    expect(merged.code, merged.stderr).toBe(0);
    expect(report('merged').summary).toEqual(report('all').summary);
  });

  it('balances shards by previous durations with --durations', async () => {
    const result = await run(['.', '--shard', '1/2', '--durations', 'all/report.json', '--reporter', 'json', '--report-dir', 'balanced']);
    expect([0, 1]).toContain(result.code);
    expect(report('balanced').docs.length).toBeGreaterThan(0);
  });

  it('stops starting docs after --max-failures', async () => {
    const result = await run(['.', '--max-failures', '1', '--concurrency', '1', '--reporter', 'json', '--report-dir', 'maxfail']);
    expect(result.code).toBe(1);
    const r = report('maxfail');
    expect(r.summary.failed).toBe(1);
    // The docs never started are counted, not dropped.
    expect(r.docs.length).toBe(10);
    expect(r.summary.notRun).toBeGreaterThan(0);
    expect(r.summary.notRun).toBe(r.docs.filter((d: { status: string }) => d.status === 'not-run').length);
  });

  it('fails the gate on skipped docs with --allow-skipped false', async () => {
    writeFileSync(join(dir, 'skipped.md'), doc('/ok/skip', 'skip'));
    const allowed = await run(['skipped.md']);
    expect(allowed.code).toBe(0);
    const strict = await run(['skipped.md', '--allow-skipped', 'false']);
    expect(strict.code).toBe(1);
  });
});
