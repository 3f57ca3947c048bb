import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SHARED } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const SEED = readFileSync(join(SHARED, 'seeds/000_56ed757150ad35be.txt'), 'utf8');

/** A server that behaves like the seed's API, on 127.0.0.1. */
function seedApi(): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.headers.authorization !== 'Bearer staff-secret-token') return sendJson(res, 401, { error: 'unauthorized' });
    if (req.path === '/platform/v1/payment/settings') return sendJson(res, 200, { status: 'OK' });
    if (req.path === '/platform/v1/clients') return sendJson(res, 201, { status: 'OK', data: { client: { id: 'client-uid-42' } } });
    if (req.path === '/platform/v1/payment/cards/sync_card') return sendJson(res, 201, { status: 'OK', data: { card: { id: 'card-1' } } });
    sendJson(res, 404, { error: 'not found' });
  });
}

describe('the seed doc, run as it is', () => {
  let api: TestServer;
  let fallback: TestServer;
  let dir: string;
  beforeAll(async () => {
    api = await seedApi();
    fallback = await seedApi();
    dir = mkdtempSync(join(tmpdir(), 'stepdoc-seed-'));
  });
  afterAll(async () => {
    await api.close();
    await fallback.close();
  });

  it('runs prerequisites, extracts the client id and derives last_4 from the same timestamp as the email', async () => {
    const doc = join(dir, 'seed.md');
    writeFileSync(doc, SEED);
    const run = await runCli(['run', doc, '--base-url', api.url, '--fallback-url', fallback.url, '--token', 'staff=staff-secret-token', '--schema', 'off']);
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('1 passed');
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /platform/v1/payment/settings',
      'POST /platform/v1/payment/settings',
      'POST /platform/v1/clients',
      'POST /platform/v1/payment/cards/sync_card',
    ]);
    for (const r of api.requests) expect(r.headers.authorization).toBe('Bearer staff-secret-token');
    const client = api.requests[2].json as { email: string };
    const card = api.requests[3].json as { client_id: string; details: { last_4: string; exp_month: number }; external_card_id: string };
    const timestamp = /^testcard(\d+)@example\.com$/.exec(client.email)?.[1];
    expect(timestamp).toMatch(/^\d{13}$/);
    expect(card.client_id).toBe('client-uid-42');
    expect(card.details.last_4).toMatch(/^\d{4}$/);
    expect(card.details.last_4).toBe(timestamp!.slice(-4));
    expect(card.external_card_id).toBe(`card_test_unique_${timestamp}`);
    expect(card.details.exp_month).toBe(3);
    expect(run.stdout).not.toContain('staff-secret-token');
  });

  it('sends every step to the fallback API when the doc says useFallbackApi', async () => {
    const doc = join(dir, 'seed-fallback.md');
    writeFileSync(doc, SEED.replace('timesReused: 0\n', 'timesReused: 0\nuseFallbackApi: true\n'));
    const before = api.requests.length;
    const run = await runCli(['run', doc, '--base-url', api.url, '--fallback-url', fallback.url, '--token', 'staff=staff-secret-token', '--schema', 'off']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(api.requests.length).toBe(before);
    expect(fallback.requests.filter((r) => r.path.endsWith('/sync_card'))).toHaveLength(1);
  });

  it('sends one step to the fallback API when the step says useFallback', async () => {
    const doc = join(dir, 'seed-step-fallback.md');
    writeFileSync(
      doc,
      SEED.replace('    path: "/platform/v1/payment/cards/sync_card"\n', '    path: "/platform/v1/payment/cards/sync_card"\n    useFallback: true\n'),
    );
    const fallbackBefore = fallback.requests.length;
    const run = await runCli(['run', doc, '--base-url', api.url, '--fallback-url', fallback.url, '--token', 'staff=staff-secret-token', '--schema', 'off']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const sent = fallback.requests.slice(fallbackBefore).map((r) => r.path);
    expect(sent).toEqual(['/platform/v1/payment/cards/sync_card']);
  });
});
