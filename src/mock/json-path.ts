import { isObject } from './schema-util.js';

/**
 * The mock's own tiny JSONPath: `$.a.b[0]['c-d']` — enough for rules and hints written in specs, with
 * set support (jsonpath-plus only reads).
 */
export function parsePath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const source = path.trim().replace(/^\$/, '');
  const token = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  let match: RegExpExecArray | null;
  let pos = 0;
  while (pos < source.length) {
    token.lastIndex = pos;
    match = token.exec(source);
    if (!match) {
      // A bare first segment (`amount` rather than `$.amount`) is accepted too.
      if (pos === 0 && !source.startsWith('.') && !source.startsWith('[')) return parsePath(`$.${source}`);
      throw new Error(`unsupported path \`${path}\` (use $.a.b[0] or $['a-b'])`);
    }
    out.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (match[3] ?? match[4])));
    pos = token.lastIndex;
  }
  return out;
}

export function getPath(value: unknown, path: string | Array<string | number>): unknown {
  let current = value;
  for (const key of typeof path === 'string' ? parsePath(path) : path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isObject(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

/** Sets a value, creating intermediate objects; returns false when a scalar is in the way. */
export function setPath(target: Record<string, unknown>, path: string | Array<string | number>, value: unknown): boolean {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  if (keys.length === 0) return false;
  let current: unknown = target;
  for (const key of keys.slice(0, -1)) {
    const container = current as Record<string | number, unknown>;
    if (!isObject(container[key]) && !Array.isArray(container[key])) container[key] = {};
    current = container[key];
  }
  if (!isObject(current) && !Array.isArray(current)) return false;
  (current as Record<string | number, unknown>)[keys[keys.length - 1]] = value;
  return true;
}
