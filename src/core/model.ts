import type { Diagnostic } from './diagnostic.js';
import type { SourceSpan } from './span.js';

/** Where a step block sits in a doc, from the nearest heading above it (DESIGN §1). */
export type Phase = 'setup' | 'test' | 'teardown';
export const PHASES: readonly Phase[] = ['setup', 'test', 'teardown'];

/** Normalised doc status. Real docs also say skip/success/pass; those are mapped, the raw value kept. */
export type DocStatus = 'verified' | 'pending' | 'failed' | 'skipped' | 'deprecated' | 'unknown';

export type OnFail = 'abort' | 'skip' | 'continue';
export type BodyKind = 'json' | 'form' | 'multipart';

export interface Endpoint {
  method: string;
  path: string;
  span: SourceSpan;
}

export interface Frontmatter {
  endpoint?: Endpoint;
  domain?: string;
  tags: string[];
  swagger?: string;
  status: DocStatus;
  /** The status exactly as written, e.g. `success`. */
  rawStatus?: string;
  savedAt?: string;
  verifiedAt?: string;
  timesReused?: number;
  tokens: string[];
  useFallbackApi: boolean;
  /** The statuses the test phase accepts when its steps name none. */
  expectedOutcome?: number[];
  expectedOutcomeReason?: string;
  skipReason?: string;
  requiresTestData?: boolean;
  testDataDescription?: string;
  vars: Record<string, unknown>;
  api?: string;
  parallel: boolean;
  /** Every key as parsed, unknown ones included (they are kept untouched). */
  raw: Record<string, unknown>;
  /** Spans of each top-level key, for diagnostics. */
  keySpans: Record<string, SourceSpan>;
}

/** A file sent by a multipart step. `filePath` is a template, resolved against the doc's folder, then the project root. */
export interface FileField {
  fieldName: string;
  filePath: string;
  contentType?: string;
  fileName?: string;
}

/** Where an extracted variable comes from. */
export type ExtractSource = ({ from: 'body'; path: string; all?: boolean } | { from: 'header'; name: string } | { from: 'status' }) & {
  /** `secret: true`: the value is redacted from every output once captured. */
  secret?: boolean;
};

/** One predicate on a JSONPath of the response body (DESIGN §1 expect). */
export interface BodyPredicate {
  path: string;
  equals?: unknown;
  notEquals?: unknown;
  exists?: boolean;
  matches?: string;
  type?: string;
  length?: number;
  contains?: unknown;
  oneOf?: unknown[];
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  span?: SourceSpan;
}

export interface HeaderPredicate {
  name: string;
  equals?: string;
  matches?: string;
  contains?: string;
  exists?: boolean;
  span?: SourceSpan;
}

export interface ExpectSpec {
  /** Accepted statuses; undefined means the default (expectedOutcome for the test phase, else 2xx). */
  status?: number[];
  body: BodyPredicate[];
  headers: HeaderPredicate[];
  maxMs?: number;
  /** false turns swagger validation off for the step; undefined follows the run's setting. */
  schema?: boolean;
}

export interface RetrySpec {
  attempts: number;
  delayMs: number;
  /** Checks that must pass for the polling to stop; the step's own expect when absent. */
  until?: ExpectSpec;
}

/** A request step. Template-bearing fields keep their raw (unrendered) values. */
export interface Step {
  kind: 'request';
  id: string;
  /** Position of the step in its doc, 0-based, over all phases. */
  index: number;
  phase: Phase;
  description?: string;
  method: string;
  path?: string;
  url?: string;
  params?: unknown;
  headers?: unknown;
  body?: unknown;
  bodyKind: BodyKind;
  formFields?: unknown;
  fileFields?: FileField[];
  token?: string;
  api?: string;
  xOnBehalfOf?: boolean | string;
  extract: Record<string, ExtractSource>;
  expect: ExpectSpec;
  onFail: OnFail;
  skipReason?: string;
  sleepMs?: number;
  retry?: RetrySpec;
  needs: string[];
  span: SourceSpan;
  keySpans: Record<string, SourceSpan>;
  /** Span of every scalar value by its dotted path in the step (`body.details.last_4`), for template errors. */
  valueSpans: Record<string, SourceSpan>;
  /** The step's mapping as parsed, for tools that need the original values. */
  raw: Record<string, unknown>;
}

/** `use: other.md` — the other doc's setup and test steps run first; its extracted variables become available. */
export interface UseStep {
  kind: 'use';
  id: string;
  index: number;
  phase: Phase;
  use: string;
  description?: string;
  needs: string[];
  span: SourceSpan;
  keySpans: Record<string, SourceSpan>;
  valueSpans: Record<string, SourceSpan>;
  raw: Record<string, unknown>;
}

export type AnyStep = Step | UseStep;

/** A parsed endpoint doc. Parsing never throws for bad content: problems become diagnostics. */
export interface Doc {
  /** Absolute path. */
  file: string;
  /** Path shown to users, relative to the project root when inside it. */
  displayPath: string;
  source: string;
  title?: string;
  frontmatter: Frontmatter;
  /** Steps in run order: setup, then test, then teardown. */
  steps: AnyStep[];
  diagnostics: Diagnostic[];
}
