import { setOwn } from '../core/own-property.js';
import { liquidjs, type Context, type Output } from './liquidjs.js';
import type { TemplateNode } from './compile.js';
import { liquidTemplates, templateError } from './compile.js';
import { liquid, tailSlice } from './engine.js';
import { isPlainValue, type PlainPart } from './plain.js';

/**
 * The variables one step renders with. liquidjs's Context is made only when a template needs
 * liquidjs; plain `{{ name }}` templates read the variables directly.
 */
export class Scope {
  private context?: Context;
  /** A tag rendered here may have set variables of its own (`{% assign %}`, `{% capture %}`). */
  private tagged = false;

  constructor(readonly variables: Record<string, unknown>) {}

  /** liquidjs's Context, for a template with tags (`withTags`) or filters. */
  liquid(withTags: boolean): Context {
    if (withTags) this.tagged = true;
    return (this.context ??= new (liquidjs().Context)(this.variables, liquid().options, { strictVariables: true, ownPropertyOnly: true }));
  }

  /**
   * A variable's value for a plain output, or undefined when liquidjs must decide: the name is not
   * one of the variables (liquidjs raises the error), its value is not a plain scalar, or a tag
   * rendered earlier in this scope (`{% assign %}`, `{% capture %}`) may have shadowed it.
   */
  plainValue(name: string): string | number | boolean | undefined {
    if (this.tagged) return undefined;
    if (!Object.hasOwn(this.variables, name)) return undefined;
    const value = this.variables[name];
    return isPlainValue(value) ? value : undefined;
  }
}

export function createScope(variables: Record<string, unknown>): Scope {
  return new Scope(variables);
}

/**
 * Renders a compiled tree. A string that is exactly one `{{ … }}` keeps the value's type
 * (a number stays a number); any other string renders to a string.
 */
export function renderNode(node: TemplateNode, scope: Scope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'array':
      return node.items.map((item) => renderNode(item, scope));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of node.entries) {
        // A key is text even when it is one `{{ … }}`: an object value must not reach String() unchecked.
        const name = key.kind === 'string' ? String(renderString(key, scope, false)) : String(renderNode(key, scope));
        setOwn(out, name, renderNode(value, scope));
      }
      return out;
    }
    case 'string':
      return renderString(node, scope, node.typed);
  }
}

function renderString(node: Extract<TemplateNode, { kind: 'string' }>, scope: Scope, typed: boolean): unknown {
  const plain = node.plain && renderPlain(node.plain, typed, scope);
  if (plain !== undefined) return plain;
  try {
    const context = scope.liquid(node.source.includes('{%'));
    const templates = liquidTemplates(node);
    if (typed) return typedValue(liquidjs().toValueSync((templates[0] as Output).value.value(context, false)));
    return liquid().renderSync(templates, context);
  } catch (error) {
    throw templateError(error, node.source, node.span);
  }
}

/** A plain template's value, or undefined to leave it to liquidjs. Same result liquidjs gives. */
function renderPlain(parts: PlainPart[], typed: boolean, scope: Scope): unknown {
  if (typed && parts.length === 1 && typeof parts[0] !== 'string') return outputValue(parts[0], scope);
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else {
      const value = outputValue(part, scope);
      if (value === undefined) return undefined;
      text += String(value);
    }
  }
  return text;
}

function outputValue(part: Exclude<PlainPart, string>, scope: Scope): unknown {
  const value = scope.plainValue(part.variable);
  if (value === undefined || !part.slice) return value;
  return tailSlice(value, part.slice[0], part.slice[1]);
}

/** liquidjs drops and wrappers become their plain values. */
function typedValue(value: unknown): unknown {
  if (value && typeof value === 'object' && 'valueOf' in value && typeof (value as { valueOf: () => unknown }).valueOf === 'function') {
    const plain = (value as { valueOf: () => unknown }).valueOf();
    if (plain !== value) return plain;
  }
  return value;
}
