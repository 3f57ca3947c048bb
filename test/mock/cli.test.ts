import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { repoRoot } from './helpers.js';

const run = promisify(execFile);

function captureIO(signal: AbortSignal): CliIO & { out: () => string } {
  let out = '';
  let err = '';
  return {
    cwd: repoRoot,
    env: { NO_COLOR: '1' },
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    signal,
    out: () => out + err,
  };
}

describe("stepdoc run scenarios --mock (the README's first command)", () => {
  test('every doc in scenarios/, negative ones included, passes: no network, no tokens', async () => {
    const bin = path.join(repoRoot, 'bin/stepdoc.js');
    expect(existsSync(path.join(repoRoot, 'dist/bundle/main.js')), 'run `npm run build` first').toBe(true);
    const reportDir = mkdtempSync(path.join(tmpdir(), 'stepdoc-mock-run-'));
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1' }; // no STEPDOC_* tokens or URLs
    const { stdout } = await run(process.execPath, [bin, 'run', 'scenarios', '--mock', '--reporter', 'json', '--report-dir', reportDir], {
      cwd: repoRoot,
      env,
    });
    const report = JSON.parse(readFileSync(path.join(reportDir, 'report.json'), 'utf8'));
    expect(report.summary.failed, stdout).toBe(0);
    expect(report.summary.passed).toBeGreaterThanOrEqual(20);
    expect(report.summary.passed).toBe(report.summary.total);
    for (const url of Object.values(report.environment.apis as Record<string, string>)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  }, 120_000);
});

describe('stepdoc mock', () => {
  test('prints the routes it serves, logs each request, and stops cleanly on abort', async () => {
    const controller = new AbortController();
    const io = captureIO(controller.signal);
    const exit = main(['mock', 'scenarios/synctera', '--port', '0'], io);
    let url: string | undefined;
    for (let i = 0; i < 200 && !url; i++) {
      url = /stepdoc mock on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 25));
    }
    expect(url, io.out()).toBeDefined();
    expect(io.out()).toContain('POST   /v0/external_cards/transfers');
    expect(io.out()).toContain('GET    /v0/external_cards/transfers/{transfer_id}');
    const response = await fetch(`${url}/v0/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ first_name: 'A', last_name: 'B', status: 'ACTIVE' }),
    });
    expect(response.status).toBe(201);
    await response.text();
    for (let i = 0; i < 100 && !/POST\s+\/v0\/customers → 201 \(\d+ ms\)/.test(io.out()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(io.out()).toMatch(/POST\s+\/v0\/customers → 201 \(\d+ ms\)/);
    controller.abort();
    expect(await exit).toBe(0);
    expect(io.out()).toContain('mock stopped');
    await expect(fetch(`${url}/v0/customers/x`)).rejects.toThrow();
  });

  test('a path without swagger files is a usage error (exit 2)', async () => {
    const io = captureIO(new AbortController().signal);
    expect(await main(['mock', 'test/mock'], io)).toBe(2);
    expect(io.out()).toContain('no swagger files');
  });
});
