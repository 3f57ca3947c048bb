import type { JsonSchema, Operation, ResponseSpec } from '../openapi/model.js';
import { generate } from './generate.js';
import { hashSeed } from './random.js';
import { isJsonMedia } from './validate-request.js';
import { PROBLEM_MEDIA_TYPE, type Problem } from './problem.js';

/** What the mock will send, before state and rules touch the body. */
export interface Reply {
  status: number;
  body: unknown;
  mediaType?: string;
  /** The schema the body came from or should match, for tools and tests. */
  schema?: JsonSchema;
  source: 'example' | 'generated' | 'empty' | 'rule' | 'problem';
  /** Something the spec's author should know (an example that breaks its own schema). */
  warning?: string;
}

export interface Preference {
  code?: number;
  example?: string;
}

/** `Prefer: code=404, example=card_declined` (Prism's convention). */
export function parsePrefer(header: string | undefined): Preference {
  const out: Preference = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const [key, value] = part.split('=').map((s) => s?.trim().replace(/^"|"$/g, ''));
    if (key === 'code' && /^\d{3}$/.test(value ?? '')) out.code = Number(value);
    if (key === 'example' && value) out.example = value;
  }
  return out;
}

/** The status the operation answers with when nothing asks otherwise: 201 for a create that declares it, else the lowest 2xx. */
export function defaultStatus(operation: Operation): { status: number; key?: string } {
  const keys = Object.keys(operation.responses);
  const success = keys.filter((k) => /^2\d\d$/.test(k)).sort();
  if (operation.method.toUpperCase() === 'POST' && success.includes('201')) return { status: 201, key: '201' };
  if (success.length > 0) return { status: Number(success[0]), key: success[0] };
  if (keys.some((k) => k.toUpperCase() === '2XX')) return { status: 200, key: keys.find((k) => k.toUpperCase() === '2XX') };
  if (keys.includes('default')) return { status: 200, key: 'default' };
  return { status: 200 };
}

/** The declared response for a status: exact, then `4XX`-style, then `default`. */
export function responseFor(operation: Operation, status: number): ResponseSpec | undefined {
  const responses = operation.responses;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses[`${String(status)[0]}xx`] ?? responses.default;
}

/** Does a generated body match the response schema? (the OpenAPI layer's validator, per spec) */
export type ResponseCheck = (operation: Operation, status: number, body: unknown, shapeOnly?: boolean) => boolean;

/** Tries before giving up on a body that validates (oneOf/discriminator branches are drawn at random). */
const GENERATION_TRIES = 32;

/** The body for a status: the named or first example, else data generated from the schema. */
export function buildReply(operation: Operation, status: number, seed: number, exampleName?: string, accept?: ResponseCheck): Reply {
  const response = responseFor(operation, status);
  if (status === 204 || status === 304 || !response) return { status, body: undefined, source: 'empty' };
  const entries = Object.entries(response.content);
  const [mediaType, media] = entries.find(([type]) => isJsonMedia(type)) ?? entries[0] ?? [];
  if (!media || !mediaType) return { status, body: undefined, source: 'empty' };
  const type = mediaType === '*/*' ? 'application/json' : mediaType;
  const named = exampleName !== undefined ? media.examples?.[exampleName] : undefined;
  const example = named ?? media.example ?? firstValue(media.examples);
  let warning: string | undefined;
  if (example !== undefined) {
    const body = structuredClone(example);
    // Only a wrong shape (types, required, enums) disqualifies an example; a loose format or pattern does not.
    if (!accept || media.schema === undefined || accept(operation, status, body, true))
      return { status, body, mediaType: type, schema: media.schema, source: 'example' };
    // The spec contradicts itself: its schema is the contract, so answer what the schema says, and say so.
    warning = `the ${status} example of ${operation.method} ${operation.path} does not match its own schema; the mock answers a body generated from the schema`;
  }
  if (media.schema === undefined) return { status, body: undefined, mediaType: type, source: 'empty' };
  const base = hashSeed(seed, `${operation.method} ${operation.path} ${status}`);
  const first = generate(media.schema, { seed: base });
  let body = first;
  for (let attempt = 1; accept && !accept(operation, status, body); attempt++) {
    if (attempt === GENERATION_TRIES) {
      body = first; // nothing fits (a contradictory schema): the plain first draw
      break;
    }
    body = generate(media.schema, { seed: base + attempt, choice: 'random' });
  }
  return { status, body, mediaType: type, schema: media.schema, source: 'generated', ...(warning ? { warning } : {}) };
}

/** Keys stepdoc uses internally (`x-stepdoc-unresolved-ref`, …) never reach a response body. */
export function stripInternalKeys(value: unknown): unknown {
  if (Array.isArray(value)) value.forEach(stripInternalKeys);
  else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key.startsWith('x-stepdoc-')) delete (value as Record<string, unknown>)[key];
      else stripInternalKeys((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}

function firstValue(record: Record<string, unknown> | undefined): unknown {
  if (!record) return undefined;
  const first = Object.values(record)[0];
  return first;
}

export function problemReply(body: Problem): Reply {
  return { status: body.status, body, mediaType: PROBLEM_MEDIA_TYPE, source: 'problem' };
}
