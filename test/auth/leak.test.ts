import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';
import { tempProject } from './helpers.js';

/**
 * The leak test: docs carrying every kind of secret run through every reporter, and every byte of
 * every output is searched for each secret and the forms stepdoc could write it in. Values hold a
 * space, `+`, `/` and `@` so that their URL-encoded forms differ from them.
 */
const SECRET = {
  staffToken: 'stf tok+A/1@x',
  clientSecret: 'cs 9+Z/q@w',
  configVar: 'ak 77+k/j@q',
  basicPassword: 'bp 41+m/n@r',
  loginPassword: 'pw 58+t/u@v',
  capturedBody: 'sess 7+Q/w@e',
  capturedHeader: 'hs-3f9a+b/c@d',
  redactKeyAccess: 'lat 12+c/d@e',
  redactKeyRefresh: 'lrt 34+e/f@g',
  redactKeyCustom: 'pin 8841/77+30',
};

function forms(value: string): Record<string, string> {
  const b64 = Buffer.from(value).toString('base64');
  return {
    raw: value,
    uri: encodeURIComponent(value),
    form: new URLSearchParams({ v: value }).toString().slice(2),
    base64: b64,
    base64url: Buffer.from(value).toString('base64url'),
    base64unpadded: b64.replace(/=+$/, ''),
  };
}

const CONFIG = (url: string) => `tokens:
  staff: "\${STAFF_TOKEN}"
  partner:
    oauth2:
      tokenUrl: ${url}/oauth/token
      clientId: leak-client
      clientSecret: "\${CLIENT_SECRET}"
vars:
  api_key: { value: "\${API_KEY}", secret: true }
  basic_pw: { value: "\${BASIC_PW}", secret: true }
redact:
  keys: [pin_code]
`;

const DOC = `---
endpoint: "POST /login"
domain: leak
status: verified
vars:
  login_password: "${SECRET.loginPassword}"
---

# Every kind of secret

## Test Request

\`\`\`yaml
steps:
  - id: login
    method: POST
    path: /login
    token: none
    body:
      username: ada
      password: "{{ login_password }}"
    extract:
      session: { path: "$.session", secret: true }
      header_session: { header: X-Session-Token, secret: true }
  - id: static_token
    method: GET
    path: /data
    token: staff
    params:
      key: "{{ api_key }}"
      s: "{{ session }}"
    headers:
      X-Session: "{{ header_session }}"
  - id: oauth2
    method: POST
    path: /data
    token: partner
    body:
      note: "{{ api_key }}"
      s: "{{ session }}"
  - id: basic_auth
    method: GET
    path: /basic
    token: none
    headers:
      Authorization: "Basic {{ 'ada' | append: ':' | append: basic_pw | base64_encode }}"
  - id: fails_showing_secrets
    method: GET
    path: /data
    token: staff
    params:
      s: "{{ session }}"
    expect:
      body:
        "$.query.s": "not the session"
        "$.headers.authorization": "{{ api_key }}"
\`\`\`
`;

describe('no secret leaks into any output', () => {
  let server: TestServer;
  const fetched: string[] = [];
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.path === '/oauth/token') {
        const token = `fetched-${Math.random().toString(36).slice(2, 12)}`;
        fetched.push(token);
        return sendJson(res, 200, { access_token: token, expires_in: 3600 });
      }
      if (req.path === '/login') {
        return sendJson(
          res,
          200,
          {
            session: SECRET.capturedBody,
            access_token: SECRET.redactKeyAccess,
            refresh_token: SECRET.redactKeyRefresh,
            pin_code: SECRET.redactKeyCustom,
            user: 'ada',
          },
          { 'x-session-token': SECRET.capturedHeader },
        );
      }
      const url = new URL(req.url, 'http://x');
      sendJson(res, 200, { method: req.method, url: req.url, query: Object.fromEntries(url.searchParams), headers: req.headers, body: req.json ?? req.body });
    });
  });
  afterAll(() => server.close());

  it('greps every output of every reporter (console, --verbose, --dry-run, json, junit, html, github) for every form of every secret', async () => {
    const dir = tempProject({ 'leak.md': DOC, 'stepdoc.config.yaml': CONFIG(server.url) });
    const env = { STAFF_TOKEN: SECRET.staffToken, CLIENT_SECRET: SECRET.clientSecret, API_KEY: SECRET.configVar, BASIC_PW: SECRET.basicPassword };
    const outputs: Record<string, string> = {};
    const base = ['run', 'leak.md', '--base-url', server.url];
    const summary = join(dir, 'step-summary.md');
    const all = await runCli([...base, ...['console', 'json', 'junit', 'html', 'github'].flatMap((r) => ['--reporter', r])], {
      cwd: dir,
      env: { ...env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(all.code).toBe(1); // the last step fails on purpose: its failure shows expected vs actual
    Object.assign(outputs, { 'all reporters: stdout': all.stdout, 'all reporters: stderr': all.stderr });
    for (const file of readdirSync(join(dir, 'reports'))) outputs[`reports/${file}`] = readFileSync(join(dir, 'reports', file), 'utf8');
    outputs['github step summary'] = readFileSync(summary, 'utf8');
    const verbose = await runCli([...base, '--verbose'], { cwd: dir, env });
    Object.assign(outputs, { 'console --verbose: stdout': verbose.stdout, 'console --verbose: stderr': verbose.stderr });
    const dry = await runCli([...base, '--dry-run', '--reporter', 'console', '--reporter', 'json', '--report-dir', 'dry'], { cwd: dir, env });
    expect(dry.code).not.toBe(2);
    Object.assign(outputs, {
      'console --dry-run: stdout': dry.stdout,
      'console --dry-run: stderr': dry.stderr,
      'json --dry-run': readFileSync(join(dir, 'dry/report.json'), 'utf8'),
    });

    // The fixture really carries each secret: the server got every one of them (raw or as sent on the wire).
    const wire = JSON.stringify(server.requests);
    for (const value of [SECRET.staffToken, SECRET.loginPassword, SECRET.capturedHeader, ...fetched]) expect(wire).toContain(value);
    for (const value of [SECRET.configVar, SECRET.capturedBody]) expect(wire).toContain(forms(value).form);
    expect(wire).toContain(Buffer.from(`ada:${SECRET.basicPassword}`).toString('base64'));
    expect(wire).toContain(Buffer.from(`leak-client:${new URLSearchParams({ v: SECRET.clientSecret }).toString().slice(2)}`).toString('base64'));
    expect(fetched.length).toBeGreaterThan(0);
    expect(outputs['reports/report.json']).toContain('$.query.s equals');
    for (const name of [
      'all reporters: stdout',
      'reports/report.json',
      'reports/junit.xml',
      'reports/report.html',
      'github step summary',
      'console --verbose: stdout',
      'console --dry-run: stdout',
    ]) {
      expect(outputs[name], name).toContain('***');
    }

    const values: Record<string, string> = { ...SECRET, ...Object.fromEntries(fetched.map((t, i) => [`fetchedToken${i}`, t])) };
    const searched: Array<[string, string]> = [];
    for (const [kind, value] of Object.entries(values)) for (const [form, text] of Object.entries(forms(value))) searched.push([`${kind} (${form})`, text]);
    const basic = Buffer.from(`ada:${SECRET.basicPassword}`).toString('base64');
    searched.push(['basic auth base64(user:password)', basic], ['basic auth base64(user:password) unpadded', basic.replace(/=+$/, '')]);
    const leaks: string[] = [];
    for (const [output, text] of Object.entries(outputs)) for (const [what, needle] of searched) if (text.includes(needle)) leaks.push(`${what} in ${output}`);
    expect(leaks).toEqual([]);
    const checked = Object.keys(outputs).length * searched.length;
    console.info(`leak test: ${Object.keys(outputs).length} outputs × ${searched.length} secret forms = ${checked} checks, 0 leaks`);
    expect(Object.keys(outputs).length).toBe(12);
  });
});
