import type { HttpResponse } from './types.js';

/** What a capped read got: the text kept, the bytes seen, and whether the body was cut. */
export interface CappedBody {
  text: string;
  size: number;
  truncated: boolean;
}

/**
 * Reads a body up to `limit` bytes. Past the limit the rest is not read at all (the stream is
 * destroyed), so a 50 MB answer costs `limit` bytes of memory, not 50 MB. `progress` counts the
 * bytes so far, for error messages when the read fails half-way.
 */
export async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, limit: number, progress: { bytes: number } = { bytes: 0 }): Promise<CappedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    const room = limit - size;
    if (chunk.length > room) {
      if (room > 0) chunks.push(chunk.subarray(0, room));
      size += chunk.length;
      truncated = true;
      body.destroy();
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
    progress.bytes = size;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), size, truncated };
}

/** Headers lower-cased and joined; JSON parsed when the content type says JSON and the body is whole. */
export function toResponse(status: number, raw: Record<string, string | string[] | undefined>, body: CappedBody, durationMs: number, limit: number): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  const { text, size, truncated } = body;
  const response: HttpResponse = { status, headers, bodyText: text, size, truncated, durationMs };
  if (!/\bjson\b|\+json/i.test(headers['content-type'] ?? '') || text.length === 0) return response;
  if (truncated) {
    response.jsonError = `the body was cut at ${limit} bytes (--max-body) and was not parsed`;
    return response;
  }
  try {
    response.json = JSON.parse(text);
  } catch (error) {
    response.jsonError = `the response says JSON but is not: ${(error as Error).message}`;
  }
  return response;
}
