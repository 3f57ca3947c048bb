import type { Dereferencer } from './deref.js';
import { getAtPointer, joinPointer } from './json-pointer.js';
import type { JsonSchema, ParameterSpec } from './model.js';
import { isObject, type JsonObject } from './util.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** What the normalisers share: the bundled document, its dereferencer, and where a node sits in it. */
export interface NormaliseContext {
  doc: JsonObject;
  deref: Dereferencer;
}

export interface Located {
  node: JsonObject;
  /** JSON pointer of `node` inside the bundled document. */
  pointer: string;
}

/** Follows `$ref` chains of non-schema objects (responses, parameters, request bodies, path items). */
export function follow(ctx: NormaliseContext, node: unknown, pointer: string): Located | undefined {
  let current = node;
  let at = pointer;
  for (let hops = 0; hops < 20 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#')) return undefined;
    at = fragmentToPointer(ref);
    current = getAtPointer(ctx.doc, at);
  }
  return isObject(current) ? { node: current, pointer: at } : undefined;
}

/** `#/components/schemas/a%20b` → `/components/schemas/a b`. */
export function fragmentToPointer(ref: string): string {
  let fragment = ref.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // keep as written
  }
  return fragment;
}

export function schemaAt(ctx: NormaliseContext, schema: unknown): JsonSchema | undefined {
  if (schema === undefined) return undefined;
  const value = ctx.deref.deref(schema);
  return isObject(value) || typeof value === 'boolean' ? (value as JsonSchema) : undefined;
}

const PARAMETER_LOCATIONS = new Set(['path', 'query', 'header', 'cookie', 'formData']);

/**
 * Path-level parameters merged with the operation's (the operation wins for the same name+in).
 * Swagger 2.0 `in: body` is returned separately: it becomes the request body.
 */
export function mergeParameters(
  ctx: NormaliseContext,
  pathLevel: Located,
  operation: Located,
  toSchema: (param: JsonObject, pointer: string) => JsonSchema | undefined,
): { parameters: ParameterSpec[]; body?: Located; formData: ParameterSpec[] } {
  const byKey = new Map<string, { param: JsonObject; pointer: string }>();
  for (const owner of [pathLevel, operation]) {
    const list = owner.node.parameters;
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const found = follow(ctx, raw, joinPointer(owner.pointer, 'parameters', index));
      if (!found || typeof found.node.name !== 'string' || typeof found.node.in !== 'string') return;
      byKey.set(`${found.node.in}:${found.node.name}`, { param: found.node, pointer: found.pointer });
    });
  }
  const parameters: ParameterSpec[] = [];
  const formData: ParameterSpec[] = [];
  let body: Located | undefined;
  for (const { param, pointer } of byKey.values()) {
    if (param.in === 'body') {
      body = { node: param, pointer };
      continue;
    }
    if (!PARAMETER_LOCATIONS.has(param.in as string)) continue;
    const spec: ParameterSpec = {
      name: param.name as string,
      in: param.in as ParameterSpec['in'],
      required: param.required === true || param.in === 'path',
      schema: toSchema(param, pointer),
    };
    (param.in === 'formData' ? formData : parameters).push(spec);
  }
  return { parameters, body, formData };
}

/** `x-*` keys of an object. */
export function extensionsOf(node: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key.startsWith('x-')) out[key] = value;
  return out;
}
