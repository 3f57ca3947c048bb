/**
 * The baseline: the same requests stepdoc's benchmark docs make, written by hand with undici's
 * `request` and one keep-alive Agent, N scenarios with C at a time, every status checked.
 * Exits 1 if any status is unexpected.
 *
 *   node bench/raw-undici.mjs BASE_URL [scenarios=1] [concurrency=1]
 */
import { Agent, request } from 'undici';

const [base, countArg = '1', concurrencyArg = '1'] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const agent = new Agent({ keepAliveTimeout: 10_000 });
const headers = { authorization: 'Bearer bench-token', 'content-type': 'application/json' };

let lastStamp = 0;
const uniqueStamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1));

async function call(method, path, body, expected) {
  const res = await request(base + path, { method, headers, body: body && JSON.stringify(body), dispatcher: agent });
  const json = await res.body.json();
  if (res.statusCode !== expected) throw new Error(`${method} ${path}: ${res.statusCode} ${JSON.stringify(json)}`);
  return json;
}

async function scenario(n) {
  const stamp = uniqueStamp();
  await call('POST', '/platform/v1/payment/settings', { payment_settings: { payments_gateway_type: 'stripe', allow_credit_card: true } }, 200);
  const created = await call('POST', '/platform/v1/clients', { first_name: `Bench ${n}`, email: `bench${stamp}@example.com` }, 201);
  const id = created.data.client.id;
  await call('POST', '/platform/v1/payment/cards/sync_card', { client_id: id, last_4: String(stamp).slice(-4), external_id: `card_${stamp}` }, 201);
  await call('GET', `/platform/v1/clients/${id}`, undefined, 200);
}

let next = 0;
let failed = 0;
async function worker() {
  while (next < count) {
    const n = ++next;
    await scenario(n).catch((error) => {
      failed++;
      process.stderr.write(`scenario ${n}: ${error.message}\n`);
    });
  }
}

await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
await agent.close();
process.stdout.write(`${count - failed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
