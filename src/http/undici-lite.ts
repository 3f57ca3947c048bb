import { createRequire } from 'node:module';
import type * as Undici from 'undici';

/**
 * The two parts of undici a run uses — Agent and `request` — loaded without the package's index,
 * which also loads fetch, WebSocket, cookies, caches and mocks: ≈100 ms of every start-up on a
 * small machine, for nothing stepdoc calls. Same files as `import 'undici'` would load, so errors,
 * classes and behaviour are undici's own; types are the package's.
 */
const load = createRequire(import.meta.url);

export const Agent = load('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;
export type Agent = Undici.Agent;

type RequestOnDispatcher = (this: Undici.Dispatcher, options: Undici.Dispatcher.RequestOptions) => Promise<Undici.Dispatcher.ResponseData>;
const requestOn = load('undici/lib/api/api-request.js') as RequestOnDispatcher;

export type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Undici.Dispatcher };

/** undici's `request(url, options)`: the URL split into origin and path, sent through `options.dispatcher`. */
export function request(url: string, options: RequestOptions): Promise<Undici.Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = options;
  const parsed = new URL(url);
  return requestOn.call(dispatcher, { ...rest, origin: parsed.origin, path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname });
}
