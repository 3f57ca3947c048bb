import type { Diagnostic } from '../core/diagnostic.js';

/** A JSON Schema fragment as found in a spec (draft-04-ish for Swagger 2.0 / OAS 3.0, 2020-12 for 3.1). */
export type JsonSchema = Record<string, unknown> | boolean;

export type SpecVersion = '2.0' | '3.0' | '3.1';

export interface MediaSpec {
  /** Dereferenced (internal `$ref`s replaced by their targets; recursive schemas are cyclic object graphs). */
  schema?: JsonSchema;
  /**
   * JSON pointer of the schema as written inside `LoadedSpec.document`, e.g.
   * `/paths/~1clients/post/responses/201/schema`. Validators compile by pointer, so shared
   * components compile once. Absent for schemas stepdoc synthesised (Swagger 2.0 form fields).
   */
  pointer?: string;
  example?: unknown;
  /** OAS 3 named examples, already reduced to their `value`. */
  examples?: Record<string, unknown>;
}

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | 'formData';
  required: boolean;
  schema?: JsonSchema;
}

export interface RequestBodySpec {
  required: boolean;
  /** By media type, e.g. `application/json`. Swagger 2.0 `in: body` becomes `application/json`. */
  content: Record<string, MediaSpec>;
}

export interface ResponseSpec {
  description?: string;
  /** By media type. Swagger 2.0 `schema`/`examples` are mapped to the operation's `produces` (JSON by default). */
  content: Record<string, MediaSpec>;
}

/**
 * One operation of a spec, normalised so that Swagger 2.0 and OpenAPI 3.x look alike.
 * `$ref`s are already resolved.
 */
export interface Operation {
  /** Upper case: `GET`, `POST`, … */
  method: string;
  /** The path template as written in the spec, e.g. `/v0/external_cards/transfers/{transfer_id}`. */
  path: string;
  /** Path prefixes under which it is also served: Swagger 2.0 basePath, OAS `servers[].url` paths. '' always included. */
  prefixes: string[];
  operationId?: string;
  summary?: string;
  parameters: ParameterSpec[];
  requestBody?: RequestBodySpec;
  /** By status code as written: `200`, `4XX`, `default`. */
  responses: Record<string, ResponseSpec>;
  /** `x-*` keys of the operation, e.g. `x-stepdoc-mock`. */
  extensions: Record<string, unknown>;
}

export interface LoadedSpec {
  /** Absolute path of the root file. */
  file: string;
  version: SpecVersion;
  title?: string;
  operations: Operation[];
  /** Problems found while loading that did not stop it (unknown formats, broken refs, …). */
  warnings: Diagnostic[];
  /**
   * The whole document, bundled: refs to other local files are pulled in, so every `$ref` left is
   * internal (`#/…`); remote and broken refs are cut (see `warnings`). Operation schemas are the
   * dereferenced view of it.
   */
  document: Record<string, unknown>;
}

export type { SchemaViolation, ValidationOutcome } from '../core/validation.js';
