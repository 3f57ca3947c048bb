import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiClient } from './client.js';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const tsx = resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs');

describe('npm run sandbox (test/sandbox/main.ts)', () => {
  it('prints both base URLs and the stepdoc command, serves them, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [tsx, 'test/sandbox/main.ts', '--misbehave', 'skip3ds'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const printed = new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ctrl-C')) done();
      });
      child.on('exit', (code) => fail(new Error(`exited early with ${code}: ${output}`)));
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await printed;
      const main = /main base URL:\s+(\S+)/.exec(output)?.[1];
      const fallback = /fallback base URL:\s+(\S+)/.exec(output)?.[1];
      expect(main).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(fallback).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(output).toContain(`stepdoc run scenarios --base-url ${main} --fallback-url ${fallback} --token staff=`);
      expect(output).toContain('misbehaving on purpose: skip3ds');
      expect((await apiClient(main!).call('POST', '/v0/customers', {})).status).toBe(400);
      expect((await apiClient(fallback!).call('GET', '/platform/v1/payment/settings')).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
