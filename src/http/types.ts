import type { BodyKind } from '../core/model.js';
import type { RequestAuth } from '../core/result.js';

/** A fully rendered request, ready to send. */
export interface HttpRequest {
  method: string;
  url: string;
  /**
   * The step's own path (no base URL, no query), e.g. `/v0/transfers/t-1`: what swagger operations are
   * matched against, whatever prefix the API's base URL adds.
   */
  operationPath?: string;
  headers: Record<string, string>;
  bodyKind: BodyKind | 'none';
  /** JSON value (json), field map (form/multipart). */
  body?: unknown;
  /** Multipart files, already resolved to absolute paths. */
  files?: Array<{ fieldName: string; path: string; fileName?: string; contentType?: string }>;
  /** The API name (config `apis:`) the request goes to: its rate limit applies. */
  api?: string;
  /** Headers carrying credentials (the token profile's), dropped on a redirect to another origin. */
  sensitiveHeaders?: string[];
  /** The API's base URL and the token profile used, for reports (copy as curl); never the token's value. */
  baseUrl?: string;
  auth?: RequestAuth;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  /** Parsed JSON when the content type says JSON and it parses; undefined otherwise. */
  json?: unknown;
  jsonError?: string;
  size: number;
  truncated: boolean;
  durationMs: number;
  /** URLs followed after redirect answers, in order, when there were any. */
  redirects?: string[];
}
