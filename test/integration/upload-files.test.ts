import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
});
afterAll(() => server.close());

describe('multipart upload files', () => {
  it('are found in the test-files/ folder of a folder above the doc (the vcita layout: api-validation/test-files)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'stepdoc-upload-'));
    const repo = join(cwd, 'repo', 'api-validation');
    mkdirSync(join(repo, 'workflows', 'clients'), { recursive: true });
    mkdirSync(join(repo, 'test-files'), { recursive: true });
    writeFileSync(join(repo, 'test-files', 'sample.txt'), 'UPLOADED-CONTENT');
    writeFileSync(
      join(repo, 'workflows', 'clients', 'upload.md'),
      [
        '---',
        'endpoint: "POST /upload"',
        '---',
        '# Upload',
        '',
        '## Test Request',
        '```yaml',
        'steps:',
        '  - id: upload',
        '    method: POST',
        '    path: /upload',
        '    token: none',
        '    content_type: multipart',
        '    form_fields: { title: doc }',
        '    file_fields:',
        '      - field_name: file',
        '        file_path: sample.txt',
        '    expect:',
        '      status: 200',
        '```',
        '',
      ].join('\n'),
    );
    const run = await runCli(['run', 'repo/api-validation/workflows', '--base-url', server.url], { cwd });
    expect(run.stdout + run.stderr).toContain('1 passed');
    expect(server.requests.at(-1)?.body).toContain('UPLOADED-CONTENT');
  }, 60_000);
});
