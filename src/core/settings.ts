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
  /** A stand-in a dry run shows for a profile without a value (not a secret: it is never sent). */
  placeholder?: boolean;
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
}
