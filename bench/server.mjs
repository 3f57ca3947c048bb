/**
 * The benchmark's API: node:http with keep-alive on 127.0.0.1, serving the 4-step payment scenario
 *   POST /platform/v1/payment/settings → POST /platform/v1/clients (issues an id)
 *   → POST /platform/v1/payment/cards/sync_card → GET /platform/v1/clients/:id
 * It validates what a runner could mix up between docs running at once: the card's client_id must be
 * an id this server issued, not yet carded, and the card's last_4 and external id must derive from
 * the same timestamp as that client's email. A runner that hands doc A's id to doc B fails with 422.
 *
 * With `lean` it does no work per request (issue 19: a runner's own cost shows most there): the body
 * is read and dropped, the token is not checked, and each route answers a prepared byte string
 * (the client id is a counter), so the server's time per request is the floor of node:http.
 *
 *   node bench/server.mjs [port] [--lean]   prints `port N` on stdout, serves until killed
 *   import { startServer } from './server.mjs'
 */
import http from 'node:http';

const TOKEN = 'Bearer bench-token';

/** The lean server's answers, prepared once: only the client id changes. */
function leanHandler(stats) {
  const json = (status, body) => {
    const text = Buffer.from(JSON.stringify(body));
    return { status, headers: { 'content-type': 'application/json', 'content-length': text.length }, text };
  };
  const settings = json(200, { status: 'OK', data: { payment_settings: { payments_gateway_type: 'stripe', payments_enabled: true } } });
  const card = json(201, { status: 'OK', data: { card: { id: 'card', last_4: '0000' } } });
  const read = json(200, { status: 'OK', data: { client: { id: 'cl', cards: [] } } });
  let nextId = 1;
  const answer = (res, a) => res.writeHead(a.status, a.headers).end(a.text);
  return (req, res) => {
    stats.requests++;
    const url = req.url ?? '';
    if (url.endsWith('/settings')) return answer(res, settings);
    if (url.endsWith('/sync_card')) return answer(res, card);
    if (req.method === 'GET') return answer(res, read);
    answer(res, json(201, { status: 'OK', data: { client: { id: `cl_${(nextId++).toString(36)}` } } }));
  };
}

export function startServer(port = 0, { lean = false } = {}) {
  /** id → { stamp, card? } */
  const clients = new Map();
  let nextId = 1;
  const stats = { requests: 0, rejected: 0, connections: 0 };

  const send = (res, status, body) => {
    const text = JSON.stringify(body);
    if (status >= 400) stats.rejected++;
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const routes = {
    'POST /platform/v1/payment/settings': (body, res) => {
      if (!body?.payment_settings) return send(res, 422, { status: 'ERROR', error: 'payment_settings missing' });
      send(res, 200, { status: 'OK', data: { payment_settings: { ...body.payment_settings, payments_enabled: true } } });
    },
    'POST /platform/v1/clients': (body, res) => {
      const stamp = /^bench(\d+)@example\.com$/.exec(body?.email ?? '')?.[1];
      if (!stamp) return send(res, 422, { status: 'ERROR', error: 'email must be bench<timestamp>@example.com' });
      const id = `cl_${(nextId++).toString(36)}_${stamp.slice(-6)}`;
      clients.set(id, { stamp });
      send(res, 201, { status: 'OK', data: { client: { id, first_name: body.first_name, email: body.email } } });
    },
    'POST /platform/v1/payment/cards/sync_card': (body, res) => {
      const client = clients.get(body?.client_id);
      if (!client) return send(res, 422, { status: 'ERROR', error: `unknown client_id ${body?.client_id}` });
      if (client.card) return send(res, 409, { status: 'ERROR', error: 'client already has a card' });
      if (body.last_4 !== client.stamp.slice(-4) || body.external_id !== `card_${client.stamp}`) {
        return send(res, 422, { status: 'ERROR', error: 'card does not belong to this client (variables mixed up?)' });
      }
      client.card = { last_4: body.last_4, external_id: body.external_id };
      send(res, 201, { status: 'OK', data: { card: { id: body.external_id, last_4: body.last_4, client_id: body.client_id } } });
    },
  };

  const handle = (req, res, raw) => {
    stats.requests++;
    if (req.headers.authorization !== TOKEN) return send(res, 401, { status: 'ERROR', error: 'bad token' });
    let body;
    try {
      body = raw.length ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, { status: 'ERROR', error: 'body is not JSON' });
    }
    const url = req.url ?? '';
    const route = routes[`${req.method} ${url}`];
    if (route) return route(body, res);
    const get = req.method === 'GET' && /^\/platform\/v1\/clients\/([^/?]+)$/.exec(url);
    if (get) {
      const id = decodeURIComponent(get[1]);
      const client = clients.get(id);
      if (!client?.card) return send(res, 404, { status: 'ERROR', error: `no carded client ${id}` });
      return send(res, 200, { status: 'OK', data: { client: { id, cards: [client.card] } } });
    }
    send(res, 404, { status: 'ERROR', error: `no route ${req.method} ${url}` });
  };

  const leanAnswer = lean && leanHandler(stats);
  const server = http.createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (req, res) => {
    if (leanAnswer) {
      req.resume();
      req.on('end', () => leanAnswer(req, res));
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 30_000;
  // Keep-alive shows here: a runner that reuses its connections opens a handful per run, not one per request.
  server.on('connection', () => stats.connections++);
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port: server.address().port,
        stats,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const { port, stats } = await startServer(Number(args.find((a) => /^\d+$/.test(a)) ?? 0), { lean: args.includes('--lean') });
  process.stdout.write(`port ${port}\n`);
  process.on('SIGTERM', () => {
    process.stderr.write(`served ${stats.requests} requests on ${stats.connections} connections, ${stats.rejected} rejected\n`);
    process.exit(0);
  });
}
