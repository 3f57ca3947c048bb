import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { CLIENT, doc, ENV, oauthConfig, startOAuthServer, tempProject, type OAuthServer } from './helpers.js';

const whoami = (id = 'whoami', extra = '') => `  - id: ${id}\n    method: GET\n    path: /api/whoami\n    token: partner\n${extra}`;
const tokenRequests = (server: OAuthServer) => server.requests.filter((r) => r.path === '/oauth/token');
const apiTokens = (server: OAuthServer) => server.requests.filter((r) => r.path.startsWith('/api/')).map((r) => String(r.headers.authorization));

describe('OAuth2 client credentials', () => {
  let server: OAuthServer;
  beforeAll(async () => (server = await startOAuthServer()));
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const run = (files: Record<string, string>, args: string[] = [], config = oauthConfig(server.url)) => {
    const dir = tempProject({ 'stepdoc.config.yaml': config, ...files });
    return runCli(['run', ...Object.keys(files), '--base-url', server.url, ...args], { cwd: dir, env: ENV });
  };

  it('fetches the token on first use with Basic client auth, scope and audience, and sends it as Bearer', async () => {
    const result = await run({ 'a.md': doc(whoami('one') + whoami('two')) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [fetch] = tokenRequests(server);
    expect(tokenRequests(server)).toHaveLength(1);
    expect(fetch.method).toBe('POST');
    expect(fetch.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(fetch.headers.authorization).toBe(`Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(fetch.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'read write',
      audience: 'https://api.example.test',
    });
    const sent = apiTokens(server);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^Bearer tok-\d+-/);
    expect(sent[1]).toBe(sent[0]);
  });

  it('makes one token request for N docs run in parallel (the others wait for the one in flight)', async () => {
    server.reset({ delayMs: 300 });
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`d${i}.md`, doc(whoami())]));
    const result = await run(files, ['--concurrency', '6']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('6 passed');
    expect(server.state.calls).toBe(1);
    expect(new Set(apiTokens(server)).size).toBe(1);
    expect(apiTokens(server)).toHaveLength(6);
  });

  it('fetches a new token once the old one expired (expires_in: 1)', async () => {
    server.reset({ expiresIn: 1 });
    const result = await run({ 'a.md': doc(whoami('first') + whoami('later', '    sleep: 1200\n')) });
    expect(result.code).toBe(0);
    expect(server.state.calls).toBe(2);
    const [first, later] = apiTokens(server);
    expect(first).toMatch(/^Bearer tok-\d+-/);
    expect(later).toMatch(/^Bearer tok-\d+-/);
    expect(later).not.toBe(first);
  });

  it('on a 401 drops the token, fetches a new one and sends again before the step can fail', async () => {
    server.reset({ expiresIn: undefined });
    // The first token the server hands out is refused once, as a revoked token would be.
    const original = server.issued.set.bind(server.issued);
    server.issued.set = (token, until) => {
      if (token.startsWith('tok-') && server.state.calls === 1) server.revokeOnce.add(token);
      return original(token, until);
    };
    try {
      const result = await run({ 'a.md': doc(whoami()) });
      expect(result.code).toBe(0);
      expect(server.state.calls).toBe(2);
      const sent = apiTokens(server);
      expect(sent).toHaveLength(2);
      expect(sent[0]).not.toBe(sent[1]);
    } finally {
      server.issued.set = original;
    }
  });

  it('a step that expects 401 gets it without a refresh', async () => {
    server.reset({ expiresIn: undefined });
    const original = server.issued.set.bind(server.issued);
    server.issued.set = (token, until) => {
      server.revokeOnce.add(token);
      return original(token, until);
    };
    try {
      const result = await run({ 'a.md': doc(whoami('refused', '    expect:\n      status: 401\n')) });
      expect(result.code).toBe(0);
      expect(server.state.calls).toBe(1);
    } finally {
      server.issued.set = original;
    }
  });

  it('falls back from Basic to client_id/client_secret in the body on a 401, and remembers it for the run', async () => {
    server.reset({ refuseBasic: true, expiresIn: 1 });
    const result = await run({ 'a.md': doc(whoami('first') + whoami('later', '    sleep: 1200\n')) });
    expect(result.code).toBe(0);
    const fetches = tokenRequests(server);
    expect(fetches.map((f) => (f.headers.authorization ? 'basic' : 'body'))).toEqual(['basic', 'body', 'body']);
    expect(Object.fromEntries(new URLSearchParams(fetches[1].body))).toMatchObject({ client_id: CLIENT.id, client_secret: CLIENT.secret });
  });

  it('`auth: body` sends the client in the body from the start; `auth: basic` written out does not fall back', async () => {
    const body = await run({ 'a.md': doc(whoami()) }, [], oauthConfig(server.url, { auth: 'body' }));
    expect(body.code).toBe(0);
    expect(tokenRequests(server).map((f) => f.headers.authorization)).toEqual([undefined]);
    server.reset({ refuseBasic: true });
    const basic = await run({ 'a.md': doc(whoami()) }, [], oauthConfig(server.url, { auth: 'basic' }));
    expect(basic.code).toBe(1);
    expect(server.state.calls).toBe(1);
    expect(basic.stdout).toContain('token profile `partner`: the token endpoint');
    expect(basic.stdout).toContain('answered 401 (invalid_client)');
  });

  it('a failing token endpoint is a clear step failure naming the profile, asked once per run, never a stack trace', async () => {
    server.reset({ failWith: 400 });
    const result = await run({ 'a.md': doc(whoami()), 'b.md': doc(whoami()) }, ['--concurrency', '1']);
    expect(result.code).toBe(1);
    expect(server.state.calls).toBe(1);
    expect(result.stdout).toContain(
      `error: token profile \`partner\`: the token endpoint ${server.url}/oauth/token answered 400 (invalid_client: client authentication failed)`,
    );
    expect(apiTokens(server)).toEqual([]);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreachable token endpoint fails the step with one line', async () => {
    const config = oauthConfig('http://127.0.0.1:9'); // discard port: nothing listens
    const result = await run({ 'a.md': doc(whoami()) }, ['--retries', '1'], config);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/token profile `partner`: cannot get a token from http:\/\/127\.0\.0\.1:9\/oauth\/token: connection refused/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a mistyped oauth2 key or a missing clientSecret is exit 2 before anything is sent', async () => {
    const typo = oauthConfig(server.url).replace('clientSecret:', 'clientSecrte:');
    const result = await run({ 'a.md': doc(whoami()) }, [], typo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown config key `tokens.partner.oauth2.clientSecrte`');
    expect(result.stderr).toContain('did you mean `clientSecret`?');
    expect(result.stderr).toContain('config `tokens.partner.oauth2.clientSecret` is required');
    const bad = await run({ 'a.md': doc(whoami()) }, [], oauthConfig(server.url, { auth: 'header' }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('config `tokens.partner.oauth2.auth` has the wrong shape');
    expect(bad.stderr).toContain('expected one of basic, body');
    expect(server.requests).toEqual([]);
  });

  it('--dry-run fetches no token and shows a placeholder in its place', async () => {
    const result = await run({ 'a.md': doc(whoami()) }, ['--dry-run']);
    expect(result.code).not.toBe(2);
    expect(server.requests).toEqual([]);
    expect(result.stdout).toContain('Authorization: Bearer <partner token>');
  });

  it('run --mock needs no token endpoint: the profile sends the mock placeholder', async () => {
    const dir = tempProject({
      'mock.yaml': 'tokens:\n  synctera:\n    oauth2:\n      tokenUrl: http://127.0.0.1:9/oauth/token\n      clientId: c\n      clientSecret: "${S}"\n',
    });
    const result = await runCli(['run', 'scenarios/synctera/cards/tokenize_test_cards.md', '--mock', '--config', join(dir, 'mock.yaml')], {
      cwd: REPO_ROOT,
      env: { S: CLIENT.secret },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 passed');
  });
});
