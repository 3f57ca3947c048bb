import { Liquid } from 'liquidjs';
import { isObject } from './schema-util.js';

/** What templates in `x-stepdoc-mock` bodies and predicates can read. */
export interface TemplateContext {
  request: { method: string; path: string; body: unknown; query: unknown; params: unknown; headers: unknown };
  /** The stored resource the request addresses (by its id path parameter), if any. */
  stored?: unknown;
  /** Every stored resource: `state['external_cards'][id]` (collection names without the leading slash). */
  state: Record<string, Record<string, unknown>>;
  /** The resource being answered, for effects (after the action ran). */
  response?: unknown;
  /** A fresh generated id, e.g. for error ids. */
  id?: string;
  now: string;
}

const engine = new Liquid({ strictVariables: false, strictFilters: true, jsTruthy: true });
const SINGLE_EXPRESSION = /^\{\{-?\s*([\s\S]*?)\s*-?\}\}$/;

/**
 * Renders every string in a value. A string that is exactly one `{{ … }}` keeps the value's type, so
 * `amount: "{{ request.body.amount }}"` stays a number, like stepdoc's step templates.
 */
export function renderValue(value: unknown, context: TemplateContext): unknown {
  if (typeof value === 'string') return renderString(value, context);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, context));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderValue(v, context)]));
  return value;
}

export function renderString(text: string, context: TemplateContext): unknown {
  if (!text.includes('{{') && !text.includes('{%')) return text;
  const single = SINGLE_EXPRESSION.exec(text);
  // undefined (not null) when the expression finds nothing: merges then leave the field alone.
  if (single && !single[1].includes('}}')) return engine.evalValueSync(single[1], context as unknown as object) as unknown;
  return engine.parseAndRenderSync(text, context as unknown as object) as string;
}
