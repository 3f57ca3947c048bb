import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';
import { doc, tempProject } from './helpers.js';

const SID = 'sess-7f3a9c2e41b8';

/** Sets cookies with every rule worth testing on POST /login; echoes the Cookie header it gets elsewhere. */
async function cookieServer(): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.path === '/login') {
      res.setHeader('set-cookie', [
        `sid=${SID}; Path=/; HttpOnly`,
        'scoped=acct; Path=/account',
        'short=brief; Max-Age=1; Path=/',
        'sec=https-only; Secure; Path=/',
        'gone=old; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Path=/',
      ]);
      return sendJson(res, 200, { ok: true });
    }
    if (req.path === '/sso') {
      res.writeHead(302, { location: '/home', 'set-cookie': `sid=${SID}; Path=/` }).end();
      return;
    }
    sendJson(res, 200, { cookie: req.headers.cookie ?? null });
  });
}

/** Another host (127.0.0.2, still loopback): cookies of 127.0.0.1 must never reach it. */
async function otherHost(): Promise<{ url: string; cookies: Array<string | undefined>; close(): Promise<void> }> {
  const cookies: Array<string | undefined> = [];
  const server: Server = createServer((req, res) => {
    cookies.push(req.headers.cookie);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.2:${port}`, cookies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const login = '  - id: login\n    method: POST\n    path: /login\n';
const get = (id: string, path: string, extra = '') => `  - id: ${id}\n    method: GET\n    path: ${path}\n${extra}`;

describe('cookie jar per doc run', () => {
  let server: TestServer;
  let other: Awaited<ReturnType<typeof otherHost>>;
  beforeAll(async () => {
    server = await cookieServer();
    other = await otherHost();
  });
  afterAll(async () => {
    await server.close();
    await other.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    other.cookies.length = 0;
  });
  const cookieOf = (path: string) => server.requests.filter((r) => r.path === path).map((r) => r.headers.cookie);

  it('sends stored cookies by domain, path, expiry and Secure (RFC 6265, by tough-cookie)', async () => {
    const dir = tempProject({
      'a.md': doc(
        login +
          get('root', '/echo') +
          get('account', '/account/me') +
          `  - id: elsewhere\n    method: GET\n    url: "${other.url}/echo"\n` +
          get('after_expiry', '/later', '    sleep: 1200\n'),
      ),
    });
    const result = await runCli(['run', 'a.md', '--base-url', server.url, '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(cookieOf('/login')).toEqual([undefined]);
    expect(cookieOf('/echo')).toEqual([`sid=${SID}; short=brief`]); // not /account-scoped, not Secure over http, not expired
    expect(cookieOf('/account/me')).toEqual([`scoped=acct; sid=${SID}; short=brief`]);
    expect(other.cookies).toEqual([undefined]);
    expect(cookieOf('/later')).toEqual([`sid=${SID}`]); // Max-Age=1 has run out
    // Reports show Cookie and Set-Cookie with their values masked; a session id is a secret everywhere.
    const report = readFileSync(join(dir, 'reports/report.json'), 'utf8');
    expect(report).not.toContain(SID);
    const steps = JSON.parse(report).docs[0].steps;
    expect(steps[0].response.headers['set-cookie']).toContain('sid=***; Path=/; HttpOnly');
    expect(steps[0].response.headers['set-cookie']).toContain('gone=***; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Path=/');
    expect(steps[2].request.headers.cookie).toBe('scoped=***; sid=***; short=***');
  });

  it('each doc run has its own jar, shared with the docs it uses', async () => {
    const dir = tempProject({
      'login.md': doc(login),
      'uses.md': `---\nendpoint: "GET /echo"\nstatus: verified\n---\n\n## Prerequisites\n\n\`\`\`yaml\nsteps:\n  - use: login.md\n\`\`\`\n\n## Test Request\n\n\`\`\`yaml\nsteps:\n${get('after_use', '/echo')}\`\`\`\n`,
      'fresh.md': doc(get('no_login', '/fresh')),
    });
    const result = await runCli(['run', 'uses.md', 'fresh.md', '--base-url', server.url, '--concurrency', '1'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(cookieOf('/echo')).toEqual([`sid=${SID}; short=brief`]);
    expect(cookieOf('/fresh')).toEqual([undefined]);
  });

  it('stores a cookie set by a redirect answer and sends it on the next hop', async () => {
    const dir = tempProject({ 'a.md': doc(get('sso', '/sso')) });
    const result = await runCli(['run', 'a.md', '--base-url', server.url], { cwd: dir });
    expect(result.code).toBe(0);
    expect(cookieOf('/home')).toEqual([`sid=${SID}`]);
  });

  it('joins the jar to a Cookie header the step writes itself', async () => {
    const dir = tempProject({ 'a.md': doc(login + get('own', '/own', '    headers:\n      Cookie: "mine=1"\n')) });
    const result = await runCli(['run', 'a.md', '--base-url', server.url], { cwd: dir });
    expect(result.code).toBe(0);
    expect(cookieOf('/own')).toEqual([`mine=1; sid=${SID}; short=brief`]);
  });

  it('`cookies: false` in the frontmatter or the config turns the jar off; a non-boolean is exit 2', async () => {
    const dir = tempProject({
      'off.md': doc(login + get('off', '/off'), 'cookies: false\n'),
      'on.md': doc(login + get('on', '/on'), 'cookies: true\n'),
      'bad.md': doc(get('bad', '/bad'), 'cookies: sometimes\n'),
      'config-off.yaml': 'cookies: false\n',
    });
    expect((await runCli(['run', 'off.md', '--base-url', server.url], { cwd: dir })).code).toBe(0);
    expect(cookieOf('/off')).toEqual([undefined]);
    const configOff = await runCli(['run', 'off.md', 'on.md', '--base-url', server.url, '--config', 'config-off.yaml'], { cwd: dir });
    expect(configOff.code).toBe(0);
    expect(cookieOf('/off')).toEqual([undefined, undefined]);
    expect(cookieOf('/on')).toEqual([`sid=${SID}; short=brief`]); // the doc's own `cookies: true` wins
    const bad = await runCli(['run', 'bad.md', '--base-url', server.url], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('frontmatter `cookies` has the wrong type');
    expect(cookieOf('/bad')).toEqual([]);
  });
});
