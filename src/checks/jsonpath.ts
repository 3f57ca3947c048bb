import { createRequire } from 'node:module';
import type { JSONPath as JSONPathFn } from 'jsonpath-plus';

/** `$.data.client.id`, `$.items[0].id`: the paths nearly every doc uses, walked without jsonpath-plus. */
const SIMPLE_PATH = /^\$(?:\.[A-Za-z_$][\w$]*|\[\d+\])*$/;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]/g;

let jsonPathPlus: typeof JSONPathFn | undefined;

/** jsonpath-plus loads on the first path that needs it (filters, wildcards, recursion, …), not at start-up. */
function jsonPath(): typeof JSONPathFn {
  jsonPathPlus ??= (createRequire(import.meta.url)('jsonpath-plus') as { JSONPath: typeof JSONPathFn }).JSONPath;
  return jsonPathPlus;
}

/**
 * A simple path, walked by hand with jsonpath-plus's semantics (own properties only, `[n]` on
 * arrays). Undefined when the walk meets something else (a primitive root or step, an object indexed
 * with `[n]`): jsonpath-plus decides those. A property test compared both on random JSON.
 */
function walkSimple(json: unknown, path: string): PathQuery | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  let value: unknown = json;
  for (const match of path.matchAll(SEGMENT)) {
    if (value === null || typeof value !== 'object') return undefined;
    const [, key, index] = match;
    if (index !== undefined) {
      if (!Array.isArray(value)) return undefined;
      const i = Number(index);
      if (i >= value.length) return { found: false, value: undefined };
      value = value[i];
    } else {
      if (!Object.hasOwn(value, key)) return { found: false, value: undefined };
      value = (value as Record<string, unknown>)[key];
    }
  }
  return value === undefined ? { found: false, value: undefined } : { found: true, value };
}

export interface PathQuery {
  found: boolean;
  /** The single match, or the list of matches when the path selects several. */
  value: unknown;
  /** The path can select several values (a filter, wildcard, recursion, union or slice): `value` is the list of matches. */
  multi?: boolean;
}

const MULTI = /\[\*\]|\.\*|\.\.|\[\?|,|:/;

/** Evaluates a JSONPath; never throws (a bad path is simply "not found" plus the error). */
export function queryPath(json: unknown, path: string): PathQuery & { error?: string } {
  if (json === undefined) return { found: false, value: undefined };
  const simple = SIMPLE_PATH.test(path) ? walkSimple(json, path) : undefined;
  if (simple) return simple;
  try {
    // 'safe' evaluates filter expressions ([?(@.x > 1)]) without JavaScript's eval.
    const matches = jsonPath()({ path, json: json as object, wrap: true, eval: 'safe' }) as unknown[];
    if (!Array.isArray(matches) || matches.length === 0) return { found: false, value: undefined };
    const multi = MULTI.test(path);
    return { found: true, value: multi ? matches : matches[0], multi };
  } catch (error) {
    return { found: false, value: undefined, error: (error as Error).message };
  }
}

const STEP = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[['"]([^'"]*)['"]\])/;

/**
 * Why a path matched nothing, naming the deepest part that exists and what it holds:
 * "`$.data` has keys: bizai_chat" rather than only the top-level keys. Walks the plain steps of the
 * path (`.key`, `[n]`, `['key']`) up to the first one that is missing or not plain (a filter, a wildcard).
 */
export function describeMiss(json: unknown, path: string): string {
  let rest = path.startsWith('$') ? path.slice(1) : path;
  let at = '$';
  let value: unknown = json;
  for (let step = STEP.exec(rest); step; step = STEP.exec(rest)) {
    const key = step[1] ?? step[3];
    const next =
      key !== undefined
        ? value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key)
          ? (value as Record<string, unknown>)[key]
          : undefined
        : Array.isArray(value)
          ? value[Number(step[2])]
          : undefined;
    if (next === undefined) break;
    value = next;
    at += step[0];
    rest = rest.slice(step[0].length);
  }
  return `the nearest part that exists is \`${at}\`, ${holding(value)}`;
}

function holding(value: unknown): string {
  if (Array.isArray(value))
    return value.length === 0
      ? 'an empty array'
      : `an array of ${value.length}${
          value.every((v) => v && typeof v === 'object' && !Array.isArray(v))
            ? ` whose first item has keys: ${
                Object.keys(value[0] as object)
                  .slice(0, 12)
                  .join(', ') || '(none)'
              }`
            : ''
        }`;
  if (value && typeof value === 'object') return `with keys: ${Object.keys(value).slice(0, 12).join(', ') || '(none)'}`;
  return value === undefined ? 'no JSON body' : `a ${value === null ? 'null' : typeof value}`;
}
