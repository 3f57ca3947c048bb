import type { LoadedSpec, Operation } from './model.js';
import { escapeRegExp } from '../core/regex.js';

interface Segment {
  literal?: string;
  /** For templated segments such as `{id}` or `{id}.json`. */
  pattern?: RegExp;
}

interface Matcher {
  operation: Operation;
  method: string;
  segments: Segment[];
  templated: number;
  prefixLength: number;
}

export interface OperationIndex {
  /** The operation for a method and a concrete or templated path; the most specific wins. */
  find(method: string, path: string): Operation | undefined;
  /** Every `METHOD /prefix/path` the spec serves, for did-you-mean messages. */
  routes(): string[];
}

const indexes = new WeakMap<LoadedSpec, OperationIndex>();

/** Precompiles the spec's path matchers once (per spec object) and looks the operation up. */
export function findOperation(spec: LoadedSpec, method: string, path: string): Operation | undefined {
  return operationIndex(spec).find(method, path);
}

export function operationIndex(spec: LoadedSpec): OperationIndex {
  let index = indexes.get(spec);
  if (!index) {
    index = buildIndex(spec.operations);
    indexes.set(spec, index);
  }
  return index;
}

function buildIndex(operations: Operation[]): OperationIndex {
  const bySegmentCount = new Map<number, Matcher[]>();
  const routes: string[] = [];
  for (const operation of operations) {
    const prefixes = operation.prefixes.length > 0 ? operation.prefixes : [''];
    for (const prefix of new Set(prefixes)) {
      const full = `${prefix}/${operation.path.replace(/^\/+/, '')}`;
      const segments = splitPath(full).map(compileSegment);
      const matcher: Matcher = {
        operation,
        method: operation.method.toUpperCase(),
        segments,
        templated: segments.filter((s) => s.pattern).length,
        prefixLength: prefix.length,
      };
      const list = bySegmentCount.get(segments.length) ?? [];
      list.push(matcher);
      bySegmentCount.set(segments.length, list);
      routes.push(`${matcher.method} ${full}`);
    }
  }
  return {
    find(method, path) {
      const parts = splitPath(path);
      const wanted = method.toUpperCase();
      let best: Matcher | undefined;
      for (const matcher of bySegmentCount.get(parts.length) ?? []) {
        if (matcher.method !== wanted || !matches(matcher.segments, parts)) continue;
        if (!best || better(matcher, best)) best = matcher;
      }
      return best?.operation;
    },
    routes: () => routes,
  };
}

/** Fewer template segments is more specific; then the one served under the longer prefix. */
function better(a: Matcher, b: Matcher): boolean {
  if (a.templated !== b.templated) return a.templated < b.templated;
  return a.prefixLength > b.prefixLength;
}

/** Path without query string, fragment, or empty segments; `/a//b/` → ['a', 'b']. */
export function splitPath(path: string): string[] {
  const bare = path.split(/[?#]/)[0];
  const withoutOrigin = bare.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return withoutOrigin.split('/').filter((s) => s !== '');
}

function compileSegment(segment: string): Segment {
  if (!segment.includes('{')) return { literal: segment };
  const source = segment
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') && part.endsWith('}') ? '[^/]+' : escapeRegExp(part)))
    .join('');
  return { pattern: new RegExp(`^${source}$`) };
}

/** A segment of the looked-up path that is itself a placeholder: `{client_id}`, `:client_id`, `{{ id }}`. */
function isPlaceholder(part: string): boolean {
  return /^\{[^}]*\}$/.test(part) || /^\{\{.*\}\}$/.test(part) || /^:[A-Za-z_]\w*$/.test(part);
}

function matches(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (segment.literal !== undefined) {
      if (segment.literal !== part && safeDecode(segment.literal) !== safeDecode(part)) return false;
    } else if (!isPlaceholder(part) && !segment.pattern!.test(part)) {
      return false;
    }
  }
  return true;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
