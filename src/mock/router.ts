import type { LoadedSpec, Operation } from '../openapi/model.js';
import { editDistance } from '../core/suggest.js';
import { isLoadedSpec, loadedEntry, type SpecEntry } from './spec-entry.js';
import { escapeRegExp } from '../core/regex.js';

export interface Route {
  method: string;
  /** The served path template: prefix + operation path, e.g. `/v0/external_cards/{external_card_id}`. */
  path: string;
  /** The operation's own path template, as its spec declares it. */
  template: string;
  entry: SpecEntry;
  /** Set once the spec is loaded (at once for loaded specs, on the first matching request for lazy ones). */
  operation?: Operation;
  spec?: LoadedSpec;
  segments: Segment[];
  /** Served without the spec's basePath/server prefix (docs often leave it out): a literal declaration beats it. */
  stripped: boolean;
}

interface Segment {
  literal?: string;
  pattern?: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Routes of every operation of every spec, under each of its prefixes (basePath, servers). */
export class Router {
  readonly routes: Route[] = [];
  /** Routes by `METHOD segment-count`, in declaration order: a request is compared with a few routes, not all. */
  private readonly byShape = new Map<string, Route[]>();

  private readonly loading = new Map<SpecEntry, Promise<LoadedSpec | undefined>>();

  constructor(specs: Array<LoadedSpec | SpecEntry>) {
    const seen = new Set<string>();
    for (const given of specs) {
      const entry = isLoadedSpec(given) ? loadedEntry(given) : given;
      for (const source of entry.routes) {
        const prefixes = source.prefixes.length > 0 ? source.prefixes : [''];
        const prefixed = prefixes.some((p) => p !== '');
        for (const prefix of prefixes) {
          const path = normalisePath(joinPath(prefix, source.path));
          const method = source.method.toUpperCase();
          // Within one spec the first declaration wins; each spec keeps its own routes (a doc's spec answers first).
          const key = `${entry.file} ${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const route: Route = { method, path, template: source.path, entry, segments: compile(path), stripped: prefixed && prefix === '' };
          if (entry.spec) bind(route, entry.spec);
          this.routes.push(route);
          const shape = `${method} ${route.segments.length}`;
          const list = this.byShape.get(shape);
          if (list) list.push(route);
          else this.byShape.set(shape, [route]);
        }
      }
    }
  }

  /**
   * The route for a request. Routes of `preferred` (the requesting doc's own spec) come first; then a
   * literal declaration beats a basePath-stripped one; then literal segments beat templates; then
   * the earlier spec (the order specs were given in) wins.
   */
  match(method: string, rawPath: string, preferred?: string): RouteMatch | undefined {
    const parts = splitPath(rawPath);
    let best: { match: RouteMatch; rank: number } | undefined;
    for (const route of this.byShape.get(`${method.toUpperCase()} ${parts.length}`) ?? []) {
      const matched = matchSegments(route.segments, parts);
      if (!matched) continue;
      const rank = (route.entry.file === preferred ? 4096 : 0) + (route.stripped ? 0 : 1024) + matched.score;
      if (!best || rank > best.rank) best = { match: { route, params: matched.params }, rank };
    }
    return best?.match;
  }

  /** Loads a lazy route's spec (once per spec) and binds its operation; false when it cannot be loaded. */
  async resolve(route: Route): Promise<boolean> {
    if (route.operation) return true;
    const entry = route.entry;
    let pending = this.loading.get(entry);
    if (!pending) {
      pending = entry.load ? entry.load() : Promise.resolve(undefined);
      this.loading.set(entry, pending);
    }
    const spec = await pending;
    if (!spec) return false;
    for (const other of this.routes) if (other.entry === entry && !other.operation) bind(other, spec);
    return route.operation !== undefined;
  }

  /** Routes closest to an unknown request, for the 404 body: same path other method first, then by edit distance. */
  closest(method: string, rawPath: string, count = 3): Array<{ method: string; path: string }> {
    const parts = splitPath(rawPath);
    const scored = this.routes.map((route) => ({
      method: route.method,
      path: route.path,
      distance: pathDistance(route.segments, parts) + (route.method === method.toUpperCase() ? 0 : 1),
    }));
    scored.sort((a, b) => a.distance - b.distance);
    const seen = new Set<string>();
    return scored
      .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
      .slice(0, count)
      .map(({ method: m, path }) => ({ method: m, path }));
  }
}

function bind(route: Route, spec: LoadedSpec): void {
  route.spec = spec;
  route.operation = spec.operations.find((o) => o.method.toUpperCase() === route.method && o.path === route.template);
}

/** Segment by segment: a template segment matches any value, a literal costs its edit distance; extra segments cost their length. */
function pathDistance(segments: Segment[], parts: string[]): number {
  let distance = 0;
  for (let i = 0; i < Math.max(segments.length, parts.length); i++) {
    const segment = segments[i];
    const part = parts[i];
    if (segment === undefined || part === undefined) distance += (part ?? segment?.literal ?? '{}').length + 2;
    else if (segment.literal !== undefined) distance += editDistance(segment.literal, part);
    else if (!segment.pattern?.test(part)) distance += 1;
  }
  return distance;
}

function matchSegments(segments: Segment[], parts: string[]): { params: Record<string, string>; score: number } | undefined {
  const params: Record<string, string> = {};
  let score = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.literal !== undefined) {
      if (segment.literal !== parts[i]) return undefined;
      score++;
      continue;
    }
    const found = segment.pattern?.exec(parts[i]);
    if (!found) return undefined;
    segment.names.forEach((name, index) => {
      params[name] = safeDecode(found[index + 1]);
    });
  }
  return { params, score };
}

function compile(path: string): Segment[] {
  return splitPath(path).map((part) => {
    if (!part.includes('{')) return { literal: part, names: [] };
    const names: string[] = [];
    const source = part
      .split(/(\{[^}]*\})/)
      .map((piece) => {
        if (piece.startsWith('{') && piece.endsWith('}')) {
          names.push(piece.slice(1, -1));
          return '([^/]+?)';
        }
        return escapeRegExp(piece);
      })
      .join('');
    return { pattern: new RegExp(`^${source}$`), names };
  });
}

export function splitPath(path: string): string[] {
  return path
    .split('?')[0]
    .split('/')
    .filter((p) => p !== '');
}

function normalisePath(path: string): string {
  return '/' + splitPath(path).join('/');
}

/** Joins a server prefix and a path without doubling or losing the slash. */
export function joinPath(prefix: string, path: string): string {
  return `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
