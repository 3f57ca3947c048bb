import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const SPEC = {
  swagger: '2.0',
  info: { title: 't', version: '1' },
  basePath: '/api',
  paths: {
    '/things': {
      post: {
        parameters: [{ in: 'body', name: 'body', schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } }],
        responses: {
          '201': { description: 'ok', schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
          '422': { description: 'invalid', schema: { type: 'object', properties: { error: { type: 'string' } } } },
        },
      },
    },
  },
};

const doc = (body: string, status: number) =>
  `---\nendpoint: "POST /things"\nswagger: spec.json\nstatus: verified\n---\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: make\n    method: POST\n    path: /things\n    body: ${body}\n    expect:\n      status: ${status}\n\`\`\`\n`;

describe('swagger validation during a run', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const body = req.json as { name?: unknown } | undefined;
      if (typeof body?.name !== 'string') return sendJson(res, 422, { error: 'name is required' });
      sendJson(res, 201, req.headers['x-bad'] ? { id: 'not-a-number' } : { id: 1 });
    });
    dir = mkdtempSync(join(tmpdir(), 'stepdoc-schema-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(SPEC));
  });
  afterAll(() => server.close());

  const run = (name: string, text: string) => {
    writeFileSync(join(dir, 'docs', name), text);
    return runCli(['run', join('docs', name), '--base-url', `${server.url}/api`], { cwd: dir });
  };

  it('passes a request and response that match the spec', async () => {
    const result = await run('ok.md', doc('{ name: widget }', 201));
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('catches a request that breaks the spec before sending it', async () => {
    const before = server.requests.length;
    const result = await run('bad-request.md', doc('{ name: 42 }', 201));
    expect(result.code).toBe(1);
    expect(server.requests.length).toBe(before);
    expect(result.stdout).toContain('/name');
    expect(result.stdout).toContain('type');
  });

  it('sends an invalid body on purpose when the step expects an error status, with a warning', async () => {
    const before = server.requests.length;
    const result = await run('negative.md', doc('{ other: 1 }', 422));
    expect(result.code, result.stdout).toBe(0);
    expect(server.requests.length).toBe(before + 1);
  });

  it('fails a response that breaks the spec, naming the pointer', async () => {
    const text = doc('{ name: widget }', 201).replace('    body:', '    headers: { X-Bad: "1" }\n    body:');
    const result = await run('bad-response.md', text);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\/id: .*integer/);
  });

  it('turns validation off for a step with expect.schema: false and for a run with --schema off', async () => {
    const text = doc('{ name: widget }', 201)
      .replace('    body:', '    headers: { X-Bad: "1" }\n    body:')
      .replace('      status: 201', '      status: 201\n      schema: false');
    expect((await run('schema-false.md', text)).code).toBe(0);
    writeFileSync(join(dir, 'docs', 'off.md'), doc('{ name: widget }', 201).replace('    body:', '    headers: { X-Bad: "1" }\n    body:'));
    const off = await runCli(['run', 'docs/off.md', '--base-url', `${server.url}/api`, '--schema', 'off'], { cwd: dir });
    expect(off.code).toBe(0);
  });
});
