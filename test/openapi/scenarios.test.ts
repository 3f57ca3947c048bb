import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidationProvider } from '../../src/openapi/provider.js';
import { repoRoot } from './helpers.js';
import { docFor, settings } from './provider-helpers.js';

const OUR_SPECS = ['swagger/sales/legacy/legacy_v1_sales.json', 'swagger/synctera/external_cards.json'];

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? markdownFiles(full) : entry.endsWith('.md') ? [full] : [];
  });
}

interface ScenarioStep {
  id?: string;
  expect?: { schema?: boolean };
  method?: string;
  path?: string;
  body?: unknown;
}

/** Frontmatter and the request steps of a scenario doc (a light read: the doc parser is not under test here). */
function readScenario(file: string): { swagger?: string; endpoint?: string; expectedOutcome?: number; steps: ScenarioStep[] } {
  const text = readFileSync(file, 'utf8');
  const front = parse(text.split(/^---$/m)[1]) as { swagger?: string; endpoint?: string; expectedOutcome?: number };
  const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]) as { steps?: ScenarioStep[] });
  return {
    swagger: front.swagger,
    endpoint: front.endpoint,
    expectedOutcome: front.expectedOutcome,
    steps: blocks.flatMap((b) => b?.steps ?? []).filter((s) => s.method),
  };
}

const ID = '3f0c9d1e-5b6a-4c2d-9e8f-7a6b5c4d3e2f';

/**
 * Templates replaced by values of the right shape, so a rendered-like body can be validated. A string that
 * is exactly one template keeps the value's type (DESIGN §2): ids stay strings, arithmetic gives numbers.
 */
function fill(value: unknown): unknown {
  if (typeof value === 'string') {
    if (/\{\{\s*timestamp\s*\|\s*slice:\s*-4\s*\}\}/.test(value)) return value.replace(/\{\{[^}]*\}\}/, '0123');
    const whole = /^\{\{\s*([\w.]+)\s*(\|[^}]*)?\}\}$/.exec(value);
    if (whole && /\|\s*(plus|minus|times|divided_by)/.test(whole[2] ?? '')) return 1234;
    return value.replace(/\{\{\s*([\w.]+)[^}]*\}\}/g, (_m, name: string) => (name.endsWith('_id') ? ID : '1700000000123'));
  }
  if (Array.isArray(value)) return value.map(fill);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  return value;
}

const files = markdownFiles(path.join(repoRoot, 'scenarios'));

describe('scenario docs against the project specs', () => {
  it('there are scenarios to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [path.relative(repoRoot, f), f]))('%s: endpoint, steps and request bodies match its spec', async (_name, file) => {
    const scenario = readScenario(file);
    expect(OUR_SPECS).toContain(scenario.swagger);
    const validation = (await createValidationProvider(settings(repoRoot))(docFor(scenario.swagger, scenario.endpoint)))!;
    expect(validation.warnings.filter((w) => w.code.startsWith('swagger-'))).toEqual([]);
    // A doc that expects a 4xx may send a body that breaks the schema on purpose (e.g. without customer_id).
    const negative = (scenario.expectedOutcome ?? 200) >= 400;
    for (const step of scenario.steps) {
      const validator = validation.forStep(step.method!, step.path!);
      expect(validator, `${step.id}: ${step.method} ${step.path}`).toBeDefined();
      if (step.expect?.schema === false) continue;
      const failed = validator!.request(fill(step.body), 'application/json').filter((c) => !c.passed);
      if (negative && failed.length > 0) continue;
      expect(failed, `${step.id}`).toEqual([]);
    }
  });
});

/** The fields of the sandbox's answers these flows read (resource ids, a transfer's type, the sales API's `data`). */
interface SandboxReply {
  id: string;
  type: string;
  data: { client: { id: string } };
}

/** The reference sandbox's real answers (HTTP on 127.0.0.1) validate clean against the specs written for it. */
describe('sandbox responses against the project specs', () => {
  let sandbox: { baseUrl: string; fallbackUrl: string; close(): Promise<void> };
  let call: (method: string, p: string, body?: unknown, invalidOnPurpose?: boolean) => Promise<{ status: number; body: SandboxReply; contentType: string }>;
  const failures: string[] = [];
  let checked = 0;

  beforeAll(async () => {
    const { startSandbox } = await import('../sandbox/server.js');
    const { apiClient } = await import('../sandbox/client.js');
    sandbox = await startSandbox();
    const client = apiClient<SandboxReply>(sandbox.fallbackUrl);
    const provide = createValidationProvider(settings(repoRoot));
    const sales = (await provide(docFor(OUR_SPECS[0])))!;
    const synctera = (await provide(docFor(OUR_SPECS[1])))!;
    call = async (method, p, body, invalidOnPurpose = false) => {
      const validation = p.startsWith('/v0') ? synctera : sales;
      const step = validation.forStep(method, p);
      if (!step) throw new Error(`no operation for ${method} ${p}`);
      const reply = await client.call(method, p, body);
      const checks = [
        ...(body === undefined || invalidOnPurpose ? [] : step.request(body, 'application/json')),
        ...step.response(reply.status, reply.contentType, reply.body),
      ];
      checked += checks.length;
      for (const c of checks)
        if (!c.passed || c.message?.includes('nothing validated')) failures.push(`${method} ${p} → ${reply.status}: ${c.name}: ${c.message}`);
      return reply;
    };
  });
  afterAll(async () => sandbox?.close());

  it('the sales flow: settings, client, sync_card, and its 422/404 errors', async () => {
    await call('POST', '/platform/v1/payment/settings', { payment_settings: { stripe_user_id: 'acct_1', stripe_access_token: 'sk_test_1' } });
    await call('POST', '/platform/v1/payment/settings', {
      payment_settings: { payments_gateway_type: 'stripe', payments_enabled: true, allow_credit_card: true },
    });
    await call('GET', '/platform/v1/payment/settings');
    const client = await call('POST', '/platform/v1/clients', { first_name: 'Test', last_name: 'Card Client', email: 'card@example.com' });
    const clientId = client.body.data.client.id;
    await call('GET', `/platform/v1/clients/${clientId}`);
    await call('GET', '/platform/v1/clients/doesnotexist');
    const card = {
      client_id: clientId,
      customer_id: 'cus_1',
      external_card_id: 'card_1',
      default: false,
      details: { exp_month: 3, exp_year: 2030, last_4: '1234', cardholder_name: 'Test User', card_brand: 'visa' },
    };
    expect((await call('POST', '/platform/v1/payment/cards/sync_card', card)).status).toBe(201);
    expect((await call('POST', '/platform/v1/payment/cards/sync_card', card)).status).toBe(422);
    expect(failures).toEqual([]);
  });

  it('the Synctera flow: customer, account, card, PUSH, PULL, reversal, and problem responses', async () => {
    const customer = await call('POST', '/v0/customers', { first_name: 'Jane', last_name: 'Taylor', status: 'ACTIVE', dob: '1990-04-12' });
    await call('GET', `/v0/customers/${customer.body.id}`);
    const account = await call('POST', '/v0/accounts', {
      account_type: 'CHECKING',
      currency: 'USD',
      relationships: [{ customer_id: customer.body.id, relationship_type: 'PRIMARY_ACCOUNT_HOLDER' }],
    });
    await call('GET', `/v0/accounts/${account.body.id}`);
    const card = await call('POST', '/v0/external_cards/tokens', { customer_id: customer.body.id, name: 'Jane Taylor', token: 'tok_4005519200000004' });
    await call('GET', `/v0/external_cards/${card.body.id}`);
    await call('GET', `/v0/external_cards?customer_id=${customer.body.id}`);
    const base = { currency: 'USD', external_card_id: card.body.id, originating_account_id: account.body.id };
    const push = await call('POST', '/v0/external_cards/transfers', { ...base, type: 'PUSH', amount: 1000 });
    expect(push.body).toMatchObject({ type: 'PUSH', status: 'SUCCEEDED' });
    const pull = await call('POST', '/v0/external_cards/transfers', { ...base, type: 'PULL', amount: 2500 });
    await call('GET', `/v0/external_cards/transfers/${pull.body.id}`);
    const reversal = await call('POST', `/v0/external_cards/transfers/${pull.body.id}/reversals`, { amount: 2500, currency: 'USD' });
    expect(reversal.body.type).toBe('PULL_REVERSAL');
    expect((await call('POST', '/v0/customers', { first_name: 'No' }, true)).contentType).toContain('application/problem+json');
    await call('GET', '/v0/external_cards/transfers/00000000-0000-4000-8000-000000000000');
    await call('POST', `/v0/external_cards/transfers/${push.body.id}/reversals`, { amount: 10, currency: 'USD' });
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(25);
  });
});
