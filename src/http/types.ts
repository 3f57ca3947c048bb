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
  /**
   * `run --mock` only: the requesting doc's `swagger:` value, sent as `x-stepdoc-spec` so the mock answers
   * from the doc's own spec first. Added when sending, so it is never part of a report.
   */
  specHint?: string;
  /**
   * `run --mock` only: the error statuses the step expects (all 4xx/5xx), sent as `x-stepdoc-expect`. The mock
   * answers one of them only when the operation declares it (business rules it cannot know); never in reports.
   */
  expectHint?: number[];
  /** The OAuth2 token profile whose token goes in `headers` just before sending (src/http/oauth2.ts). */
  oauth2Profile?: string;
  /** The API's base URL and the token profile used, for reports (copy as curl); never the token's value. */
  baseUrl?: string;
  auth?: RequestAuth;
}

/** Where Set-Cookie answers go and Cookie headers come from: the doc run's jar (src/http/cookie-jar.ts). */
export interface CookieStore {
  /** The Cookie header for a request to `url`, or undefined when no stored cookie applies. */
  header(url: string): Promise<string | undefined>;
  store(url: string, setCookies: readonly string[]): Promise<void>;
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
  /** Each Set-Cookie header on its own (`headers['set-cookie']` joins them, which an Expires date makes ambiguous). */
  setCookies?: string[];
}
