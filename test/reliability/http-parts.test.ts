import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/core/errors.js';
import type { StepAttempt } from '../../src/core/result.js';
import { HttpClient } from '../../src/http/client.js';
import { Semaphore, TokenBucket } from '../../src/http/rate-limit.js';
import { followRedirect } from '../../src/http/redirect.js';
import { backoffDelay, isIdempotent, parseRetryAfter, sendWithRetry } from '../../src/http/retry.js';
import type { HttpRequest, HttpResponse } from '../../src/http/types.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const policy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 4, unsafe: false };
const response = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  bodyText: '',
  size: 0,
  truncated: false,
  durationMs: 1,
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP-dates; a past date is 0; nonsense is undefined', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('backoff', () => {
  it('grows exponentially, capped, with the jitter in the upper half', () => {
    const p = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, p, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, p, () => 0))).toEqual([50, 100, 200, 400, 500]);
  });

  it('knows which methods are idempotent', () => {
    expect(['GET', 'head', 'PUT', 'DELETE', 'OPTIONS'].every(isIdempotent)).toBe(true);
    expect(['POST', 'PATCH'].some(isIdempotent)).toBe(false);
  });
});

describe('sendWithRetry', () => {
  const run = async (answers: Array<HttpResponse | Error>, options: Partial<Parameters<typeof sendWithRetry>[1]> = {}) => {
    const attempts: StepAttempt[] = [];
    let i = 0;
    const send = async () => {
      const next = answers[Math.min(i++, answers.length - 1)];
      if (next instanceof Error) throw next;
      return next;
    };
    const outcome = await sendWithRetry(send, { policy, method: 'GET', onAttempt: (a) => attempts.push(a), ...options }).catch((e: unknown) => e);
    return { outcome, attempts, calls: i };
  };

  it('retries 429/502/503 up to the attempts and returns the last answer', async () => {
    const { outcome, attempts } = await run([response(503), response(502), response(429)]);
    expect((outcome as HttpResponse).status).toBe(429);
    expect(attempts.map((a) => a.status)).toEqual([503, 502, 429]);
    expect(attempts.map((a) => a.retryInMs !== undefined)).toEqual([true, true, false]);
  });

  it('stops at the first good answer, and never retries 500 or 404', async () => {
    expect((await run([response(503), response(200)])).calls).toBe(2);
    expect((await run([response(500)])).calls).toBe(1);
    expect((await run([response(404)])).calls).toBe(1);
  });

  it('retries a reset connection but not a refused one or a timeout', async () => {
    const reset = await run([new HttpError('connection reset by the server before it answered', 'connection-reset'), response(200)]);
    expect(reset.attempts.map((a) => a.error ?? a.status)).toEqual(['connection reset by the server before it answered', 200]);
    expect((await run([new HttpError('connection refused', 'connection-refused')])).calls).toBe(1);
    const timeout = await run([new HttpError('timeout after 5 ms waiting for headers', 'timeout')]);
    expect(timeout.calls).toBe(1);
    expect(timeout.outcome).toBeInstanceOf(HttpError);
  });

  it('repeats POST only when opted in (doc or policy)', async () => {
    expect((await run([response(503), response(200)], { method: 'POST' })).calls).toBe(1);
    expect((await run([response(503), response(200)], { method: 'POST', unsafe: true })).calls).toBe(2);
    expect((await run([response(503), response(200)], { method: 'PATCH', policy: { ...policy, unsafe: true } })).calls).toBe(2);
  });

  it('does not retry a status the step expects', async () => {
    expect((await run([response(503), response(200)], { accepts: (s) => s === 503 })).calls).toBe(1);
  });

  it('waits at least Retry-After, and gives up on one longer than a minute', async () => {
    const short = await run([response(429, { 'retry-after': '0' }), response(200)]);
    expect(short.calls).toBe(2);
    const long = await run([response(429, { 'retry-after': '3600' }), response(200)]);
    expect(long.calls).toBe(1);
    expect((long.outcome as HttpResponse).status).toBe(429);
  });

  it('stops waiting when the run is interrupted', async () => {
    const controller = new AbortController();
    const pending = run([response(503)], { policy: { ...policy, baseDelayMs: 60_000, maxDelayMs: 60_000 }, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const { outcome, calls } = await pending;
    expect(calls).toBe(1);
    expect(outcome).toMatchObject({ code: 'aborted' });
  });
});

describe('rate limiting parts', () => {
  it('a token bucket spaces takers 1/rate apart (virtual clock)', async () => {
    let now = 0;
    const bucket = new TokenBucket(4, () => now);
    const waits: number[] = [];
    // Every take happens at t=0: the reservations must be 0, 250, 500, 750 ms out.
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      await bucket.take();
      waits.push(performance.now() - t0);
    }
    expect(waits[0]).toBeLessThan(100);
    expect(waits[3]).toBeGreaterThanOrEqual(700);
    now = 10_000;
    const t0 = performance.now();
    await bucket.take();
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('a semaphore admits at most N, in order, and lets go of aborted waiters', async () => {
    const slots = new Semaphore(2);
    const a = await slots.acquire();
    const b = await slots.acquire();
    const order: string[] = [];
    const c = slots.acquire().then((release) => {
      order.push('c');
      return release;
    });
    const controller = new AbortController();
    const d = slots.acquire(controller.signal).then(
      () => order.push('d'),
      () => order.push('d aborted'),
    );
    const e = slots.acquire().then((release) => {
      order.push('e');
      return release;
    });
    controller.abort();
    await d;
    a();
    (await c)();
    b();
    await e;
    expect(order).toEqual(['d aborted', 'c', 'e']);
  });
});

describe('redirects', () => {
  const request: HttpRequest = {
    method: 'POST',
    url: 'http://a.test/start',
    headers: { authorization: 'Bearer t', 'x-api-key': 'k', 'content-type': 'application/json', accept: 'x' },
    bodyKind: 'json',
    body: { a: 1 },
    sensitiveHeaders: ['x-api-key'],
  };

  it('ignores answers that are not redirects, or have no Location', () => {
    expect(followRedirect(200, { location: '/x' }, request, [request.url])).toBeUndefined();
    expect(followRedirect(302, {}, request, [request.url])).toBeUndefined();
  });

  it('303 and 302-after-POST become GET without a body; 307/308 keep both', () => {
    expect(followRedirect(303, { location: '/b' }, request, [request.url])).toMatchObject({
      method: 'GET',
      bodyKind: 'none',
      body: undefined,
      url: 'http://a.test/b',
    });
    expect(followRedirect(302, { location: '/b' }, request, [request.url])?.headers['content-type']).toBeUndefined();
    expect(followRedirect(307, { location: '/b' }, request, [request.url])).toMatchObject({ method: 'POST', body: { a: 1 } });
    expect(followRedirect(308, { location: '/b' }, { ...request, method: 'PUT' }, [request.url])).toMatchObject({ method: 'PUT' });
  });

  it('keeps credentials on the same origin and drops them on another', () => {
    expect(followRedirect(307, { location: '/b' }, request, [request.url])?.headers).toHaveProperty('authorization');
    const away = followRedirect(307, { location: 'http://b.test/x' }, request, [request.url])!;
    expect(Object.keys(away.headers).sort()).toEqual(['accept', 'content-type']);
  });

  it('refuses loops, too many hops and strange Locations with one line', () => {
    expect(() => followRedirect(302, { location: '/start' }, request, [request.url])).toThrow('redirect loop: http://a.test/start → /start');
    const chain = ['http://a.test/1', 'http://a.test/2', 'http://a.test/3', 'http://a.test/4', 'http://a.test/5', 'http://a.test/6'];
    expect(() => followRedirect(302, { location: '/7' }, request, chain)).toThrow(/^too many redirects \(more than 5\)/);
    expect(() => followRedirect(302, { location: 'ftp://a.test/x' }, request, [request.url])).toThrow('redirect 302 to a non-HTTP Location `ftp://a.test/x`');
  });
});

describe('HttpClient against the fault server', () => {
  let server: FaultServer;
  let client: HttpClient;
  beforeAll(async () => {
    server = await startFaultServer();
    client = new HttpClient({ timeoutMs: 2000, maxBodyBytes: 1000 });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });
  const get = (path: string): HttpRequest => ({ method: 'GET', url: server.url + path, headers: {}, bodyKind: 'none' });

  it('cuts a body at maxBodyBytes and does not parse it', async () => {
    const res = await client.send(get('/big?mb=1'));
    expect(res.truncated).toBe(true);
    expect(res.bodyText.length).toBe(1000);
    expect(res.json).toBeUndefined();
    expect(res.jsonError).toBe('the body was cut at 1000 bytes (--max-body) and was not parsed');
  });

  it('a body that cannot be serialised is an HttpError, not a crash', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const body of [{ n: 10n }, cyclic]) {
      const error = await client.send({ ...get('/ok'), method: 'POST', bodyKind: 'json', body }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ code: 'body-not-serialisable' });
      expect((error as Error).message).toMatch(/^the body cannot be sent as JSON: /);
    }
  });

  it('records where redirects led', async () => {
    const res = await client.send(get('/redirect-chain/2'));
    expect(res.status).toBe(200);
    expect(res.redirects).toEqual([`${server.url}/redirect-chain/1`, `${server.url}/ok`]);
  });

  it('aborts an in-flight request when the signal fires', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.send(get('/hang'), controller.signal)).rejects.toMatchObject({ code: 'aborted', message: 'request aborted (run interrupted)' });
  });
});

describe('HttpClient reads answers with its own handler (src/http/exchange.ts)', () => {
  let server: TestServer;
  let client: HttpClient;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.path === '/headers') {
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.setHeader('X-Mixed-Case', 'kept');
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{"ok":true,"name":"žluťoučký"}');
      } else if (req.path === '/exact') res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(1000));
      else if (req.path === '/over') res.writeHead(200, { 'content-type': 'text/plain' }).end('y'.repeat(1001));
      else if (req.path === '/continue') {
        res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
        if (!req.url.includes('hang')) res.writeHead(204).end();
      } else if (req.path === '/hang') {
        /* never answers */
      } else sendJson(res, 201, { echo: req.json ?? null });
    });
    client = new HttpClient({ timeoutMs: 2000, maxBodyBytes: 1000 });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });
  const get = (path: string): HttpRequest => ({ method: 'GET', url: server.url + path, headers: {}, bodyKind: 'none' });

  it('lower-cases header names, joins repeated headers, decodes UTF-8 and parses JSON', async () => {
    const res = await client.send(get('/headers'));
    expect(res.headers['set-cookie']).toBe('a=1, b=2');
    expect(res.headers['x-mixed-case']).toBe('kept');
    expect(res.json).toEqual({ ok: true, name: 'žluťoučký' });
    expect(res.size).toBe(Buffer.byteLength(res.bodyText));
  });

  it('keeps a body of exactly the cap whole, cuts one byte more, and the connection pool still works after', async () => {
    const exact = await client.send(get('/exact'));
    expect([exact.truncated, exact.bodyText.length]).toEqual([false, 1000]);
    const over = await client.send(get('/over'));
    expect([over.truncated, over.bodyText.length, over.size]).toEqual([true, 1000, 1001]);
    const after = await client.send({ ...get('/echo'), method: 'POST', bodyKind: 'json', body: { n: 1 } });
    expect([after.status, after.json]).toEqual([201, { echo: { n: 1 } }]);
  });

  it('skips a 103 Early Hints answer: the final one counts, and until it comes the request waits for headers', async () => {
    expect((await client.send(get('/continue'))).status).toBe(204);
    const quick = new HttpClient({ timeoutMs: 100, maxBodyBytes: 1000 });
    try {
      await expect(quick.send(get('/continue?hang'))).rejects.toMatchObject({ code: 'timeout', message: 'timeout after 100 ms waiting for headers' });
    } finally {
      await quick.close();
    }
  });

  it('one interrupt cancels every request in flight on that signal, and only those', async () => {
    const run = new AbortController();
    const other = new AbortController();
    const cancelled = [client.send(get('/hang'), run.signal), client.send(get('/hang'), run.signal)].map((p) => p.catch((e: unknown) => e));
    const untouched = client.send(get('/echo'), other.signal);
    setTimeout(() => run.abort(), 30);
    for (const error of await Promise.all(cancelled)) expect(error).toMatchObject({ code: 'aborted' });
    expect((await untouched).status).toBe(201);
    await expect(client.send(get('/echo'), run.signal)).rejects.toMatchObject({ code: 'aborted' });
  });

  it('times out a request that never answers, waiting for headers', async () => {
    const quick = new HttpClient({ timeoutMs: 100, maxBodyBytes: 1000 });
    try {
      await expect(quick.send(get('/hang'))).rejects.toMatchObject({ code: 'timeout', message: 'timeout after 100 ms waiting for headers' });
    } finally {
      await quick.close();
    }
  });
});

describe('HttpClient sends every body kind', () => {
  let server: TestServer;
  let client: HttpClient;
  beforeAll(async () => {
    server = await startServer((req, res) => sendJson(res, 200, { type: req.headers['content-type'] ?? null, body: req.body }));
    client = new HttpClient({ timeoutMs: 2000, maxBodyBytes: 100_000 });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('json, urlencoded form, and multipart with a file read from disk', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'stepdoc-multipart-')), 'card.txt');
    writeFileSync(file, 'card bytes');
    const base = { method: 'POST', url: `${server.url}/x`, headers: {} } as const;
    const json = await client.send({ ...base, bodyKind: 'json', body: { a: 1 } });
    expect(json.json).toEqual({ type: 'application/json', body: '{"a":1}' });
    const form = await client.send({ ...base, bodyKind: 'form', body: { a: 'x y', n: 2 } });
    expect(form.json).toEqual({ type: 'application/x-www-form-urlencoded', body: 'a=x+y&n=2' });
    const multipart = await client.send({
      ...base,
      bodyKind: 'multipart',
      body: { note: 'hi' },
      files: [{ fieldName: 'doc', path: file, contentType: 'text/plain' }],
    });
    const echoed = multipart.json as { type: string; body: string };
    expect(echoed.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(echoed.body).toContain('name="note"\r\n\r\nhi\r\n');
    expect(echoed.body).toContain('name="doc"; filename="card.txt"\r\nContent-Type: text/plain\r\n\r\ncard bytes\r\n');
  });
});
