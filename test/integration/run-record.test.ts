import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, SHARED } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const SEED = readFileSync(join(SHARED, 'seeds/000_56ed757150ad35be.txt'), 'utf8');

function frontmatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return parseDocument(match![1]).toJS() as Record<string, unknown>;
}

describe('run --record', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(async (req, res) => {
      if (req.path === '/slow') await new Promise((r) => setTimeout(r, 150));
      sendJson(res, req.path.endsWith('/clients') ? 201 : 200, { status: 'OK', data: { client: { id: 'c-1' } } });
    });
  });
  afterAll(() => server.close());

  it('records the seed twice: timesReused 0 → 2, verifiedAt moves, the body stays byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdoc-record-'));
    const doc = join(dir, 'seed.md');
    writeFileSync(doc, SEED);
    const args = ['run', doc, '--base-url', server.url, '--token', 'staff=t-123', '--record', '--schema', 'off', '--report-dir', join(dir, 'reports')];
    const first = await runCli(args, { cwd: dir });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const once = readFileSync(doc, 'utf8');
    const second = await runCli(args, { cwd: dir });
    expect(second.code).toBe(0);
    const twice = readFileSync(doc, 'utf8');
    expect(frontmatter(once).timesReused).toBe(1);
    expect(frontmatter(twice).timesReused).toBe(2);
    expect(frontmatter(twice).status).toBe('verified');
    expect(Date.parse(String(frontmatter(twice).verifiedAt))).toBeGreaterThan(Date.parse('2026-02-08T11:31:40.000Z'));
    expect(frontmatter(twice).verifiedAt).not.toBe(frontmatter(once).verifiedAt);
    expect(twice).toMatch(/^verifiedAt: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"$/m);
    const body = (text: string) => text.slice(text.indexOf('\n---', 4));
    expect(body(twice)).toBe(body(SEED));
    expect(first.stdout).toContain('timesReused');
  });

  it('counts a doc used by two other docs twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdoc-record-use-'));
    const shared =
      '---\nendpoint: "POST /clients"\nstatus: verified\ntimesReused: 0\n---\n## Test Request\n```yaml\nsteps:\n  - id: make\n    method: POST\n    path: /clients\n    extract: { client_id: "$.data.client.id" }\n```\n';
    const user = (n: number) =>
      `---\nendpoint: "GET /things/${n}"\nstatus: verified\ntimesReused: 0\n---\n## Prerequisites\n\`\`\`yaml\nsteps:\n  - use: shared.md\n\`\`\`\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: get\n    path: /things/{{ client_id }}\n\`\`\`\n`;
    writeFileSync(join(dir, 'shared.md'), shared);
    writeFileSync(join(dir, 'a.md'), user(1));
    writeFileSync(join(dir, 'b.md'), user(2));
    const run = await runCli(['run', join(dir, 'a.md'), join(dir, 'b.md'), '--base-url', server.url, '--record', '--report-dir', join(dir, 'reports')], {
      cwd: dir,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(frontmatter(readFileSync(join(dir, 'shared.md'), 'utf8')).timesReused).toBe(2);
    expect(frontmatter(readFileSync(join(dir, 'a.md'), 'utf8')).timesReused).toBe(1);
  });

  it('leaves every doc either old or new, and parseable, when SIGINT arrives mid-run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdoc-record-sigint-'));
    const original = (i: number) =>
      `---\r\nendpoint: "GET /slow"\r\nstatus: pending\r\ntimesReused: 0 # kept\r\n---\r\n## Test Request\r\n\`\`\`yaml\r\nsteps:\r\n  - id: s${i}\r\n    path: /slow\r\n\`\`\`\r\n`;
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `doc${String(i).padStart(2, '0')}.md`), original(i));
    const child = spawn(process.execPath, [BIN, 'run', dir, '--base-url', server.url, '--record', '--concurrency', '2', '--report-dir', join(dir, 'reports')], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if ((stdout.match(/✓/g) ?? []).length >= 4) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const docs = readdirSync(dir).filter((f) => f.endsWith('.md'));
    let recorded = 0;
    for (const [i, name] of docs.entries()) {
      const text = readFileSync(join(dir, name), 'utf8');
      const fm = frontmatter(text);
      if (text === original(i)) continue;
      recorded++;
      expect(fm).toMatchObject({ status: 'verified', timesReused: 1 });
      expect(text).toContain('timesReused: 1 # kept\r\n');
    }
    expect(recorded).toBeGreaterThanOrEqual(4);
    expect(recorded).toBeLessThan(docs.length);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
