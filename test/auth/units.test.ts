import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve.js';
import type { DiagnosticsError } from '../../src/core/errors.js';
import { maskCookieHeader, maskSetCookie, Redactor } from '../../src/core/redact.js';
import type { OAuth2Settings, RetryPolicy } from '../../src/core/settings.js';
import { parseDoc } from '../../src/doc/parse.js';
import { OAuth2Tokens } from '../../src/http/oauth2.js';
import type { HttpRequest, HttpResponse } from '../../src/http/types.js';
import { capturedSecrets, secretsInForm, secretsUnderKeys } from '../../src/run/secret-values.js';
import { doc, tempProject } from './helpers.js';

describe('Redactor: values found during a run, and the forms stepdoc derives', () => {
  it('redacts values added after it was built, with their URL-encoded, base64 and JSON-escaped forms', () => {
    const r = new Redactor([]);
    const secret = 'a b+c/d@e"f';
    expect(r.text(`x ${secret}`)).toBe(`x ${secret}`);
    r.add([secret, 'abc', 42]);
    expect(r.text(`raw ${secret}`)).toBe('raw ***');
    expect(r.text(`q=${encodeURIComponent(secret)}`)).toBe('q=***');
    expect(r.text(`q=${new URLSearchParams({ v: secret }).toString().slice(2)}`)).toBe('q=***');
    expect(r.text(Buffer.from(secret).toString('base64'))).toBe('***');
    expect(r.text(JSON.stringify({ v: secret }))).toBe('{"v":"***"}');
    expect(r.text('abc is under 4 characters')).toBe('abc is under 4 characters');
    expect(new Redactor(['abcd']).text('abcd')).toBe('***');
  });

  it('redacts Basic credentials whose decoded user:password holds a secret, and no other', () => {
    const r = new Redactor(['hunter22']);
    const basic = Buffer.from('ada:hunter22').toString('base64');
    const other = Buffer.from('ada:public').toString('base64');
    expect(r.text(`Authorization: Basic ${basic}`)).toBe('Authorization: Basic ***');
    expect(r.value({ authorization: `basic ${basic}` })).toEqual({ authorization: 'basic ***' });
    expect(r.text(`Basic ${other}`)).toBe(`Basic ${other}`);
  });

  it('masks every cookie value, keeping names and attributes', () => {
    expect(maskCookieHeader('sid=abc; theme=dark; x=')).toBe('sid=***; theme=***; x=***');
    expect(maskSetCookie('sid=abc123; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT; HttpOnly')).toBe(
      'sid=***; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT; HttpOnly',
    );
  });
});

describe('secret values of bodies and captures', () => {
  const keys = new Set(['password', 'access_token', 'pin_code']);
  it('finds values under redact keys at any depth, case-insensitively, objects included', () => {
    const body = { user: { Password: 'p4ss-word', name: 'ada' }, list: [{ access_token: 'tok-1234' }], pin_code: { a: 'x1y2', n: 1234 } };
    expect(secretsUnderKeys(body, keys).sort()).toEqual(['1234', 'p4ss-word', 'tok-1234', 'x1y2']);
    expect(secretsUnderKeys('text', keys)).toEqual([]);
    expect(secretsInForm('grant=x&access_token=abc%20def', keys)).toEqual(['abc def']);
  });
  it('collects only captures marked secret', () => {
    const spec = { session: { from: 'body' as const, path: '$.s', secret: true }, id: { from: 'body' as const, path: '$.id' } };
    expect(capturedSecrets(spec, { session: 'sess-1', id: 'id-12' })).toEqual(['sess-1']);
  });
});

describe('extract { path, secret } in docs', () => {
  it('reads secret: true for body and header captures', () => {
    const parsed = parseDoc(
      doc(
        '  - id: login\n    path: /login\n    extract:\n      session: { path: "$.token", secret: true }\n      csrf: { header: X-CSRF, secret: true }\n      plain: "$.id"\n',
      ),
      '/d.md',
    );
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const step = parsed.steps[0];
    expect(step.kind === 'request' && step.extract).toEqual({
      session: { from: 'body', path: '$.token', secret: true },
      csrf: { from: 'header', name: 'X-CSRF', secret: true },
      plain: { from: 'body', path: '$.id' },
    });
  });
  it('a mistyped `secret` or a non-boolean is an error with a did-you-mean (a typo would leak the value)', () => {
    const parsed = parseDoc(
      doc('  - id: login\n    path: /login\n    extract:\n      session: { path: "$.token", secrte: true }\n      other: { path: "$.x", secret: "yes" }\n'),
      '/d.md',
    );
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code).sort()).toEqual(['step-schema', 'unknown-extract-key']);
    expect(errors.find((d) => d.code === 'step-schema')).toMatchObject({
      message: '`extract.other.secret` of step `login` has the wrong shape',
      expected: 'true or false',
    });
    expect(errors.find((d) => d.code === 'unknown-extract-key')).toMatchObject({ help: 'did you mean `secret`?', span: { line: 16 } });
  });
});

describe('config: oauth2, cookies, redact', () => {
  const resolve = (config: string, env: Record<string, string> = {}) => resolveSettings({}, tempProject({ 'stepdoc.config.yaml': config }), env);
  const diagnostics = async (config: string) => ((await resolve(config).catch((e) => e)) as DiagnosticsError).diagnostics.map((d) => d.message);

  it('reads an oauth2 profile; its client secret is a secret; redact keys add to the defaults', async () => {
    const { settings } = await resolve(
      'tokens:\n  partner:\n    oauth2: { tokenUrl: "https://a.example/t", clientId: c, clientSecret: "${S}", scope: read }\nredact:\n  keys: [pin_code]\ncookies: false\n',
      { S: 'client-secret-1' },
    );
    expect(settings.tokens.partner).toEqual({
      value: '',
      header: 'Authorization',
      scheme: 'Bearer',
      oauth2: {
        tokenUrl: 'https://a.example/t',
        clientId: 'c',
        clientSecret: 'client-secret-1',
        scope: 'read',
        audience: undefined,
        auth: 'basic',
        authExplicit: false,
      },
    });
    expect(settings.secrets).toContain('client-secret-1');
    expect(settings.redactKeys).toEqual(['access_token', 'refresh_token', 'id_token', 'client_secret', 'password', 'pin_code']);
    expect(settings.cookies).toBe(false);
  });

  it('rejects what would silently weaken or break a run', async () => {
    // Shapes come from schema/config.schema.json (one definition for run, lint and editors).
    expect(await diagnostics('cookies: "off"\n')).toEqual(['config `cookies` has the wrong shape']);
    expect(await diagnostics('redact:\n  key: [x]\n')).toEqual(['unknown config key `redact.key`']);
    expect(await diagnostics('redact:\n  keys: x\n')).toEqual(['config `redact.keys` has the wrong shape']);
    expect(await diagnostics('tokens:\n  p:\n    value: v\n    oauth2: { tokenUrl: "https://a/t", clientId: c, clientSecret: s }\n')).toEqual([
      '`tokens.p` has both `value` and `oauth2`: the token is either given or fetched',
    ]);
    expect(await diagnostics('tokens:\n  p:\n    oauth2: { tokenUrl: "ftp://a/t", clientId: c, clientSecret: s }\n')).toEqual([
      'config `tokens.p.oauth2.tokenUrl` has the wrong shape',
    ]);
  });
});

describe('OAuth2Tokens (fake endpoint, fake clock)', () => {
  const SETTINGS: OAuth2Settings = { tokenUrl: 'http://127.0.0.1/t', clientId: 'c', clientSecret: 's', auth: 'basic', authExplicit: false };
  const RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, unsafe: false };
  const answer = (status: number, json: unknown): HttpResponse => ({
    status,
    headers: {},
    bodyText: JSON.stringify(json),
    json,
    size: 0,
    truncated: false,
    durationMs: 0,
  });

  function setup(expiresIn?: number) {
    let now = 1_000_000;
    const sent: HttpRequest[] = [];
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tokens = new OAuth2Tokens({
      retry: RETRY,
      now: () => now,
      onToken: (t) => seen.push(t),
      send: async (request) => {
        sent.push(request);
        await gate;
        return answer(200, { access_token: `t${sent.length}`, ...(expiresIn ? { expires_in: expiresIn } : {}) });
      },
    });
    return { tokens, sent, seen, release, advance: (ms: number) => (now += ms) };
  }

  it('one request in flight for many callers; reused until expires_in minus the margin', async () => {
    const t = setup(100);
    const waiting = Promise.all(Array.from({ length: 10 }, () => t.tokens.token('p', SETTINGS)));
    t.release();
    expect(await waiting).toEqual(Array(10).fill('t1'));
    expect(t.sent).toHaveLength(1);
    expect(t.seen).toEqual(['t1']);
    t.advance(89_999);
    expect(await t.tokens.token('p', SETTINGS)).toBe('t1');
    t.advance(1); // 100 s life − 10 s margin
    expect(await t.tokens.token('p', SETTINGS)).toBe('t2');
  });

  it('invalidate drops only the refused token', async () => {
    const t = setup();
    t.release();
    expect(await t.tokens.token('p', SETTINGS)).toBe('t1');
    t.tokens.invalidate('p', 'stale');
    expect(await t.tokens.token('p', SETTINGS)).toBe('t1');
    t.tokens.invalidate('p', 't1');
    expect(await t.tokens.token('p', SETTINGS)).toBe('t2');
    expect(t.sent).toHaveLength(2);
  });

  it('a failure stays failed for the run (asked once)', async () => {
    let calls = 0;
    const tokens = new OAuth2Tokens({
      retry: RETRY,
      onToken: () => {},
      send: async () => {
        calls++;
        return answer(500, { error: 'server_error' });
      },
    });
    await expect(tokens.token('p', { ...SETTINGS, authExplicit: true })).rejects.toThrow(
      'token profile `p`: the token endpoint http://127.0.0.1/t answered 500 (server_error)',
    );
    await expect(tokens.token('p', SETTINGS)).rejects.toThrow('answered 500');
    expect(calls).toBe(1);
  });
});
