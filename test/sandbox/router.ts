import type { Reply } from './http.js';
import type { Misbehave } from './options.js';
import type { SandboxState } from './state.js';

/** Which of the two base URLs a request arrived on. */
export type Base = 'main' | 'fallback';

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  state: SandboxState;
  misbehave: Misbehave;
  base: Base;
}

export type Handler = (ctx: RequestContext) => Reply;

export interface Route {
  method: string;
  /** `/v0/external_cards/transfers/:id` style; `:name` matches one path segment. */
  pattern: string;
  handler: Handler;
  /** Bases the route answers on; both when absent. */
  bases?: Base[];
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a method and path; literal segments win over `:params` by listing order. */
export function matchRoute(routes: Route[], method: string, path: string): Match | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPattern(route.pattern, segments);
    if (params) return { route, params };
  }
  return undefined;
}

/** True when some route has this path, whatever its method (for 405 versus 404). */
export function pathExists(routes: Route[], path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  return routes.some((route) => matchPattern(route.pattern, segments) !== undefined);
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segments[i]);
    else if (part !== segments[i]) return undefined;
  }
  return params;
}
