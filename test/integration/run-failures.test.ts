import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

function doc(steps: string, frontmatter = ''): string {
  return `---\nendpoint: "POST /things"\ndomain: test\nstatus: verified\n${frontmatter}---\n\n# Things\n\n## Test Request\n\n\`\`\`yaml\nsteps:\n${steps}\`\`\`\n`;
}

describe('run outcomes and exit codes', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.path === '/things') return sendJson(res, 201, { id: 7, echo: req.json ?? null });
      if (req.path === '/missing') return sendJson(res, 404, { error: 'nope' });
      sendJson(res, 200, { ok: true });
    });
    dir = mkdtempSync(join(tmpdir(), 'stepdoc-run-'));
  });
  afterAll(() => server.close());

  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('keeps a typed number a number in the JSON body', async () => {
    const path = write(
      'typed.md',
      doc(
        '  - id: make\n    method: POST\n    path: /things\n    extract:\n      thing_id: "$.id"\n' +
          '  - id: use\n    method: POST\n    path: /things\n    body:\n      amount: "{{ thing_id }}"\n      label: "n{{ thing_id }}"\n      sum: "{{ thing_id | plus: 1 }}"\n',
      ),
    );
    const run = await runCli(['run', path, '--base-url', server.url]);
    expect(run.code).toBe(0);
    const body = server.requests.at(-1)!.json as Record<string, unknown>;
    expect(body).toEqual({ amount: 7, label: 'n7', sum: 8 });
  });

  it('refuses an unknown variable with exit 2 and file:line before anything is sent', async () => {
    const path = write(
      'unknown-var.md',
      doc(
        '  - id: first\n    method: POST\n    path: /things\n  - id: second\n    method: POST\n    path: /things\n    body:\n      client: "{{ clientid }}"\n',
      ),
    );
    const before = server.requests.length;
    const run = await runCli(['run', path, '--base-url', server.url]);
    expect(run.code).toBe(2);
    expect(server.requests.length).toBe(before);
    expect(run.stderr).toContain('error[unknown-variable]: unknown variable `clientid` in step `second`');
    expect(run.stderr).toMatch(/--> .*unknown-var\.md:20:\d+/);
    expect(run.stderr).toContain('client: "{{ clientid }}"');
    expect(run.stderr).toContain('^');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails a wrong status with exit 1, showing expected vs actual', async () => {
    const path = write('wrong-status.md', doc('  - id: get_missing\n    method: GET\n    path: /missing\n    expect:\n      status: 200\n'));
    const run = await runCli(['run', path, '--base-url', server.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗');
    expect(run.stdout).toContain('expected status 200, got 404');
    expect(run.stdout).toMatch(/expected: 200\n\s+actual:\s+404/);
    expect(run.stdout).toContain(`GET ${server.url}/missing`);
    expect(run.stdout).toContain('0 passed, 1 failed');
  });

  it('uses expectedOutcome as the default status of the test phase', async () => {
    const path = write('expected-outcome.md', doc('  - id: get_missing\n    method: GET\n    path: /missing\n', 'expectedOutcome: 404\n'));
    const run = await runCli(['run', path, '--base-url', server.url]);
    expect(run.code).toBe(0);
  });

  it('skips the rest on abort but still runs teardown', async () => {
    const text = `---\nendpoint: "GET /x"\nstatus: verified\n---\n\n## Prerequisites\n\n\`\`\`yaml\nsteps:\n  - id: setup\n    path: /missing\n\`\`\`\n\n## Test Request\n\n\`\`\`yaml\nsteps:\n  - id: main\n    path: /ok\n\`\`\`\n\n## Cleanup\n\n\`\`\`yaml\nsteps:\n  - id: cleanup\n    path: /cleanup\n\`\`\`\n`;
    const path = write('abort.md', text);
    const before = server.requests.length;
    const run = await runCli(['run', path, '--base-url', server.url]);
    expect(run.code).toBe(1);
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/missing', '/cleanup']);
  });

  it('marks the doc skipped when a step with onFail: skip fails', async () => {
    const path = write(
      'skip.md',
      doc('  - id: maybe\n    path: /missing\n    onFail: skip\n    skipReason: "needs test data"\n  - id: after\n    path: /ok\n'),
    );
    const run = await runCli(['run', path, '--base-url', server.url]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('↷');
    expect(run.stdout).toContain('needs test data');
  });

  it('does not run docs whose status is skip unless --include-skipped', async () => {
    const path = write('skipped-status.md', doc('  - id: a\n    path: /ok\n', '').replace('status: verified', 'status: skip'));
    const before = server.requests.length;
    const skipped = await runCli(['run', path, '--base-url', server.url]);
    expect(skipped.code).toBe(0);
    expect(server.requests.length).toBe(before);
    const included = await runCli(['run', path, '--base-url', server.url, '--include-skipped']);
    expect(included.code).toBe(0);
    expect(server.requests.length).toBe(before + 1);
  });

  it('reports a path that does not exist with exit 2', async () => {
    const run = await runCli(['run', join(dir, 'nope.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file or folder');
  });
});
