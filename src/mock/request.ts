import type { IncomingMessage } from 'node:http';

/** A request as the mock sees it: parsed once, read by validation, rules, state and templates. */
export interface MockRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** Path parameters, filled once a route matched. */
  params: Record<string, string>;
  /** JSON value, form fields as an object, text, or undefined for no body. */
  body: unknown;
  mediaType?: string;
}

export class MalformedBodyError extends Error {}

export async function readRequest(req: IncomingMessage): Promise<MockRequest> {
  const url = new URL(req.url ?? '/', 'http://mock.local');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const raw = await readBody(req);
  const mediaType = headers['content-type']?.split(';')[0].trim().toLowerCase();
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: queryObject(url.searchParams),
    headers,
    params: {},
    body: parseBody(raw, mediaType, headers['content-type'] ?? ''),
    mediaType: raw.length > 0 ? mediaType : undefined,
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export function parseBody(raw: Buffer, mediaType: string | undefined, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (mediaType === undefined || mediaType === 'application/json' || mediaType.endsWith('+json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (mediaType === undefined) return text;
      throw new MalformedBodyError(`the body is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (mediaType === 'multipart/form-data') return parseMultipart(text, contentType);
  return text;
}

/** Field names and values of a multipart body; file parts become their file name (the mock keeps no files). */
function parseMultipart(text: string, contentType: string): Record<string, string> {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const out: Record<string, string> = {};
  if (!boundary) return out;
  for (const part of text.split(`--${boundary}`)) {
    const [head, ...rest] = part.split('\r\n\r\n');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) continue;
    const fileName = /filename="([^"]*)"/i.exec(head)?.[1];
    out[name] = fileName ?? rest.join('\r\n\r\n').replace(/\r\n$/, '');
  }
  return out;
}
