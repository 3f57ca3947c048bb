import { joinPointer } from './json-pointer.js';
import type { MediaSpec, Operation, RequestBodySpec, ResponseSpec } from './model.js';
import { extensionsOf, follow, HTTP_METHODS, mergeParameters, schemaAt, type Located, type NormaliseContext } from './normalize-common.js';
import { serverPrefixes } from './prefixes.js';
import { asObject, asString, isObject } from './util.js';

/** OpenAPI 3.0 / 3.1 → the normalised operations. */
export function normaliseOas3(ctx: NormaliseContext): Operation[] {
  const { doc } = ctx;
  const rootPrefixes = serverPrefixes(doc.servers);
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(asObject(doc.paths))) {
    const item = follow(ctx, rawItem, joinPointer('/paths', path));
    if (!item) continue;
    const itemPrefixes = Array.isArray(item.node.servers) ? serverPrefixes(item.node.servers) : rootPrefixes;
    for (const method of HTTP_METHODS) {
      const node = item.node[method];
      if (!isObject(node)) continue;
      const op: Located = { node, pointer: joinPointer(item.pointer, method) };
      const merged = mergeParameters(ctx, item, op, (param) => schemaAt(ctx, param.schema));
      operations.push({
        method: method.toUpperCase(),
        path,
        prefixes: Array.isArray(node.servers) ? serverPrefixes(node.servers) : itemPrefixes,
        operationId: asString(node.operationId),
        summary: asString(node.summary),
        parameters: merged.parameters,
        requestBody: requestBody(ctx, op),
        responses: responses(ctx, op),
        extensions: extensionsOf(node),
      });
    }
  }
  return operations;
}

function requestBody(ctx: NormaliseContext, op: Located): RequestBodySpec | undefined {
  if (op.node.requestBody === undefined) return undefined;
  const found = follow(ctx, op.node.requestBody, joinPointer(op.pointer, 'requestBody'));
  if (!found) return undefined;
  return { required: found.node.required === true, content: content(ctx, found) };
}

function responses(ctx: NormaliseContext, op: Located): Record<string, ResponseSpec> {
  const out: Record<string, ResponseSpec> = {};
  for (const [status, raw] of Object.entries(asObject(op.node.responses))) {
    if (status.startsWith('x-')) continue;
    const found = follow(ctx, raw, joinPointer(op.pointer, 'responses', status));
    if (!found) continue;
    out[status] = { description: asString(found.node.description), content: content(ctx, found) };
  }
  return out;
}

function content(ctx: NormaliseContext, owner: Located): Record<string, MediaSpec> {
  const out: Record<string, MediaSpec> = {};
  for (const [type, raw] of Object.entries(asObject(owner.node.content))) {
    if (!isObject(raw)) continue;
    const media: MediaSpec = {};
    if (raw.schema !== undefined) {
      media.schema = schemaAt(ctx, raw.schema);
      media.pointer = joinPointer(owner.pointer, 'content', type, 'schema');
    }
    if (raw.example !== undefined) media.example = raw.example;
    const examples = namedExamples(ctx, raw.examples, joinPointer(owner.pointer, 'content', type, 'examples'));
    if (examples) media.examples = examples;
    out[type] = media;
  }
  return out;
}

/** Named examples reduced to their `value` (following `$ref`s to components/examples). */
function namedExamples(ctx: NormaliseContext, raw: unknown, pointer: string): Record<string, unknown> | undefined {
  if (!isObject(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, example] of Object.entries(raw)) {
    const found = follow(ctx, example, joinPointer(pointer, name));
    if (found && 'value' in found.node) out[name] = found.node.value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
