import type { HttpResponse } from './types.js';

/** What a capped read got: the text kept, the bytes seen, and whether the body was cut. */
export interface CappedBody {
  text: string;
  size: number;
  truncated: boolean;
}

/** The response a step sees: JSON parsed when the content type says JSON and the body is whole. */
export function toResponse(status: number, headers: Record<string, string>, body: CappedBody, durationMs: number, limit: number): HttpResponse {
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
