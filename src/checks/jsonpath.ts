import { JSONPath } from 'jsonpath-plus';

export interface PathQuery {
  found: boolean;
  /** The single match, or the list of matches when the path selects several. */
  value: unknown;
}

/** Evaluates a JSONPath; never throws (a bad path is simply "not found" plus the error). */
export function queryPath(json: unknown, path: string): PathQuery & { error?: string } {
  if (json === undefined) return { found: false, value: undefined };
  try {
    // 'safe' evaluates filter expressions ([?(@.x > 1)]) without JavaScript's eval.
    const matches = JSONPath({ path, json: json as object, wrap: true, eval: 'safe' }) as unknown[];
    if (!Array.isArray(matches) || matches.length === 0) return { found: false, value: undefined };
    const multi = /\[\*\]|\.\*|\.\.|\[\?|,|:/.test(path);
    return { found: true, value: multi ? matches : matches[0] };
  } catch (error) {
    return { found: false, value: undefined, error: (error as Error).message };
  }
}

/** Top-level keys of a value, for "looked for X, found keys a, b, c". */
export function topKeys(json: unknown): string {
  if (json && typeof json === 'object' && !Array.isArray(json)) return Object.keys(json).slice(0, 12).join(', ') || '(none)';
  if (Array.isArray(json)) return `an array of ${json.length}`;
  return json === undefined ? 'no JSON body' : `a ${typeof json}`;
}
