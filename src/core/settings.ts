/** A named API base URL. `default` and `fallback` always exist once config is resolved. */
export interface ApiTarget {
  baseUrl?: string;
  /** Requests per second for this API (token bucket); undefined = unlimited. */
  requestsPerSecond?: number;
  maxConcurrent?: number;
}

/** How a token profile is sent. */
export interface TokenProfile {
  value: string;
  /** Header name, `Authorization` by default. */
  header: string;
  /** Prefix before the value, `Bearer` by default; empty string for none. */
  scheme: string;
  /** Headers sent with every request under this profile, e.g. `X-On-Behalf-Of` for a directory token. */
  headers?: Record<string, string>;
  /** A stand-in a dry run shows for a profile without a value (not a secret: it is never sent). */
  placeholder?: boolean;
  /** Set for an OAuth2 client-credentials profile: `value` is then fetched from the token endpoint. */
  oauth2?: OAuth2Settings;
}

/** `tokens.NAME.oauth2` (RFC 6749 §4.4 client credentials). */
export interface OAuth2Settings {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  audience?: string;
  /** How the client authenticates: HTTP Basic (default) or client_id/client_secret in the form body. */
  auth: 'basic' | 'body';
  /** `auth` written in the config: no fallback from basic to body on a 401. */
  authExplicit: boolean;
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Retry non-idempotent requests (POST, PATCH) too. */
  unsafe: boolean;
}

/**
 * Everything a run needs, resolved once (defaults → config file → env → flags) by src/config.
 * Lower layers read this and nothing else of the environment.
 */
export interface RunSettings {
  rootDir: string;
  swaggerRoot: string;
  apis: Record<string, ApiTarget>;
  tokens: Record<string, TokenProfile>;
  /** Profile used by steps of docs that name none (`tokens:` absent): `staff`, as the real docs assume. */
  defaultToken: string;
  vars: Record<string, unknown>;
  /** `config.params.NAME` in templates. */
  params: Record<string, unknown>;
  env: Record<string, string | undefined>;
  /** Raw values that must never appear in output. */
  secrets: string[];
  onBehalfOf: { header: string; value?: string };
  concurrency: number;
  timeoutMs: number;
  maxBodyBytes: number;
  retry: RetryPolicy;
  includeSkipped: boolean;
  dryRun: boolean;
  allowDelete: boolean;
  /** Every API points at the embedded mock (`--mock`): DELETE needs no --allow-delete there. */
  mock?: boolean;
  schemaMode: 'off' | 'warn' | 'strict';
  filters: { tags: string[]; domains: string[]; grep?: string; shard?: { index: number; total: number } };
  /** Extra headers on every request. */
  headers: Record<string, string>;
  /** Remote `$ref` URL prefixes → absolute local folders (config `remoteRefs`, relative to the config file). */
  remoteRefs?: Record<string, string>;
  /** Config `mock.specs`: globs relative to `swaggerRoot`; every matching spec is served by the mock. */
  mockSpecs?: string[];
  /** A cookie jar per doc run (config `cookies:`, default true; a doc's frontmatter `cookies:` wins). */
  cookies?: boolean;
  /** Where compiled validators are cached across runs (config/cache-dir.ts); none: not cached. */
  validatorCacheDir?: string;
  /** Body keys whose values are always secret (config `redact.keys`, added to the defaults). */
  redactKeys?: string[];
}
