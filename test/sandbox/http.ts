import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route handler returns; the server writes it. Handlers never touch the response object. */
export interface Reply {
  status: number;
  body?: unknown;
  contentType?: string;
}

export function json(status: number, body: unknown): Reply {
  return { status, body, contentType: 'application/json' };
}

/** Bodies over this size are refused: the sandbox only ever sees small JSON documents. */
const MAX_BODY_BYTES = 1_000_000;

export class BadJsonError extends Error {}

/** Reads the request body as JSON; an empty body is `{}`. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BadJsonError('request body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadJsonError('request body is not valid JSON');
  }
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': reply.contentType ?? 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** The bearer token of a request, or undefined when the header is missing, malformed or empty. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S.*)$/i.exec(header) : null;
  return match ? match[1].trim() : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
