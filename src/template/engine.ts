import { liquidjs, type Liquid } from './liquidjs.js';

let engine: Liquid | undefined;

/**
 * The one Liquid engine of the process. Strict: an unknown variable or filter is an error, never an
 * empty string sent to an API. `ownPropertyOnly` keeps templates away from prototype members.
 */
export function liquid(): Liquid {
  if (engine) return engine;
  // An explicit locale: the default asks Intl for the system's, which costs ≈20 ms of every start-up
  // and made `date` output depend on the machine.
  // Limits: a doc's `{% for i in (1..999999999) %}` must end in an error, not hang the run (render is synchronous).
  engine = new (liquidjs().Liquid)({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    cache: false,
    locale: 'en-US',
    renderLimit: 2_000,
    memoryLimit: 64 * 1024 * 1024,
    parseLimit: 1024 * 1024,
  });
  engine.registerFilter('slice', tailSlice);
  return engine;
}

/**
 * Liquid's `slice: -4` returns one character; the docs mean the last four (`{{ timestamp | slice: -4 }}`
 * as a card's last_4). With one negative argument we return the tail; otherwise Liquid's semantics.
 */
export function tailSlice(value: unknown, start: number, length?: number): unknown {
  const list = Array.isArray(value) ? value : undefined;
  const text = list ? undefined : String(value ?? '');
  const size = list ? list.length : text!.length;
  let from = Number(start);
  if (length === undefined && from < 0) {
    from = Math.max(0, size + from);
    return list ? list.slice(from) : text!.slice(from);
  }
  const count = length === undefined ? 1 : Number(length);
  if (from < 0) from = size + from;
  return list ? list.slice(from, from + count) : text!.slice(from, from + count);
}
