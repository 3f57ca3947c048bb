import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ASSETS, pageHtml } from './assets/index.js';
import { hostAllowed, originAllowed, tokenAllowed } from './security.js';
import { RunBusyError, UnknownDocError, type UiSession } from './session.js';
import type { SseHub } from './sse.js';

export interface UiServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Script, styles and data from this server only; no frame may embed the page; nothing inline. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const COMMON = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store', 'x-frame-options': 'DENY' };
const MAX_BODY = 1024 * 1024;

/**
 * The dashboard's HTTP server, on 127.0.0.1 only. Rules (README "stepdoc ui" → Security): a foreign
 * Host header is 403 (DNS rebinding); every /api request needs the per-process token (403); a POST
 * must be JSON from our own origin; no CORS headers at all.
 */
export async function startUiServer(session: UiSession, hub: SseHub, token: string, port = 0): Promise<UiServer> {
  let own = port;
  const server: Server = createServer((req, res) => {
    // A bug's message may hold anything (a path, a value): the page gets a generic line only.
    handle(req, res).catch(() => send(res, 500, { error: 'internal error in stepdoc ui' }));
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${own}`);
    if (!hostAllowed(req, own)) return send(res, 403, { error: 'forbidden host' });
    if (req.method === 'GET' && url.pathname === '/') return reply(res, 200, 'text/html; charset=utf-8', pageHtml());
    if (req.method === 'GET' && url.pathname === '/favicon.ico') return void res.writeHead(204, COMMON).end();
    const asset = ASSETS[url.pathname];
    if (req.method === 'GET' && asset) return reply(res, 200, asset.type, asset.text);
    if (!url.pathname.startsWith('/api/')) return send(res, 404, { error: 'not found' });
    if (!tokenAllowed(req, url, token) || !originAllowed(req, own)) return send(res, 403, { error: 'missing or wrong token' });
    return api(req, res, url);
  };
  const api = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /api/state') return send(res, 200, session.state());
    if (route === 'GET /api/events') return hub.attach(res);
    if (route === 'GET /api/source') {
      const text = await session.source(url.searchParams.get('file') ?? '');
      return text === undefined ? send(res, 404, { error: 'not a doc of this project' }) : send(res, 200, { text });
    }
    if (req.method !== 'POST') return send(res, 404, { error: 'not found' });
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return send(res, 415, { error: 'expected application/json' });
    try {
      const body = (await readJson(req)) as { files?: unknown };
      if (url.pathname === '/api/runs') return send(res, 202, { id: session.startRun(stringList(body.files)) });
      if (url.pathname === '/api/runs/stop') return send(res, 200, { stopping: session.stop() });
      if (url.pathname === '/api/record') return send(res, 200, await session.record());
    } catch (error) {
      if (error instanceof RunBusyError) return send(res, 409, { error: error.message });
      if (error instanceof UnknownDocError) return send(res, 400, { error: error.message });
      throw error;
    }
    return send(res, 404, { error: 'not found' });
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  own = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${own}`,
    port: own,
    close: () =>
      new Promise<void>((resolve) => {
        hub.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function reply(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { ...COMMON, 'content-type': type, 'content-security-policy': CSP }).end(text);
}

function send(res: ServerResponse, status: number, data: unknown): void {
  if (res.headersSent) return void res.end();
  reply(res, status, 'application/json; charset=utf-8', JSON.stringify(data));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new UnknownDocError('request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new UnknownDocError('request body is not JSON');
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
