import type { Diagnostic } from './diagnostic.js';
import type { Phase } from './model.js';
import type { SourceSpan } from './span.js';

export type CheckKind = 'status' | 'body' | 'header' | 'schema' | 'duration' | 'extract' | 'request-schema';

/** The outcome of one check. A failed check is data, never an exception. */
export interface CheckResult {
  kind: CheckKind;
  /** What was checked, e.g. `status`, `$.data.client.id exists`, `header content-type`. */
  name: string;
  passed: boolean;
  expected?: unknown;
  actual?: unknown;
  message?: string;
  span?: SourceSpan;
  /** Schema checks in `warn` mode fail without failing the step. */
  severity?: 'error' | 'warning';
}

/** The request as sent (secrets redacted by the reporters and the runner before it leaves). */
export interface RenderedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** JSON value, form fields, or a textual description of a multipart body. */
  body?: unknown;
  bodyKind?: 'json' | 'form' | 'multipart' | 'none';
  /** The API it went to (config `apis:`), for copy as curl (`$STEPDOC_BASE_URL/…`). */
  api?: { name: string; baseUrl?: string };
  /** The token profile that authorised it: its header is sent as `$STEPDOC_TOKEN_<PROFILE>` by copy as curl. */
  auth?: RequestAuth;
}

export interface RequestAuth {
  profile: string;
  header: string;
  scheme?: string;
}

export interface ResponseSummary {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the response says so and parses, else the text (truncated). */
  body: unknown;
  bodyText: string;
  /** Bytes received; `truncated` when cut at the body size limit. */
  size: number;
  truncated: boolean;
  durationMs: number;
}

/** Why every step of a `--dry-run` is skipped; reporters show the rendered requests instead. */
export const DRY_RUN_REASON = 'dry run: nothing sent';

/**
 * `dry-run`: rendered, not sent (--dry-run). `not-sent`: held back by a guard (the DELETE guard);
 * `notSentBy` names it. Only `passed` and `failed` steps sent a request.
 */
export type StepStatus = 'passed' | 'failed' | 'skipped' | 'dry-run' | 'not-sent';

export interface StepAttempt {
  status?: number;
  error?: string;
  durationMs: number;
  /** Set when another attempt followed: the pause before it (backoff, or the server's Retry-After). */
  retryInMs?: number;
}

export interface StepResult {
  id: string;
  phase: Phase;
  description?: string;
  /** The doc the step belongs to when it ran through `use:`. */
  fromDoc?: string;
  status: StepStatus;
  span: SourceSpan;
  request?: RenderedRequest;
  response?: ResponseSummary;
  checks: CheckResult[];
  /** Names of the variables this step extracted (values are not kept: they may be secrets). */
  extracted: string[];
  /** One line, e.g. `timeout after 5000 ms waiting for headers`. */
  error?: { code: string; message: string };
  skipReason?: string;
  /** With status `not-sent`: the guard that held the step back, e.g. `DELETE guard`. */
  notSentBy?: string;
  /** Failed steps in file reports: the request as a curl command, secrets as shell references (copy as curl). */
  curl?: string;
  attempts: StepAttempt[];
  startedAt: string;
  durationMs: number;
}

/**
 * What happened to a doc. `passed` only when at least one request was sent and every check held.
 * `dry-run`: rendered, nothing sent. `not-sent`: nothing failed but no request of its own was sent
 * and checked (held back by a guard). `not-run`: never started (--max-failures reached, interrupt).
 */
export type DocStatusResult = 'passed' | 'failed' | 'skipped' | 'dry-run' | 'not-sent' | 'not-run';

export interface DocResult {
  file: string;
  displayPath: string;
  title?: string;
  endpoint?: string;
  domain?: string;
  tags: string[];
  status: DocStatusResult;
  skipReason?: string;
  steps: StepResult[];
  /** Docs executed through `use:` during this doc's run (display paths), once per execution. */
  usedDocs: string[];
  diagnostics: Diagnostic[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  interrupted?: boolean;
  /** Set by merge-reports: the run (core/run-key.ts) that executed this doc, so recording counts it once. */
  origin?: string;
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  invalid: number;
  /** Docs rendered but not sent (--dry-run). */
  dryRun: number;
  /** Docs that sent nothing of their own: a guard held their requests back. */
  notSent: number;
  /** Docs never started (--max-failures reached, interrupted). */
  notRun: number;
  /** Steps held back, by guard (e.g. `{ "DELETE guard": 1 }`), over every doc of the run. */
  stepsNotSent: Record<string, number>;
}

export interface RunResult {
  runId: string;
  stepdocVersion: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  docs: DocResult[];
  /** Diagnostics of docs that could not run (invalid), and run-level warnings. */
  diagnostics: Diagnostic[];
  summary: RunSummary;
  interrupted: boolean;
  shard?: { index: number; total: number };
  /** Set by merge-reports: the runs (core/run-key.ts) whose reports were merged into this one. */
  mergedFrom?: string[];
  environment: { node: string; platform: string; mock: boolean; apis: Record<string, string | undefined> };
}

/** Typed events the runner emits while it works; reporters subscribe, the runner never prints. */
export type RunEvent =
  | { type: 'run:start'; total: number; startedAt: string }
  | { type: 'doc:start'; file: string; displayPath: string }
  | { type: 'step:end'; file: string; step: StepResult }
  | { type: 'doc:end'; doc: DocResult }
  | { type: 'run:end'; result: RunResult };

export type RunListener = (event: RunEvent) => void;
