import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const SPEC = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/things': {
      post: {
        requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } } },
        responses: {
          '201': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, at: { type: 'string', format: 'date-time' } } },
              },
            },
          },
        },
      },
    },
  },
};

const DOC = `---\nendpoint: "POST /things"\nswagger: spec.json\nstatus: verified\n---\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: make\n    method: POST\n    path: /things\n    body: { name: widget }\n    expect:\n      status: 201\n\`\`\`\n`;

const entries = (dir: string) => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.js'));

/** Where a run keeps compiled validators (STEPDOC_CACHE_DIR), and what a warm cache spares it. */
describe('the validator cache of a run', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    // The second answer breaks the response schema (id must be an integer, at a date-time).
    let calls = 0;
    server = await startServer((_req, res) => sendJson(res, 201, ++calls % 2 === 1 ? { id: 1, at: '2026-12-05T10:00:00Z' } : { id: 'x', at: 'yesterday' }));
    dir = mkdtempSync(join(tmpdir(), 'stepdoc-vcache-run-'));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(SPEC));
    writeFileSync(join(dir, 'doc.md'), DOC);
  });
  afterAll(() => server.close());

  const run = (env: Record<string, string>) => runCli(['run', 'doc.md', '--base-url', server.url], { cwd: dir, env });

  it('writes the validators once, then loads them without ajv, with the same verdicts', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'stepdoc-vcache-dir-'));
    const cold = await run({ STEPDOC_CACHE_DIR: cache, NODE_DEBUG: 'module' });
    expect(cold.code, cold.stdout).toBe(0);
    expect(entries(cache)).toHaveLength(2);
    // NODE_DEBUG=module lists every CommonJS file loaded: the cold run compiles with ajv's core.
    expect(cold.stderr).toMatch(/ajv[/\\]dist[/\\]compile[/\\]index\.js/);
    const warm = await run({ STEPDOC_CACHE_DIR: cache, NODE_DEBUG: 'module' });
    expect(warm.code, warm.stdout).toBe(1);
    expect(warm.stdout).toContain('/id: must be integer');
    expect(warm.stdout).toContain('/at: must match format "date-time"');
    expect(warm.stderr).not.toMatch(/ajv[/\\]dist[/\\]compile[/\\]index\.js/);
    expect(entries(cache)).toHaveLength(2);
  });

  it('an empty STEPDOC_CACHE_DIR turns the cache off; XDG_CACHE_HOME and HOME give its default place', async () => {
    const home = mkdtempSync(join(tmpdir(), 'stepdoc-vcache-home-'));
    const off = await run({ STEPDOC_CACHE_DIR: '', HOME: home });
    expect(off.code).toBeLessThan(2);
    expect(readdirSync(home)).toEqual([]);
    await run({ HOME: home });
    expect(entries(join(home, '.cache', 'stepdoc'))).toHaveLength(2);
    const xdg = mkdtempSync(join(tmpdir(), 'stepdoc-vcache-xdg-'));
    await run({ XDG_CACHE_HOME: xdg, HOME: home });
    expect(entries(join(xdg, 'stepdoc'))).toHaveLength(2);
  });
});
