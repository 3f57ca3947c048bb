import { Context, toValueSync, type Output } from './liquidjs.js';
import type { TemplateNode } from './compile.js';
import { templateError } from './compile.js';
import { liquid } from './engine.js';

/** A scope is built once per step render; liquidjs reads variables from it. */
export function createScope(variables: Record<string, unknown>): Context {
  return new Context(variables, liquid().options, { strictVariables: true, ownPropertyOnly: true });
}

/**
 * Renders a compiled tree. A string that is exactly one `{{ … }}` keeps the value's type
 * (a number stays a number); any other string renders to a string.
 */
export function renderNode(node: TemplateNode, scope: Context): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'array':
      return node.items.map((item) => renderNode(item, scope));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of node.entries) out[String(renderNode(key, scope))] = renderNode(value, scope);
      return out;
    }
    case 'string':
      try {
        if (node.typed) return typedValue(toValueSync((node.templates[0] as Output).value.value(scope, false)));
        return liquid().renderSync(node.templates, scope);
      } catch (error) {
        throw templateError(error, node.source, node.span);
      }
  }
}

/** liquidjs drops and wrappers become their plain values. */
function typedValue(value: unknown): unknown {
  if (value && typeof value === 'object' && 'valueOf' in value && typeof (value as { valueOf: () => unknown }).valueOf === 'function') {
    const plain = (value as { valueOf: () => unknown }).valueOf();
    if (plain !== value) return plain;
  }
  return value;
}
