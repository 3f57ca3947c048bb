import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, DiagnosticsError, type AppEvent } from '../../src/index.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const SPEC = {
  swagger: '2.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things': { post: { responses: { '201': { description: 'ok', schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } } } } },
  },
};
const doc = `---\nendpoint: "POST /things"\nswagger: spec.json\nstatus: verified\n---\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: make\n    method: POST\n    path: /things\n    expect: { status: 201 }\n\`\`\`\n`;

describe('import { run } from stepdoc', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer((req, res) => sendJson(res, 201, { id: req.headers['x-bad'] ? 'nope' : 1 }));
    dir = mkdtempSync(join(tmpdir(), 'stepdoc-lib-'));
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(SPEC));
    writeFileSync(join(dir, 'scenarios', 'make.md'), doc);
  });
  afterAll(() => server.close());

  it('runs docs, returns results and emits events, validating against the doc swagger', async () => {
    const events: AppEvent['type'][] = [];
    const result = await run({ cwd: dir, env: {}, baseUrl: server.url, onEvent: (e) => events.push(e.type) });
    expect(result.summary).toMatchObject({ total: 1, passed: 1, failed: 0 });
    expect(result.docs[0].steps[0].checks.map((c) => c.kind)).toContain('schema');
    expect(events.slice(0, 2)).toEqual(['project:loaded', 'run:start']);
    expect(events.at(-1)).toBe('run:end');
  });

  it('fails a response that breaks the schema, and throws diagnostics for an invalid doc', async () => {
    writeFileSync(join(dir, 'scenarios', 'make.md'), doc.replace('    path: /things', '    path: /things\n    headers: { X-Bad: "1" }'));
    expect((await run({ cwd: dir, env: {}, baseUrl: server.url })).summary.failed).toBe(1);
    writeFileSync(join(dir, 'scenarios', 'make.md'), doc.replace('/things\n    expect', '/things/{{ nope }}\n    expect'));
    await expect(run({ cwd: dir, env: {}, baseUrl: server.url })).rejects.toBeInstanceOf(DiagnosticsError);
  });
});
