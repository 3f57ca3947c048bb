import { UserError } from '../core/errors.js';
import type { Operation } from '../openapi/model.js';
import { parsePath } from './json-path.js';
import { isObject } from './schema-util.js';

/** The vendor extension name; documented in docs/mock.md. */
export const EXTENSION = 'x-stepdoc-mock';

export type Action = 'create' | 'read' | 'update' | 'delete' | 'list' | 'none';
const ACTIONS: readonly Action[] = ['create', 'read', 'update', 'delete', 'list', 'none'];

/**
 * Where a predicate reads: the request's parts, a stored resource (`stored`), how many stored resources
 * match (`count`), or the answer being built (`response`, in effects only).
 */
export type Source = 'body' | 'query' | 'params' | 'headers' | 'stored' | 'count' | 'response';
const SOURCES: readonly Source[] = ['body', 'query', 'params', 'headers', 'stored', 'count', 'response'];

export const COMPARISONS = ['equals', 'notEquals', 'in', 'notIn', 'exists', 'matches', 'contains', 'notContains', 'gt', 'gte', 'lt', 'lte'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export type Predicate =
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate }
  | ({ from: Source; path: string; collection?: string; id?: string; where?: Record<string, unknown> } & Partial<Record<Comparison, unknown>>);

/** What a matching rule does: answer with `status`/`body`, or change the normal answer (`merge`, `unset`). */
export interface Outcome {
  status?: number;
  body?: unknown;
  merge?: Record<string, unknown>;
  /** JSON paths removed from the resource, e.g. `$.transaction_id` of a transfer that never ran. */
  unset?: string[];
}

export interface Rule extends Outcome {
  /** Absent: always. */
  when?: Predicate;
}

/** A change to another stored resource once the request succeeded, e.g. a transfer crediting its account. */
export interface Effect {
  when?: Predicate;
  collection: string;
  /** Template naming the resource, e.g. `{{ request.body.originating_account_id }}`. */
  id: string;
  set: Record<string, unknown>;
  add: Record<string, unknown>;
}

/** Answer for a request that fails validation, templated with `violations`; the default is RFC 9457. */
export interface ValidationOverride {
  status: number;
  body: unknown;
}

export interface UniqueRule extends Outcome {
  fields: string[];
}

export interface LimitRule extends Outcome {
  /** A template naming what is counted, e.g. `{{ request.params.transfer_id }}`. */
  key: string;
  max: number;
  when?: Predicate;
}

export interface Transition {
  path: string;
  from: unknown[];
  to: unknown;
  /** Reads of the stored resource before it changes; 1 = the first read already shows `to`. */
  after: number;
}

export interface MockExtension {
  collection?: string;
  action?: Action;
  idField?: string;
  idParam?: string;
  rules: Rule[];
  unique: UniqueRule[];
  limits: LimitRule[];
  transitions: Transition[];
  effects: Effect[];
  /** Named APIs (`default`, `fallback`, …) that serve the operation; absent: all of them. */
  apis?: string[];
  validation?: ValidationOverride;
}

export const EMPTY_EXTENSION: MockExtension = { rules: [], unique: [], limits: [], transitions: [], effects: [] };

/**
 * Reads and checks an operation's `x-stepdoc-mock`, on top of the spec-wide one (document root: only
 * `validation` and `apis` make sense there). A malformed block is a user error naming the operation.
 */
export function readExtension(operation: Operation, specWide?: unknown): MockExtension {
  const where = `${EXTENSION} of ${operation.method.toUpperCase()} ${operation.path}`;
  const base = specWide === undefined ? EMPTY_EXTENSION : parse(specWide, `${EXTENSION} at the root of the spec`);
  const raw = operation.extensions[EXTENSION];
  if (raw === undefined) return base;
  const own = parse(raw, where);
  return { ...own, validation: own.validation ?? base.validation, apis: own.apis ?? base.apis };
}

function parse(raw: unknown, where: string): MockExtension {
  const fail = (message: string): never => {
    throw new UserError(`${where}: ${message}`, 'mock.extension', undefined, 'see docs/mock.md for the format');
  };
  if (!isObject(raw)) return fail('must be an object');
  const known = new Set(['collection', 'action', 'idField', 'idParam', 'rules', 'unique', 'limit', 'limits', 'transitions', 'effects', 'apis', 'validation']);
  for (const key of Object.keys(raw)) if (!known.has(key)) fail(`unknown key \`${key}\``);
  if (raw.action !== undefined && !ACTIONS.includes(raw.action as Action)) fail(`action must be one of ${ACTIONS.join(', ')}`);
  return {
    collection: optionalString(raw.collection, 'collection', fail),
    action: raw.action as Action | undefined,
    idField: optionalString(raw.idField, 'idField', fail),
    idParam: optionalString(raw.idParam, 'idParam', fail),
    rules: list(raw.rules).map((r, i) => readRule(r, `rules[${i}]`, fail)),
    unique: list(raw.unique).map((u, i) => readUnique(u, `unique[${i}]`, fail)),
    limits: list(raw.limits ?? raw.limit).map((l, i) => readLimit(l, `limit[${i}]`, fail)),
    transitions: list(raw.transitions).map((t, i) => readTransition(t, `transitions[${i}]`, fail)),
    effects: list(raw.effects).map((e, i) => readEffect(e, `effects[${i}]`, fail)),
    apis: raw.apis === undefined ? undefined : readApis(raw.apis, fail),
    validation: raw.validation === undefined ? undefined : readValidation(raw.validation, fail),
  };
}

function readApis(raw: unknown, fail: Fail): string[] {
  const apis = list(raw);
  if (apis.length === 0 || !apis.every((a) => typeof a === 'string')) fail('apis must be a list of API names');
  return apis as string[];
}

function readValidation(raw: unknown, fail: Fail): ValidationOverride {
  if (!isObject(raw)) return fail('validation must be { status, body }');
  const outcome = readOutcome(raw, 'validation', fail);
  return { status: outcome.status ?? 422, body: outcome.body };
}

function readEffect(raw: unknown, where: string, fail: Fail): Effect {
  if (!isObject(raw)) return fail(`${where} must be an object`);
  if (typeof raw.collection !== 'string' || typeof raw.id !== 'string') fail(`${where} needs collection and id`);
  for (const key of ['set', 'add'] as const) {
    if (raw[key] !== undefined && !isObject(raw[key])) fail(`${where}.${key} must map JSON paths to values`);
    for (const path of Object.keys(isObject(raw[key]) ? raw[key] : {})) checkPath(path, `${where}.${key}`, fail);
  }
  if (raw.set === undefined && raw.add === undefined) fail(`${where} needs set or add`);
  const when = raw.when === undefined ? undefined : readPredicate(raw.when, `${where}.when`, fail);
  return {
    when,
    collection: raw.collection as string,
    id: raw.id as string,
    set: (raw.set as Record<string, unknown> | undefined) ?? {},
    add: (raw.add as Record<string, unknown> | undefined) ?? {},
  };
}

type Fail = (message: string) => never;

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function optionalString(value: unknown, name: string, fail: Fail): string | undefined {
  if (value !== undefined && typeof value !== 'string') fail(`${name} must be a string`);
  return value as string | undefined;
}

function readOutcome(raw: Record<string, unknown>, where: string, fail: Fail): Outcome {
  if (raw.status !== undefined && (typeof raw.status !== 'number' || raw.status < 100 || raw.status > 599)) fail(`${where}.status must be an HTTP status`);
  if (raw.merge !== undefined && !isObject(raw.merge)) fail(`${where}.merge must be an object`);
  const unset = raw.unset === undefined ? undefined : list(raw.unset);
  if (unset && !unset.every((p) => typeof p === 'string')) fail(`${where}.unset must be a list of JSON paths`);
  unset?.forEach((p) => {
    checkPath(p as string, `${where}.unset`, fail);
  });
  return {
    status: raw.status as number | undefined,
    body: raw.body,
    merge: raw.merge as Record<string, unknown> | undefined,
    unset: unset as string[] | undefined,
  };
}

function readRule(raw: unknown, where: string, fail: Fail): Rule {
  if (!isObject(raw)) return fail(`${where} must be an object`);
  const outcome = readOutcome(raw, where, fail);
  if (outcome.status === undefined && outcome.merge === undefined && outcome.unset === undefined) fail(`${where} needs a status, a merge or an unset`);
  return { ...outcome, when: raw.when === undefined ? undefined : readPredicate(raw.when, `${where}.when`, fail) };
}

function readUnique(raw: unknown, where: string, fail: Fail): UniqueRule {
  const value = Array.isArray(raw) ? { fields: raw } : raw;
  if (!isObject(value)) return fail(`${where} must be a list of paths or { fields, status, body }`);
  const fields = Array.isArray(value.fields) ? value.fields : [];
  if (fields.length === 0 || !fields.every((f) => typeof f === 'string')) fail(`${where}.fields must be a list of JSON paths`);
  fields.forEach((f) => {
    checkPath(f as string, `${where}.fields`, fail);
  });
  return { ...readOutcome(value, where, fail), status: (value.status as number | undefined) ?? 409, fields: fields as string[] };
}

function readLimit(raw: unknown, where: string, fail: Fail): LimitRule {
  if (!isObject(raw)) return fail(`${where} must be an object`);
  if (typeof raw.key !== 'string') fail(`${where}.key must be a template string`);
  if (typeof raw.max !== 'number' || raw.max < 0) fail(`${where}.max must be a number ≥ 0`);
  const when = raw.when === undefined ? undefined : readPredicate(raw.when, `${where}.when`, fail);
  return { ...readOutcome(raw, where, fail), status: (raw.status as number | undefined) ?? 422, key: raw.key as string, max: raw.max as number, when };
}

function readTransition(raw: unknown, where: string, fail: Fail): Transition {
  if (!isObject(raw)) return fail(`${where} must be an object`);
  if (typeof raw.path !== 'string') fail(`${where}.path must be a JSON path`);
  checkPath(raw.path as string, `${where}.path`, fail);
  if (!('to' in raw)) fail(`${where}.to is required`);
  const after = raw.after ?? 1;
  if (typeof after !== 'number' || after < 0) fail(`${where}.after must be a number ≥ 0`);
  return { path: raw.path as string, from: list(raw.from), to: raw.to, after: after as number };
}

export function readPredicate(raw: unknown, where: string, fail: Fail): Predicate {
  if (!isObject(raw)) return fail(`${where} must be an object`);
  if (Array.isArray(raw.all)) return { all: raw.all.map((p, i) => readPredicate(p, `${where}.all[${i}]`, fail)) };
  if (Array.isArray(raw.any)) return { any: raw.any.map((p, i) => readPredicate(p, `${where}.any[${i}]`, fail)) };
  if (raw.not !== undefined) return { not: readPredicate(raw.not, `${where}.not`, fail) };
  const from = (raw.from ?? 'body') as Source;
  if (!SOURCES.includes(from)) fail(`${where}.from must be one of ${SOURCES.join(', ')}`);
  if (from === 'count') {
    if (typeof raw.collection !== 'string') fail(`${where}: a count predicate needs a collection`);
    if (raw.where !== undefined && !isObject(raw.where)) fail(`${where}.where must map JSON paths to values`);
  } else {
    if (typeof raw.path !== 'string') fail(`${where}.path must be a JSON path`);
    checkPath(raw.path as string, `${where}.path`, fail);
  }
  if (from === 'stored' && (typeof raw.collection === 'string') !== (typeof raw.id === 'string'))
    fail(`${where}: a stored predicate names both collection and id, or neither (the request's own resource)`);
  if (!COMPARISONS.some((c) => c in raw)) fail(`${where} needs a comparison: ${COMPARISONS.join(', ')}`);
  for (const key of ['in', 'notIn'] as const) if (key in raw && !Array.isArray(raw[key])) fail(`${where}.${key} must be a list`);
  return { ...raw, from, path: (raw.path as string | undefined) ?? '$' } as Predicate;
}

function checkPath(path: string, where: string, fail: Fail): void {
  try {
    parsePath(path);
  } catch (error) {
    fail(`${where}: ${(error as Error).message}`);
  }
}
