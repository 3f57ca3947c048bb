import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { docNamed, faultDoc, readReport, tempProject } from './helpers.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

/** Runs one doc (or several) in a fresh project against the fault server, with a JSON report. */
async function runDocs(docs: Record<string, string>, flags: string[] = [], extraFiles: Record<string, string> = {}) {
  const files: Record<string, string> = { ...extraFiles };
  for (const [name, text] of Object.entries(docs)) files[`docs/${name}`] = text;
  const dir = tempProject(files);
  const run = await runCli(['run', 'docs', '--base-url', server.url, '--reporter', 'json', '--reporter', 'console', ...flags], { cwd: dir });
  return { run, report: readReport(dir), dir };
}

/** A path unique to one test, so the flaky counters never mix. */
let unique = 0;
const key = () => `k${++unique}-${Date.now()}`;

describe('retry with backoff on 429/502/503 and resets', () => {
  it('honours Retry-After in seconds (the next attempt waits at least that long)', async () => {
    const path = `/flaky/${key()}`;
    const { run, report } = await runDocs({ 'ra.md': faultDoc('Retry-After seconds', [{ path: `${path}?fail=1&status=429&retryAfter=1` }]) });
    expect(run.code, run.stdout).toBe(0);
    const hits = server.on(path);
    expect(hits).toHaveLength(2);
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(950);
    const attempts = docNamed(report, 'ra.md').steps[0].attempts;
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[0].retryInMs).toBeGreaterThanOrEqual(1000);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    const path = `/flaky/${key()}`;
    const { run } = await runDocs({ 'date.md': faultDoc('Retry-After date', [{ path: `${path}?fail=1&status=503&retryAfter=2&date=1` }]) });
    expect(run.code, run.stdout).toBe(0);
    const hits = server.on(path);
    expect(hits).toHaveLength(2);
    // An HTTP-date has whole seconds: "2 s from now" is between 1 and 2 s away.
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(900);
  });

  it('retries 502/503 with backoff, each attempt in the report', async () => {
    const path = `/flaky/${key()}`;
    const { run, report } = await runDocs({ 'b.md': faultDoc('Backoff', [{ path: `${path}?fail=2&status=502` }]) });
    expect(run.code, run.stdout).toBe(0);
    const attempts = docNamed(report, 'b.md').steps[0].attempts;
    expect(attempts.map((a) => a.status)).toEqual([502, 502, 200]);
    expect(attempts[0].retryInMs).toBeGreaterThan(0);
    expect(attempts[2].retryInMs).toBeUndefined();
  });

  it('retries a reset connection for an idempotent request', async () => {
    const path = `/flaky-reset/${key()}`;
    const { run, report } = await runDocs({ 'r.md': faultDoc('Reset once', [{ path: `${path}?fail=1` }]) });
    expect(run.code, run.stdout).toBe(0);
    expect(docNamed(report, 'r.md').steps[0].attempts.map((a) => a.error ?? a.status)).toEqual(['connection reset by the server before it answered', 200]);
  });

  it('does not repeat a POST unless the doc opts in with retryUnsafe: true', async () => {
    const path = `/flaky/${key()}`;
    const step = { method: 'POST', path: `${path}?fail=2&status=503`, extra: 'body:\n  amount: 5' };
    const refused = await runDocs({ 'post.md': faultDoc('POST once', [step]) });
    expect(refused.run.code).toBe(1);
    expect(server.on(path)).toHaveLength(1);
    const optedIn = await runDocs({ 'post.md': faultDoc('POST again', [step], { frontmatter: 'retryUnsafe: true\n' }) });
    expect(optedIn.run.code, optedIn.run.stdout).toBe(0);
    expect(server.on(path).map((h) => h.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('does not retry a status the step expects', async () => {
    const { run } = await runDocs({ 'e.md': faultDoc('Expects 503', [{ path: '/status/503?expected', extra: 'expect:\n  status: 503' }]) });
    expect(run.code, run.stdout).toBe(0);
    expect(server.hits.filter((h) => h.query.has('expected'))).toHaveLength(1);
  });

  it('bounds the attempts with --retries', async () => {
    const path = `/flaky/${key()}`;
    const { run, report } = await runDocs({ 'n.md': faultDoc('One try', [{ path: `${path}?fail=5&status=503` }]) }, ['--retries', '1']);
    expect(run.code).toBe(1);
    expect(server.on(path)).toHaveLength(1);
    expect(docNamed(report, 'n.md').steps[0].attempts).toHaveLength(1);
  });
});

describe('rate limit per API', () => {
  /** True when no `n + 1` requests arrived within less than a second (loosely: 100 ms of slack). */
  const atMostPerSecond = (times: number[], n: number) => times.every((t, i) => i + n >= times.length || times[i + n] - t >= 900);

  it('--rate-limit N: the server never sees more than N requests in a second', async () => {
    const tag = key();
    const docs: Record<string, string> = {};
    for (let i = 0; i < 12; i++) docs[`d${i}.md`] = faultDoc(`Doc ${i}`, [{ path: `/ok?rate=${tag}` }]);
    const { run } = await runDocs(docs, ['--rate-limit', '5', '--concurrency', '8']);
    expect(run.code, run.stdout).toBe(0);
    const times = server.hits.filter((h) => h.query.get('rate') === tag).map((h) => h.at);
    expect(times).toHaveLength(12);
    expect(atMostPerSecond(times, 5)).toBe(true);
  });

  it('rateLimit.requestsPerSecond in the config', async () => {
    const tag = key();
    const docs: Record<string, string> = {};
    for (let i = 0; i < 8; i++) docs[`d${i}.md`] = faultDoc(`Doc ${i}`, [{ path: `/ok?rate=${tag}` }]);
    const config = `apis:\n  default: ${server.url}\nrateLimit:\n  requestsPerSecond: 3\n`;
    const { run } = await runDocs(docs, ['--concurrency', '8'], { 'stepdoc.config.yaml': config });
    expect(run.code, run.stdout).toBe(0);
    const times = server.hits.filter((h) => h.query.get('rate') === tag).map((h) => h.at);
    expect(times).toHaveLength(8);
    expect(atMostPerSecond(times, 3)).toBe(true);
  });

  it('--max-concurrent N: never more than N requests in flight at the server', async () => {
    const local = await startFaultServer();
    try {
      const dir = tempProject(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`docs/d${i}.md`, faultDoc(`Doc ${i}`, [{ path: '/slow-ok?ms=150' }])])));
      const run = await runCli(['run', 'docs', '--base-url', local.url, '--max-concurrent', '2', '--concurrency', '8'], { cwd: dir });
      expect(run.code, run.stdout).toBe(0);
      expect(local.hits).toHaveLength(8);
      expect(local.maxInFlight()).toBeLessThanOrEqual(2);
    } finally {
      await local.close();
    }
  });
});

describe('DELETE guard', () => {
  const deleting = () =>
    faultDoc('Delete a thing', [
      { id: 'remove', method: 'DELETE', path: `/ok?del=${key()}` },
      { id: 'after', path: '/ok' },
    ]);
  const deletes = (since: number) => server.hits.slice(since).filter((h) => h.method === 'DELETE');

  it('holds back a DELETE against a live API with a clear reason; the doc is not-sent, not failed', async () => {
    const before = server.hits.length;
    const { run, report } = await runDocs({ 'del.md': deleting() });
    expect(run.code, run.stdout).toBe(0);
    expect(deletes(before)).toHaveLength(0);
    const doc = docNamed(report, 'del.md');
    expect(doc.status).toBe('not-sent');
    expect(doc.skipReason).toMatch(/DELETE not sent to a live API: pass --allow-delete/);
    expect(doc.steps.map((s) => s.status)).toEqual(['not-sent', 'skipped']);
    expect(run.stdout).toContain('--allow-delete');
  });

  it('sends it with --allow-delete or allowDelete: true', async () => {
    const before = server.hits.length;
    const flag = await runDocs({ 'del.md': deleting() }, ['--allow-delete']);
    expect(flag.run.code, flag.run.stdout).toBe(0);
    expect(deletes(before)).toHaveLength(1);
    const config = await runDocs({ 'del.md': deleting() }, [], { 'stepdoc.config.yaml': 'allowDelete: true\n' });
    expect(config.run.code, config.run.stdout).toBe(0);
    expect(deletes(before)).toHaveLength(2);
  });

  it('a refused DELETE in the cleanup leaves the doc passed', async () => {
    const before = server.hits.length;
    const doc = faultDoc('Cleanup deletes', [{ path: '/ok' }], { cleanup: [{ id: 'cleanup', method: 'DELETE', path: '/ok' }] });
    const { run, report } = await runDocs({ 'c.md': doc });
    expect(run.code).toBe(0);
    expect(deletes(before)).toHaveLength(0);
    const result = docNamed(report, 'c.md');
    expect(result.status).toBe('passed');
    expect(result.steps[1]).toMatchObject({ id: 'cleanup', status: 'not-sent', notSentBy: 'DELETE guard' });
  });

  it('sends DELETE to the mock without --allow-delete', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/things/{id}': {
          delete: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 204: { description: 'gone' } } },
        },
      },
    };
    const doc = faultDoc('Mock delete', [{ method: 'DELETE', path: '/things/abc' }], { frontmatter: 'swagger: api.json\n' }).replace(
      'GET /faults',
      'DELETE /things/{id}',
    );
    const dir = tempProject({ 'docs/m.md': doc, 'api.json': JSON.stringify(spec) });
    const run = await runCli(['run', 'docs', '--mock', '--reporter', 'json'], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const step = readReport(dir).docs[0].steps[0];
    expect(step.status).toBe('passed');
    expect(step.response?.status).toBe(204);
  });
});

describe('--dry-run', () => {
  it('renders every request and sends nothing', async () => {
    const before = server.hits.length;
    const doc = faultDoc('Dry', [
      { id: 'make', method: 'POST', path: '/ok', extra: 'body:\n  n: "{{ timestamp }}"\nextract:\n  made: "$.id"' },
      { id: 'use', path: '/ok/{{ made }}' },
      { method: 'DELETE', path: '/ok' },
    ]);
    const { run, report } = await runDocs({ 'dry.md': doc }, ['--dry-run']);
    expect(run.code, run.stdout).toBe(0);
    expect(server.hits.length).toBe(before);
    const steps = docNamed(report, 'dry.md').steps;
    expect(steps.map((s) => s.request?.method)).toEqual(['POST', 'GET', 'DELETE']);
    expect(steps[0].request?.body).toEqual({ n: expect.any(Number) });
    expect(steps[1].request?.url).toBe(`${server.url}/ok/%3Cmade%3E`);
  });
});

describe('redirects', () => {
  it('follows 301/302/307 (302 turns a POST into a GET, 307 repeats it) and keeps a 3xx the step expects', async () => {
    const tag = key();
    const docs = {
      'r301.md': faultDoc('301', [{ path: `/redirect/301?to=/ok%3Ftag%3D${tag}-301` }]),
      'r302.md': faultDoc('302', [{ method: 'POST', path: `/redirect/302?to=/ok%3Ftag%3D${tag}-302`, extra: 'body:\n  a: 1' }]),
      'r307.md': faultDoc('307', [{ method: 'POST', path: `/redirect/307?to=/ok%3Ftag%3D${tag}-307`, extra: 'body:\n  a: 1' }]),
      'expect302.md': faultDoc('expects 302', [
        { path: `/redirect/302?to=/ok%3Ftag%3D${tag}-kept`, extra: 'expect:\n  status: 302\n  headers:\n    location: { exists: true }' },
      ]),
    };
    const { run } = await runDocs(docs);
    expect(run.code, run.stdout).toBe(0);
    const final = (suffix: string) => server.hits.filter((h) => h.query.get('tag') === `${tag}-${suffix}`);
    expect(final('301').map((h) => h.method)).toEqual(['GET']);
    expect(final('302').map((h) => [h.method, h.body])).toEqual([['GET', '']]);
    expect(final('307').map((h) => [h.method, h.body])).toEqual([['POST', '{"a":1}']]);
    expect(final('kept')).toHaveLength(0);
  });
});

describe('tokens never follow a redirect to another origin', () => {
  it('drops Authorization on a cross-origin hop', async () => {
    const other = await startFaultServer();
    try {
      const doc = faultDoc('Cross origin', [{ path: `/redirect/302?to=${encodeURIComponent(`${other.url}/ok`)}` }]);
      const dir = tempProject({ 'docs/x.md': doc });
      const run = await runCli(['run', 'docs', '--base-url', server.url, '--token', 'staff=s3cret-value'], { cwd: dir });
      expect(run.code, run.stdout).toBe(0);
      expect(other.hits).toHaveLength(1);
      expect(other.hits[0].headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
