import type { BodyPredicate } from '../core/model.js';
import type { CheckResult } from '../core/result.js';
import { describeMiss, queryPath } from './jsonpath.js';
import { deepEqual, typeName } from './values.js';

/**
 * One body predicate → one result. `expectedValues[i]` is the rendered `equals`/`contains` of
 * predicate i (templates in expected values are rendered by the runner).
 */
export function checkBody(json: unknown, predicates: BodyPredicate[], expectedValues: unknown[] = []): CheckResult[] {
  return predicates.map((predicate, i) => checkPredicate(json, predicate, expectedValues[i]));
}

function checkPredicate(json: unknown, p: BodyPredicate, rendered: unknown): CheckResult {
  const { found, value, error } = queryPath(json, p.path);
  const base = { kind: 'body' as const, span: p.span };
  const fail = (name: string, expected: unknown, message: string): CheckResult => ({
    ...base,
    name,
    passed: false,
    expected,
    actual: found ? value : undefined,
    message,
  });
  const pass = (name: string, expected: unknown): CheckResult => ({ ...base, name, passed: true, expected, actual: value });
  if (error) return fail(`${p.path}`, 'a valid JSONPath', `invalid JSONPath: ${error}`);
  if (p.exists !== undefined) {
    if (found !== p.exists)
      return fail(
        `${p.path} exists: ${p.exists}`,
        p.exists ? 'present' : 'absent',
        found ? `${p.path} is present` : `${p.path} not found (${describeMiss(json, p.path)})`,
      );
    if (!hasValueChecks(p)) return pass(`${p.path} exists: ${p.exists}`, p.exists ? 'present' : 'absent');
  }
  if (!found && p.exists !== false) return fail(p.path, describe(p, rendered), `${p.path} not found (${describeMiss(json, p.path)})`);
  const failures: string[] = [];
  const equals = 'equals' in p && p.equals !== undefined ? rendered : undefined;
  if (p.equals !== undefined && !looseEqual(value, equals)) failures.push(`expected ${show(equals)}, got ${show(value)}`);
  if (p.notEquals !== undefined && looseEqual(value, p.notEquals)) failures.push(`expected anything but ${show(p.notEquals)}`);
  if (p.matches !== undefined && !new RegExp(p.matches).test(String(value))) failures.push(`${show(value)} does not match /${p.matches}/`);
  if (p.type !== undefined && typeName(value) !== p.type && !(p.type === 'number' && typeName(value) === 'integer'))
    failures.push(`expected a ${p.type}, got ${typeName(value)}`);
  if (p.length !== undefined && lengthOf(value) !== Number(p.length)) failures.push(`expected length ${p.length}, got ${lengthOf(value) ?? 'no length'}`);
  if (p.contains !== undefined && !contains(value, p.equals === undefined ? rendered : p.contains))
    failures.push(`${show(value)} does not contain ${show(p.contains)}`);
  if (p.oneOf !== undefined && !p.oneOf.some((o) => looseEqual(value, o))) failures.push(`${show(value)} is not one of ${show(p.oneOf)}`);
  for (const [op, limit] of [
    ['gt', p.gt],
    ['gte', p.gte],
    ['lt', p.lt],
    ['lte', p.lte],
  ] as const) {
    if (limit !== undefined && !compare(op, Number(value), Number(limit))) failures.push(`expected ${op} ${limit}, got ${show(value)}`);
  }
  const name = `${p.path} ${describe(p, rendered)}`;
  return failures.length ? fail(name, describe(p, rendered), failures.join('; ')) : pass(name, describe(p, rendered));
}

function hasValueChecks(p: BodyPredicate): boolean {
  return [p.equals, p.notEquals, p.matches, p.type, p.length, p.contains, p.oneOf, p.gt, p.gte, p.lt, p.lte].some((v) => v !== undefined);
}

/** YAML `status: 201` vs JSON `"201"`: numbers and their strings compare equal; objects deeply. */
function looseEqual(a: unknown, b: unknown): boolean {
  if (deepEqual(a, b)) return true;
  if ((typeof a === 'number' && typeof b === 'string') || (typeof a === 'string' && typeof b === 'number')) return String(a) === String(b);
  return false;
}

function contains(haystack: unknown, needle: unknown): boolean {
  if (Array.isArray(haystack)) return haystack.some((item) => looseEqual(item, needle) || (isObject(needle) && isObject(item) && subset(item, needle)));
  if (typeof haystack === 'string') return haystack.includes(String(needle));
  if (isObject(haystack) && isObject(needle)) return subset(haystack, needle);
  return false;
}

function subset(obj: Record<string, unknown>, part: Record<string, unknown>): boolean {
  return Object.entries(part).every(([k, v]) => looseEqual(obj[k], v));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lengthOf(value: unknown): number | undefined {
  if (Array.isArray(value) || typeof value === 'string') return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return undefined;
}

function compare(op: 'gt' | 'gte' | 'lt' | 'lte', a: number, b: number): boolean {
  if (Number.isNaN(a)) return false;
  return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
}

function describe(p: BodyPredicate, rendered: unknown): string {
  const parts: string[] = [];
  if (p.equals !== undefined) parts.push(`equals ${show(rendered)}`);
  for (const key of ['notEquals', 'matches', 'type', 'length', 'contains', 'oneOf', 'gt', 'gte', 'lt', 'lte'] as const) {
    if (p[key] !== undefined) parts.push(`${key} ${show(p[key])}`);
  }
  if (p.exists !== undefined && parts.length === 0) parts.push(`exists: ${p.exists}`);
  return parts.join(', ');
}

export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? text.slice(0, 117) + '...' : text;
}
