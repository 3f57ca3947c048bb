import type { Comparison, Predicate } from './extension.js';
import { getPath } from './json-path.js';
import type { MockRequest } from './request.js';
import { normaliseCollection } from './resource.js';
import type { MockState } from './state.js';
import { renderString, renderValue, type TemplateContext } from './template.js';

export interface PredicateScope {
  request: MockRequest;
  state: MockState;
  template: TemplateContext;
}

/** Does a `when:` predicate hold for this request (and the stored state it refers to)? */
export function holds(predicate: Predicate | undefined, scope: PredicateScope): boolean {
  if (predicate === undefined) return true;
  if ('all' in predicate) return predicate.all.every((p) => holds(p, scope));
  if ('any' in predicate) return predicate.any.some((p) => holds(p, scope));
  if ('not' in predicate) return !holds(predicate.not, scope);
  const actual = read(predicate, scope);
  const comparisons = Object.keys(predicate).filter((k) => COMPARE[k as Comparison] !== undefined) as Comparison[];
  return comparisons.every((c) => COMPARE[c](actual, renderValue(predicate[c], scope.template)));
}

function read(predicate: Extract<Predicate, { from: unknown }>, scope: PredicateScope): unknown {
  const { request } = scope;
  switch (predicate.from) {
    case 'body':
      return getPath(request.body, predicate.path);
    case 'query':
      return getPath(request.query, predicate.path);
    case 'params':
      return getPath(request.params, predicate.path);
    case 'headers':
      return getPath(request.headers, predicate.path.toLowerCase());
    case 'stored': {
      if (predicate.collection === undefined) return getPath(scope.template.stored, predicate.path);
      const id = renderString(predicate.id ?? '', scope.template);
      const found = scope.state.get(normaliseCollection(predicate.collection), String(id));
      return found && 'found' in found ? getPath(found.found.record, predicate.path) : undefined;
    }
    case 'response':
      return getPath(scope.template.response, predicate.path);
    case 'count':
      return countMatching(predicate, scope);
  }
}

/** How many stored resources of a collection have every `where` path equal to its (templated) value. */
function countMatching(predicate: Extract<Predicate, { from: unknown }>, scope: PredicateScope): number {
  const where = Object.entries(renderValue(predicate.where ?? {}, scope.template) as Record<string, unknown>);
  return scope.state
    .list(normaliseCollection(predicate.collection ?? ''))
    .filter((item) => where.every(([path, expected]) => looseEquals(getPath(item.record, path), expected))).length;
}

function contains(container: unknown, item: unknown): boolean {
  if (Array.isArray(container)) return container.some((element) => looseEquals(element, item));
  if (typeof container === 'string') return container.includes(String(item));
  return false;
}

/** Equality that lets a query string `"2"` equal the number 2 (and `"true"` true): parameters arrive as text. */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'string') return b.trim() !== '' && Number(b) === a;
  if (typeof a === 'boolean' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && (typeof b === 'number' || typeof b === 'boolean')) return looseEquals(b, a);
  return JSON.stringify(a) === JSON.stringify(b);
}

function numeric(a: unknown, b: unknown, test: (x: number, y: number) => boolean): boolean {
  const x = typeof a === 'string' ? Number(a) : a;
  const y = typeof b === 'string' ? Number(b) : b;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) && test(x, y);
}

const COMPARE: Record<Comparison, (actual: unknown, expected: unknown) => boolean> = {
  equals: (a, e) => looseEquals(a, e),
  notEquals: (a, e) => !looseEquals(a, e),
  in: (a, e) => Array.isArray(e) && e.some((item) => looseEquals(a, item)),
  notIn: (a, e) => Array.isArray(e) && !e.some((item) => looseEquals(a, item)),
  exists: (a, e) => (a !== undefined && a !== null) === Boolean(e),
  contains: (a, e) => contains(a, e),
  notContains: (a, e) => !contains(a, e),
  matches: (a, e) => a !== undefined && a !== null && typeof e === 'string' && new RegExp(e).test(String(a)),
  gt: (a, e) => numeric(a, e, (x, y) => x > y),
  gte: (a, e) => numeric(a, e, (x, y) => x >= y),
  lt: (a, e) => numeric(a, e, (x, y) => x < y),
  lte: (a, e) => numeric(a, e, (x, y) => x <= y),
};
