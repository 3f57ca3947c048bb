import type { SchemaViolation } from '../openapi/model.js';

/** An RFC 9457 problem details body (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const BASE = 'https://stepdoc.dev/problems/';

/** A violation with where it was found: `body`, `query`, `path` or `header`. */
export interface RequestViolation extends SchemaViolation {
  in: 'body' | 'query' | 'path' | 'header';
}

export function notFoundProblem(method: string, path: string, closest: Array<{ method: string; path: string }>, why?: string): Problem {
  return {
    type: `${BASE}route-not-found`,
    title: 'No such route in the mock',
    status: 404,
    detail: `${method} ${path} matches no operation of the loaded specs${why ? `: ${why}` : ''}`,
    instance: path,
    closest: closest.map((r) => `${r.method} ${r.path}`),
  };
}

export function validationProblem(path: string, violations: RequestViolation[]): Problem {
  return {
    type: `${BASE}validation`,
    title: 'Request does not match the operation',
    status: 422,
    detail: `${violations.length} violation${violations.length === 1 ? '' : 's'}`,
    instance: path,
    errors: violations.map((v) => ({
      in: v.in,
      pointer: v.in === 'body' ? `#${v.pointer}` : v.pointer,
      rule: v.rule,
      message: v.message,
    })),
  };
}

export function unknownResourceProblem(path: string, collection: string, id: string): Problem {
  return {
    type: `${BASE}unknown-resource`,
    title: 'No such resource in the mock state',
    status: 404,
    detail: `no ${collection} with id ${id} was created in this mock (--strict-state)`,
    instance: path,
  };
}

export function badRequestProblem(path: string, detail: string): Problem {
  return { type: `${BASE}bad-request`, title: 'Malformed request', status: 400, detail, instance: path };
}

export function internalProblem(path: string, detail: string): Problem {
  return { type: `${BASE}mock-error`, title: 'The mock could not answer', status: 500, detail, instance: path };
}
