import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/ui/engine.js';
import { startUi, type StartedUi } from '../../src/ui/start.js';
import type { TestServer } from '../support/http-server.js';
import { makeProject, SECRET, startApi } from './fixtures.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, not fetch: fetch may not set Host or Origin. */
function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('stepdoc ui: the two 403 rules, no CORS, no secret', () => {
  let api: TestServer;
  let ui: StartedUi;
  let port: number;
  const json = { 'content-type': 'application/json' };
  const runBody = () => JSON.stringify({ files: [] });

  beforeAll(async () => {
    api = await startApi({ name: 'Ada' });
    const dir = makeProject();
    const engine = await createEngine({ paths: ['scenarios'], cwd: dir, env: {}, flags: { baseUrl: api.url, tokens: [`staff=${SECRET}`], schema: 'off' } });
    ui = await startUi(engine, 0);
    port = Number(new URL(ui.url).port);
  });
  afterAll(async () => {
    await ui?.close();
    await api?.close();
  });

  it('refuses a Host header that is not 127.0.0.1/localhost with its own port (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `[::1]:${port}`]) {
      const answer = await call(`${ui.url}/`, { headers: { host } });
      expect(answer.status, host).toBe(403);
      expect(answer.body).not.toContain('<script');
    }
    const withToken = await call(`${ui.url}/api/state`, { headers: { host: `rebound.example:${port}`, 'x-stepdoc-token': ui.token } });
    expect(withToken.status).toBe(403);
    expect((await call(`${ui.url}/`, { headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await call(`${ui.url}/`)).status).toBe(200);
  });

  it('refuses every state change without the token, with a wrong one, or from another origin', async () => {
    for (const path of ['/api/runs', '/api/runs/stop', '/api/record']) {
      expect((await call(`${ui.url}${path}`, { method: 'POST', headers: json, body: runBody() })).status, path).toBe(403);
      expect(
        (await call(`${ui.url}${path}`, { method: 'POST', headers: { ...json, 'x-stepdoc-token': 'x'.repeat(ui.token.length) }, body: runBody() })).status,
        path,
      ).toBe(403);
      expect((await call(`${ui.url}${path}?token=${ui.token}x`, { method: 'POST', headers: json, body: runBody() })).status, path).toBe(403);
      const foreign = await call(`${ui.url}${path}`, {
        method: 'POST',
        headers: { ...json, 'x-stepdoc-token': ui.token, origin: 'http://evil.example' },
        body: runBody(),
      });
      expect(foreign.status, path).toBe(403);
    }
    // The same requests with the token get past the gate (400: no docs given; 200: nothing to stop).
    expect((await call(`${ui.url}/api/runs`, { method: 'POST', headers: { ...json, 'x-stepdoc-token': ui.token }, body: runBody() })).status).toBe(400);
    expect((await call(`${ui.url}/api/runs/stop`, { method: 'POST', headers: { ...json, 'x-stepdoc-token': ui.token }, body: '{}' })).status).toBe(200);
    // A form post (what a hostile page can send without CORS) is not JSON: refused too.
    expect(
      (await call(`${ui.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-stepdoc-token': ui.token }, body: 'x' })).status,
    ).toBe(415);
  });

  it('needs the token to read state or events, sends no CORS header, and never the secret', async () => {
    expect((await call(`${ui.url}/api/state`)).status).toBe(403);
    expect((await call(`${ui.url}/api/events`)).status).toBe(403);
    const state = await call(`${ui.url}/api/state`, { headers: { 'x-stepdoc-token': ui.token, origin: 'http://evil.example' } });
    expect(state.status).toBe(403);
    const ok = await call(`${ui.url}/api/state`, { headers: { 'x-stepdoc-token': ui.token } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).docs).toHaveLength(3);
    for (const answer of [state, ok, await call(`${ui.url}/`), await call(`${ui.url}/assets/app.js`)]) {
      expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(answer.body).not.toContain(SECRET);
    }
    const preflight = await call(`${ui.url}/api/runs`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('serves only the docs of the project as source', async () => {
    const answer = await call(`${ui.url}/api/source?file=${encodeURIComponent('/etc/passwd')}`, { headers: { 'x-stepdoc-token': ui.token } });
    expect(answer.status).toBe(404);
  });
});
