import { joinPointer } from './json-pointer.js';
import type { MediaSpec, Operation, ParameterSpec, RequestBodySpec, ResponseSpec } from './model.js';
import { extensionsOf, follow, HTTP_METHODS, mergeParameters, schemaAt, type Located, type NormaliseContext } from './normalize-common.js';
import { swaggerPrefixes } from './prefixes.js';
import { asArray, asObject, asString, isJsonMediaType, isObject, type JsonObject } from './util.js';

const SIMPLE_SCHEMA_KEYS = ['type', 'format', 'items', 'enum', 'minimum', 'maximum', 'pattern', 'minLength', 'maxLength', 'default'];

/** Swagger 2.0 → the normalised operations. */
export function normaliseSwagger2(ctx: NormaliseContext): Operation[] {
  const { doc } = ctx;
  const prefixes = swaggerPrefixes(doc);
  const globalConsumes = stringList(doc.consumes);
  const globalProduces = stringList(doc.produces);
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(asObject(doc.paths))) {
    const item = follow(ctx, rawItem, joinPointer('/paths', path));
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const node = item.node[method];
      if (!isObject(node)) continue;
      const op: Located = { node, pointer: joinPointer(item.pointer, method) };
      const consumes = stringList(node.consumes) ?? globalConsumes ?? ['application/json'];
      const produces = stringList(node.produces) ?? globalProduces ?? ['application/json'];
      const merged = mergeParameters(ctx, item, op, (param) => simpleSchema(ctx, param));
      operations.push({
        method: method.toUpperCase(),
        path,
        prefixes,
        operationId: asString(node.operationId),
        summary: asString(node.summary),
        parameters: merged.parameters,
        requestBody: requestBody(ctx, merged.body, merged.formData, consumes),
        responses: responses(ctx, op, produces),
        extensions: extensionsOf(node),
      });
    }
  }
  return operations;
}

/** A non-body 2.0 parameter carries its schema keywords inline. */
function simpleSchema(ctx: NormaliseContext, param: JsonObject): ParameterSpec['schema'] {
  if (param.schema !== undefined) return schemaAt(ctx, param.schema);
  const schema: JsonObject = {};
  for (const key of SIMPLE_SCHEMA_KEYS) if (param[key] !== undefined) schema[key] = param[key];
  return schema;
}

function requestBody(ctx: NormaliseContext, body: Located | undefined, formData: ParameterSpec[], consumes: string[]): RequestBodySpec | undefined {
  if (body) {
    const media: MediaSpec = { schema: schemaAt(ctx, body.node.schema), pointer: joinPointer(body.pointer, 'schema') };
    if (body.node.schema === undefined) delete media.pointer;
    const types = consumes.filter(isJsonMediaType);
    const content: Record<string, MediaSpec> = {};
    for (const type of types.length > 0 ? types : ['application/json']) content[type] = media;
    return { required: body.node.required === true, content };
  }
  if (formData.length === 0) return undefined;
  // Form fields become one object schema; validated only by tools that understand form bodies.
  const schema = {
    type: 'object',
    properties: Object.fromEntries(formData.map((p) => [p.name, p.schema ?? {}])),
    required: formData.filter((p) => p.required).map((p) => p.name),
  };
  const types = consumes.filter((t) => t.includes('form'));
  const content: Record<string, MediaSpec> = {};
  for (const type of types.length > 0 ? types : ['application/x-www-form-urlencoded']) content[type] = { schema };
  return { required: formData.some((p) => p.required), content };
}

function responses(ctx: NormaliseContext, op: Located, produces: string[]): Record<string, ResponseSpec> {
  const out: Record<string, ResponseSpec> = {};
  for (const [status, raw] of Object.entries(asObject(op.node.responses))) {
    if (status.startsWith('x-')) continue;
    const found = follow(ctx, raw, joinPointer(op.pointer, 'responses', status));
    if (!found) continue;
    const content: Record<string, MediaSpec> = {};
    if (found.node.schema !== undefined) {
      const jsonTypes = produces.filter(isJsonMediaType);
      for (const type of jsonTypes.length > 0 ? jsonTypes : produces) {
        content[type] = { schema: schemaAt(ctx, found.node.schema), pointer: joinPointer(found.pointer, 'schema') };
      }
    }
    for (const [type, example] of Object.entries(asObject(found.node.examples))) {
      content[type] = { ...(content[type] ?? {}), example };
    }
    out[status] = { description: asString(found.node.description), content };
  }
  return out;
}

function stringList(value: unknown): string[] | undefined {
  const list = asArray(value).filter((v): v is string => typeof v === 'string');
  return list.length > 0 ? list : undefined;
}
