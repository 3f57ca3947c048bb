import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const front = (endpoint: string) => `---\nendpoint: "${endpoint}"\nstatus: verified\n---\n`;
const block = (heading: string, steps: string) => `## ${heading}\n\`\`\`yaml\nsteps:\n${steps}\`\`\`\n`;

interface Report {
  docs: Array<{
    displayPath: string;
    status: string;
    steps: Array<{ id: string; fromDoc?: string; status: string; response?: { body: unknown } }>;
  }>;
  summary: { passed: number; failed: number; notRun: number };
}

/**
 * The CLI lets go of each doc's parsed form once the doc has started (runner `retain: 'failures'`),
 * so a long run holds only the docs still waiting. What a doc needs later must not go with it.
 */
describe('a run that lets go of each doc once it has started', () => {
  let server: TestServer;
  let dir: string;
  let next = 0;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.method === 'POST') return sendJson(res, 201, { id: `item-${++next}` });
      if (req.path.startsWith('/bad')) return sendJson(res, 500, { error: 'broken' });
      sendJson(res, 200, { id: req.path.split('/').pop() });
    });
    dir = mkdtempSync(join(tmpdir(), 'stepdoc-release-'));
    const create = block('Test Request', '  - id: create\n    method: POST\n    path: /items\n    extract:\n      item_id: "$.id"\n');
    writeFileSync(join(dir, 'a_create.md'), front('POST /items') + create);
    const read = block('Test Request', '  - id: read\n    path: "/items/{{ item_id }}"\n    expect:\n      body:\n        "$.id": "{{ item_id }}"\n');
    writeFileSync(join(dir, 'b_read.md'), front('GET /items/{id}') + block('Prerequisites', '  - use: a_create.md\n') + read);
    writeFileSync(join(dir, 'c_bad.md'), front('GET /bad') + block('Test Request', '  - id: bad\n    path: /bad\n'));
    writeFileSync(join(dir, 'd_late.md'), front('GET /late') + block('Test Request', '  - id: late\n    path: /late\n'));
  });
  afterAll(() => server.close());

  it('runs a used doc that already ran and was let go, reports every doc in full, and lists docs never started', async () => {
    const result = await runCli(['run', '.', '--base-url', server.url, '--concurrency', '1', '--max-failures', '1', '--reporter', 'console,json'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')) as Report;
    const byPath = new Map(report.docs.map((d) => [d.displayPath, d]));
    expect([...byPath.keys()].sort()).toEqual(['a_create.md', 'b_read.md', 'c_bad.md', 'd_late.md']);
    expect(byPath.get('a_create.md')?.status).toBe('passed');
    // b_read ran after a_create had run on its own and been let go of: its `use:` still ran it, in full.
    const read = byPath.get('b_read.md');
    expect(read?.status).toBe('passed');
    expect(read?.steps.map((s) => [s.id, s.fromDoc, s.status])).toEqual([
      ['create', 'a_create.md', 'passed'],
      ['read', undefined, 'passed'],
    ]);
    expect(read?.steps.map((s) => s.response?.body)).toEqual([{ id: 'item-2' }, { id: 'item-2' }]);
    expect(byPath.get('c_bad.md')?.status).toBe('failed');
    expect(byPath.get('d_late.md')?.status).toBe('not-run');
    expect(report.summary).toMatchObject({ passed: 2, failed: 1, notRun: 1 });
    expect(result.stdout).toContain('c_bad.md');
  });
});
