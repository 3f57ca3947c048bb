import type { Diagnostic } from './diagnostic.js';
import type { Doc } from './model.js';
import type { CheckResult } from './result.js';

/**
 * The seam between the runner and the OpenAPI layer: the runner asks for a validator per doc and
 * per step, and never imports ajv or a spec loader itself (they load lazily, only for docs with `swagger:`).
 */
export interface StepValidator {
  /** Operation it matched, e.g. `POST /v0/external_cards/transfers`. */
  operation: string;
  /** Checks of the rendered request body, before anything is sent. */
  request(body: unknown, mediaType: string | undefined): CheckResult[];
  /** Checks of the response body against the schema for its status and media type. */
  response(status: number, mediaType: string | undefined, body: unknown): CheckResult[];
}

export interface DocValidation {
  /** The validator for a step's rendered method and path, or undefined when the spec has no such operation. */
  forStep(method: string, path: string): StepValidator | undefined;
  /** Problems loading the doc's swagger file (missing, unreadable), reported once per doc. */
  warnings: Diagnostic[];
}

export type ValidationProvider = (doc: Doc) => Promise<DocValidation | undefined>;

/** One schema violation, as ajv reports it, made readable. */
export interface SchemaViolation {
  /** JSON pointer into the validated value, '' for the root. */
  pointer: string;
  /** The failing keyword: `required`, `type`, `enum`, … */
  rule: string;
  message: string;
  value?: unknown;
  /** The rule as the spec states it, e.g. `{ type: 'string' }` or `{ required: ['id'] }`. */
  expected?: unknown;
}

/** `undefined` schema means the spec has nothing to validate against (say so in verbose output). */
export interface ValidationOutcome {
  validated: boolean;
  violations: SchemaViolation[];
  /** Why nothing was validated, when `validated` is false. */
  reason?: string;
  /** The spec entry used, e.g. `201 application/json` (response) or `application/json` (request). */
  target?: string;
}
