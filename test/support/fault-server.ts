import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the fault server saw it. `at` is performance.now() on arrival (ms). */
export interface FaultHit {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
  /** Requests open at this one's arrival, itself included. */
  inFlight: number;
}

export interface FaultServer {
  url: string;
  hits: FaultHit[];
  /** Hits on one path. */
  on(path: string): FaultHit[];
  /** Highest number of requests open at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/**
 * A server on 127.0.0.1 that misbehaves on purpose, one fault per path:
 * - `/ok`, `/slow-ok?ms=` — 200 JSON (after a delay)
 * - `/hang` — never answers; `/hang-body` — headers, then nothing
 * - `/reset` — half a body, then a TCP reset; `/reset-early` — reset before any answer
 * - `/drip?bytes=&ms=` — a JSON body one byte every `ms`
 * - `/status/:code` — that status with a JSON body
 * - `/flaky/:key?fail=N&status=S&retryAfter=V&date=1` — S (with Retry-After V seconds, or as an HTTP-date)
 *   for the first N hits of `key`, then 200
 * - `/flaky-reset/:key?fail=N` — a reset for the first N hits of `key`, then 200
 * - `/not-json` — says JSON, is HTML
 * - `/big?mb=` — a JSON-typed body of that many MB, streamed with backpressure
 * - `/redirect/:code?to=` — a redirect; `/loop/a` ↔ `/loop/b` — a redirect loop; `/redirect-chain/:n` — n hops
 */
export async function startFaultServer(): Promise<FaultServer> {
  const hits: FaultHit[] = [];
  const counters = new Map<string, number>();
  const sockets = new Set<Socket>();
  let open = 0;
  let peak = 0;
  const server: Server = createServer(async (req, res) => {
    open++;
    peak = Math.max(peak, open);
    res.on('close', () => open--);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
      inFlight: open,
    });
    const count = (key: string) => {
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return n;
    };
    try {
      await answer(req, res, url, count);
    } catch {
      res.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    on: (path) => hits.filter((h) => h.path === path),
    maxInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function answer(req: IncomingMessage, res: ServerResponse, url: URL, count: (key: string) => number): Promise<void> {
  const q = url.searchParams;
  const [, first, second] = url.pathname.split('/');
  switch (first) {
    case 'ok':
      return json(res, 200, { ok: true, id: 42, method: req.method });
    case 'slow-ok':
      await sleep(Number(q.get('ms') ?? 200));
      return json(res, 200, { ok: true });
    case 'hang':
      return; // never answers; the client's timeout ends it
    case 'hang-body':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"partial":');
      return;
    case 'reset':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data":"' + 'x'.repeat(100));
      await sleep(20);
      req.socket.resetAndDestroy();
      return;
    case 'reset-early':
      req.socket.resetAndDestroy();
      return;
    case 'drip':
      return drip(res, Number(q.get('bytes') ?? 200), Number(q.get('ms') ?? 50));
    case 'status':
      return json(res, Number(second), { error: `status ${second}` });
    case 'flaky':
      return flaky(res, q, count(url.pathname));
    case 'flaky-reset':
      if (count(url.pathname) <= Number(q.get('fail') ?? 1)) {
        req.socket.resetAndDestroy();
        return;
      }
      return json(res, 200, { ok: true });
    case 'not-json':
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html><body>Bad gateway</body></html>');
      return;
    case 'big':
      return big(res, Number(q.get('mb') ?? 50));
    case 'redirect':
      res.writeHead(Number(second), { location: q.get('to') ?? '/ok' }).end();
      return;
    case 'loop':
      res.writeHead(302, { location: second === 'a' ? '/loop/b' : '/loop/a' }).end();
      return;
    case 'redirect-chain': {
      const n = Number(second);
      res.writeHead(302, { location: n > 1 ? `/redirect-chain/${n - 1}` : '/ok' }).end();
      return;
    }
    default:
      return json(res, 404, { error: 'no such fault' });
  }
}

function flaky(res: ServerResponse, q: URLSearchParams, hit: number): void {
  if (hit > Number(q.get('fail') ?? 1)) {
    json(res, 200, { ok: true, hit });
    return;
  }
  const status = Number(q.get('status') ?? 429);
  const after = q.get('retryAfter');
  const headers: Record<string, string> = {};
  if (after !== null) headers['retry-after'] = q.get('date') ? new Date(Date.now() + Number(after) * 1000).toUTCString() : after;
  json(res, status, { error: 'try later', hit }, headers);
}

async function drip(res: ServerResponse, bytes: number, ms: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes + 2) });
  res.write('"');
  for (let i = 0; i < bytes && !res.destroyed; i++) {
    res.write('x');
    await sleep(ms);
  }
  if (!res.destroyed) res.end('"');
}

/** Streams `mb` MB respecting backpressure and stops when the client goes away. */
async function big(res: ServerResponse, mb: number): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const total = mb * 1024 * 1024;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(total + 2) });
  res.write('"');
  for (let sent = 0; sent < total && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk)) await drained(res);
  }
  if (!res.destroyed) res.end('"');
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
