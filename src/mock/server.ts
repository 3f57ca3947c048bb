import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadedSpec } from '../openapi/model.js';
import type { SpecValidator } from '../openapi/validate.js';
import type { SpecEntry } from './spec-entry.js';
import { validatorFor } from '../openapi/validator-cache.js';
import { MockHandler } from './handler.js';
import { badRequestProblem, internalProblem } from './problem.js';
import { MalformedBodyError, readRequest } from './request.js';
import { problemReply, stripInternalKeys, type Reply } from './respond.js';

/** Rules an example may break and still be served as written (ids that are not UUIDs, loose patterns). */
const LOOSE_RULES = new Set(['format', 'pattern']);

export interface MockRequestLog {
  method: string;
  path: string;
  status: number;
  ms: number;
}

export interface MockOptions {
  /** Loaded specs, or lazy entries (src/mock/spec-entry.ts) loaded on their first request. */
  specs: Array<LoadedSpec | SpecEntry>;
  /** 0 or undefined: an ephemeral port. */
  port?: number;
  host?: '127.0.0.1';
  /** Unknown ids answer 404 instead of the example. */
  strictState?: boolean;
  seed?: number;
  onRequest?: (log: MockRequestLog) => void;
  /** See HandlerOptions: the doc's own spec first, and why a route is missing. */
  specForHint?: (hint: string) => LoadedSpec | undefined;
  explainMissing?: (method: string, path: string) => string | undefined;
  /** Where compiled validators are cached across runs; none: not cached. */
  validatorCacheDir?: string;
  /** Told once per message: examples that break their schema, … */
  onWarning?: (message: string) => void;
}

export interface RunningMock {
  url: string;
  routes: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

/** Starts the embedded mock on 127.0.0.1 (HTTP/1.1 keep-alive, what undici expects). One state per call. */
export async function startMock(options: MockOptions): Promise<RunningMock> {
  // Validators are created on a spec's first request (a big set of specs costs nothing until used).
  const validators = new Map<LoadedSpec, SpecValidator>();
  const handler = new MockHandler({
    ready: async (spec) => {
      if (!validators.has(spec)) validators.set(spec, await validatorFor(spec, options.validatorCacheDir));
    },
    specs: options.specs,
    strictState: options.strictState,
    seed: options.seed,
    specForHint: options.specForHint,
    explainMissing: options.explainMissing,
    check: (spec, operation, mediaType, body) => validators.get(spec)!.validateRequest(operation, mediaType, body),
    checkResponse: (spec, operation, status, body, shapeOnly) =>
      validators
        .get(spec)!
        .validateResponse(operation, status, 'application/json', body)
        .violations.filter((v) => !shapeOnly || !LOOSE_RULES.has(v.rule)).length === 0,
  });
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    options.onWarning?.(message);
  };
  const server = createServer({ keepAlive: true }, (req, res) => {
    void serve(handler, req, res, options.onRequest, warn);
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes: handler.router.routes.map((r) => ({ method: r.method, path: r.path })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(
  handler: MockHandler,
  req: IncomingMessage,
  res: ServerResponse,
  onRequest: ((log: MockRequestLog) => void) | undefined,
  warn: (message: string) => void,
): Promise<void> {
  const started = performance.now();
  const path = (req.url ?? '/').split('?')[0];
  let reply: Reply;
  try {
    const request = await readRequest(req);
    reply = await handler.handle(request);
  } catch (error) {
    reply =
      error instanceof MalformedBodyError
        ? problemReply(badRequestProblem(path, error.message))
        : problemReply(internalProblem(path, error instanceof Error ? error.message : String(error)));
  }
  if (reply.warning) warn(reply.warning);
  send(res, { ...reply, body: stripInternalKeys(reply.body) }, req.method === 'HEAD');
  onRequest?.({ method: req.method ?? 'GET', path, status: reply.status, ms: Math.round(performance.now() - started) });
}

function send(res: ServerResponse, reply: Reply, head: boolean): void {
  // Where the answer came from (example, generated, rule, …): shown in reports, so not named like the internal x-stepdoc-* keys.
  const headers: Record<string, string> = { 'stepdoc-mock-source': reply.source };
  let payload: string | undefined;
  if (reply.body !== undefined) {
    const json = reply.mediaType === undefined || /json/i.test(reply.mediaType) || typeof reply.body !== 'string';
    payload = json ? JSON.stringify(reply.body) : String(reply.body);
    headers['content-type'] = json && !/json/i.test(reply.mediaType ?? '') ? 'application/json' : (reply.mediaType ?? 'application/json');
    headers['content-length'] = String(Buffer.byteLength(payload));
  } else if (reply.status !== 204 && reply.status !== 304) {
    headers['content-length'] = '0';
  }
  res.writeHead(reply.status, headers);
  res.end(head ? undefined : payload);
}
